// The journey's generated resolvers, executed by graphql-js with the runtime: batching, null for
// a missing nullable value, NotFoundError (extensions.code NOT_FOUND) for a missing non-null
// one, and a synchronous result (no Promise) once every value is cached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, execute, parse } from 'graphql';
import { addToSchema } from 'graphql-codegen-batch';
import { Dataloader, groupByKeys, orderByKeys } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import {
  CommentsByPostSource,
  createBatchResolvers,
  PostSource,
  TagSource,
  UserSource,
} from '../../fixtures/journey-esm/generated/graphql.js';
import type { CommentRow, PostRow, UserRow } from '../../fixtures/journey-esm/models.js';
import { fixturesDir } from './support/fixtures.js';

const posts: PostRow[] = [
  { id: 'p1', title: 'One', authorId: 'u1', editorId: 'u9', tagIds: ['t1', 't2'] },
  { id: 'p2', title: 'Two', authorId: 'u404', editorId: null, tagIds: [] },
];
const users: UserRow[] = [{ id: 'u1', name: 'Ada' }];
const comments: CommentRow[] = [
  { id: 'c1', postId: 'p1', body: 'a' },
  { id: 'c2', postId: 'p1', body: 'b' },
];

function app() {
  const log: string[] = [];
  class Users extends UserSource {
    fetch(ids: string[]) {
      log.push(`User ${ids.join(',')}`);
      return orderByKeys(ids, users, (u) => u.id);
    }
  }
  class Posts extends PostSource {
    async fetch(ids: string[]) {
      log.push(`Post ${ids.join(',')}`);
      return orderByKeys(ids, posts, (p) => p.id);
    }
  }
  class CommentsByPost extends CommentsByPostSource {
    fetch(ids: string[]) {
      log.push(`CommentsByPost(first=${this.params.first}) ${ids.join(',')}`);
      return groupByKeys(ids, comments, (c) => c.postId).map((g) => g.slice(0, this.params.first));
    }
  }
  class Tags extends TagSource {
    fetch(ids: string[]) {
      log.push(`Tag ${ids.join(',')}`);
      return ids.map((id) => ({ id, label: id.toUpperCase() }));
    }
  }
  const schema = buildSchema(
    addToSchema + readFileSync(join(fixturesDir, 'journey/schema.graphql'), 'utf8'),
  );
  const resolvers = createBatchResolvers({ User: Users, Post: Posts, CommentsByPost, Tag: Tags });
  const fieldResolver = (
    source: unknown,
    args: Record<string, unknown>,
    ctx: unknown,
    info: { parentType: { name: string }; fieldName: string },
  ) => {
    const byType = (resolvers as Record<string, Record<string, (...a: unknown[]) => unknown>>)[
      info.parentType.name
    ];
    const resolve = byType?.[info.fieldName];
    return resolve
      ? resolve(source, args, ctx, info)
      : (source as Record<string, unknown>)[info.fieldName];
  };
  return { schema, log, fieldResolver, Users };
}

const query = parse(
  `query($id: ID!) { post(id: $id) { title author { name } editor { name } comments(first: 1) { body } tags { label } } }`,
);

describe('journey resolvers at run time', () => {
  it('batches per source, resolves a missing nullable value to null', async () => {
    const { schema, log, fieldResolver } = app();
    const result = await execute({
      schema,
      document: query,
      variableValues: { id: 'p1' },
      contextValue: { dataloader: new Dataloader() },
      fieldResolver,
    });
    expect(result).toEqual({
      data: {
        post: {
          title: 'One',
          author: { name: 'Ada' },
          editor: null,
          comments: [{ body: 'a' }],
          tags: [{ label: 'T1' }, { label: 'T2' }],
        },
      },
    });
    expect(log).toEqual(['Post p1', 'User u1,u9', 'CommentsByPost(first=1) p1', 'Tag t1,t2']);
  });

  it('a missing non-null value is a NotFoundError with extensions.code NOT_FOUND', async () => {
    const { schema, fieldResolver } = app();
    const result = await execute({
      schema,
      document: parse('{ post(id: "p2") { author { name } } }'),
      contextValue: { dataloader: new Dataloader() },
      fieldResolver,
    });
    expect(result.errors?.map((e) => [e.message, e.extensions.code, e.path])).toEqual([
      ['User not found for key "u404" (Post.author)', 'NOT_FOUND', ['post', 'author']],
    ]);
  });

  it('returns a plain value, not a Promise, when everything is cached', async () => {
    const { schema, fieldResolver } = app();
    const dataloader = new Dataloader();
    const contextValue = { dataloader };
    await execute({
      schema,
      document: query,
      variableValues: { id: 'p1' },
      contextValue,
      fieldResolver,
    });
    const again = execute({
      schema,
      document: query,
      variableValues: { id: 'p1' },
      contextValue,
      fieldResolver,
    });
    expect(again).not.toBeInstanceOf(Promise);
    expect((again as { data?: unknown }).data).toMatchObject({
      post: { title: 'One', author: { name: 'Ada' } },
    });
  });
});
