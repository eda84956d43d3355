// Entity references through a real gateway: @apollo/gateway composes the people and catalog
// subgraphs (subgraphs.ts) and plans each query; @apollo/subgraph calls the generated
// `__resolveReference` once per representation, and every representation of a type in one
// `_entities` request reaches its Source in one fetch. The logs are exact: which request each
// subgraph got, and which keys each fetch received, in order.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../fixtures/federation-catalog/context.js';
import type { PeopleDb } from '../../fixtures/federation-people/context.js';
import { type Federation, startFederation } from './subgraphs.js';

const people: Omit<PeopleDb, 'log'> = {
  users: [
    { id: 'u1', name: 'Ada', teamId: 't1', pinnedPostId: 'p4' },
    { id: 'u2', name: 'Grace', teamId: 't2', pinnedPostId: 'p2' },
    { id: 'u3', name: 'Linus', teamId: 't1', pinnedPostId: null },
  ],
  teams: [
    { id: 't1', name: 'Compilers' },
    { id: 't2', name: 'Databases' },
  ],
};
const catalog: Omit<CatalogDb, 'log'> = {
  posts: [
    { id: 'p1', title: 'Notes', authorId: 'u1', teamId: 't1' },
    { id: 'p2', title: 'COBOL', authorId: 'u2', teamId: 't2' },
    { id: 'p3', title: 'Kernels', authorId: 'u3', teamId: 't1' },
    { id: 'p4', title: 'Engines', authorId: 'u1', teamId: 't2' },
    { id: 'p5', title: 'Compilers', authorId: 'u2', teamId: 't1' },
    { id: 'p6', title: 'Ghost', authorId: 'u9', teamId: 't1' },
  ],
};

let federation: Federation;
beforeAll(async () => {
  federation = await startFederation({ people, catalog });
});
afterAll(() => federation?.stop());
beforeEach(() => {
  federation.requests.people.length = 0;
  federation.requests.catalog.length = 0;
});

const CROSSING = `{
  posts(first: 5) {
    title
    team { name }
    author { name pinned { title author { name } } }
  }
}`;

describe('@batch on entity types, through @apollo/gateway', () => {
  it('one fetch per entity type and level for a query that crosses the subgraphs over a list', async () => {
    const result = await federation.query(CROSSING);
    const ada = { name: 'Ada', pinned: { title: 'Engines', author: { name: 'Ada' } } };
    const grace = { name: 'Grace', pinned: { title: 'COBOL', author: { name: 'Grace' } } };
    expect(result).toEqual({
      data: {
        posts: [
          { title: 'Notes', team: { name: 'Compilers' }, author: ada },
          { title: 'COBOL', team: { name: 'Databases' }, author: grace },
          {
            title: 'Kernels',
            team: { name: 'Compilers' },
            author: { name: 'Linus', pinned: null },
          },
          { title: 'Engines', team: { name: 'Databases' }, author: ada },
          { title: 'Compilers', team: { name: 'Compilers' }, author: grace },
        ],
      },
    });
    // Requests of one level run in parallel, so each subgraph's lines are compared sorted.
    expect(federation.requests.catalog.sort()).toEqual([
      // The posts the four authors pinned: four __resolveReference calls, one fetch of two keys.
      '_entities(Post ×4) → Post [p4, p2]',
      'posts → no fetch', // the five posts, read by the root field
    ]);
    expect(federation.requests.people.sort()).toEqual([
      '_entities(Team ×5) → Team [t1, t2]', // the posts' teams
      '_entities(User ×4) → User [u1, u2]', // the authors of the pinned posts
      '_entities(User ×5) → User [u1, u2, u3]', // the posts' authors
    ]);
  });

  it('the @batch fields below an entity load in the same request, one fetch each', async () => {
    const result = await federation.query('{ posts(first: 3) { author { name team { name } } } }');
    expect(result).toEqual({
      data: {
        posts: [
          { author: { name: 'Ada', team: { name: 'Compilers' } } },
          { author: { name: 'Grace', team: { name: 'Databases' } } },
          { author: { name: 'Linus', team: { name: 'Compilers' } } },
        ],
      },
    });
    expect(federation.requests.people).toEqual([
      '_entities(User ×3) → User [u1, u2, u3]; Team [t1, t2]',
    ]);
  });

  it('a representation its Source finds nothing for resolves null, the others their rows', async () => {
    // What the gateway sends a subgraph, sent straight to it: three references, one unknown.
    const response = await fetch(federation.urls.people, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on User { name } }
        }`,
        variables: {
          representations: ['u2', 'u9', 'u1'].map((id) => ({ __typename: 'User', id })),
        },
      }),
    });
    expect(await response.json()).toEqual({
      data: { _entities: [{ name: 'Grace' }, null, { name: 'Ada' }] },
    });
    expect(federation.requests.people).toEqual(['_entities(User ×3) → User [u2, u9, u1]']);
  });
});
