// The key forms at run time, through graphql-js, in every scheduler mode, with the lookahead
// prefetch on and off: composite keys are one entry per distinct value, `$parent` keys one per
// parent object (by reference, at every level), and an interface's @batch batches across its
// implementers. Each source's batches are pinned exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  execute,
  type GraphQLFieldResolver,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  parse,
} from 'graphql';
import { addToSchema } from 'graphql-codegen-batch';
import { describe, expect, it } from 'vitest';
import {
  createBatchResolvers,
  MembershipSource,
  PostStatsSource,
  ProfileSource,
  ReactionsSource,
  TrendSource,
  UserSource,
  withPrefetch,
} from '../../fixtures/keys/generated/graphql.js';
import type {
  CommentRow,
  MemberRow,
  MembershipRow,
  PostRow,
  PostStatsRow,
} from '../../fixtures/keys/models.js';
import { modes } from '../runtime/support.js';
import { fixturesDir } from './support/fixtures.js';

const p1: PostRow = { kind: 'post', id: 'p1', authorId: 'u1' };
const p2: PostRow = { kind: 'post', id: 'p2', authorId: 'u1' };
/** Equal to p1 by value, another object: a `$parent` key of its own. */
const p1copy: PostRow = { ...p1 };
const c1: CommentRow = { kind: 'comment', id: 'c1', authorId: 'u2' };
const members: MemberRow[] = [
  { orgId: 'o1', userId: 'u1', manager: { userId: 'u2' } },
  { orgId: 'o1', userId: 'u2', manager: null },
  // Equal to the first by value: its composite keys share the first one's entries.
  { orgId: 'o1', userId: 'u1', manager: { userId: 'u2' } },
];

function app(prefetch: boolean, roles: Record<string, string> = {}) {
  const batches: Record<string, unknown[][]> = {};
  const record = (source: string, keys: unknown[]) => {
    batches[source] = [...(batches[source] ?? []), keys];
  };
  const statsRows: PostStatsRow[] = [];
  class Users extends UserSource {
    fetch(ids: string[]) {
      record('User', ids);
      return ids.map((id) => ({ id, name: id.toUpperCase() }));
    }
  }
  class Memberships extends MembershipSource {
    fetch(keys: Pick<MemberRow, 'orgId' | 'userId'>[]) {
      record('Membership', keys);
      return keys.map((k): MembershipRow | null => {
        const role = roles[k.userId] ?? `member:${k.userId}`;
        return role === 'none' ? null : { role };
      });
    }
  }
  class Profiles extends ProfileSource {
    async fetch(keys: { userId: string; locale: string }[]) {
      record('Profile', keys);
      return keys.map((k) => ({ bio: `${k.userId}/${k.locale}` }));
    }
  }
  class Stats extends PostStatsSource {
    async fetch(posts: PostRow[]) {
      record(`PostStats(window=${this.params.window})`, posts);
      return posts.map((post) => {
        const row = { postId: post.id, views: post.id.length * this.params.window };
        statsRows.push(row);
        return row;
      });
    }
  }
  class Trends extends TrendSource {
    fetch(stats: PostStatsRow[]) {
      record('Trend', stats);
      return stats.map((s) => [{ day: 1, views: s.views }]);
    }
  }
  class Reactions extends ReactionsSource {
    *fetch(parents: (PostRow | CommentRow)[]) {
      record('Reactions', parents);
      return parents.map((p) => ({ likes: p.kind === 'post' ? 10 : 1 }));
    }
  }
  const batch = createBatchResolvers(
    {
      User: Users,
      Membership: Memberships,
      Profile: Profiles,
      PostStats: Stats,
      Trend: Trends,
      Reactions,
    },
    prefetch ? {} : { prefetch: false },
  );
  const schema = buildSchema(
    addToSchema + readFileSync(join(fixturesDir, 'keys/schema.graphql'), 'utf8'),
  );
  const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>> = {
    ...(batch as unknown as Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>>),
    Query: {
      feed: withPrefetch(batch, () => [p1, c1, p2, p1, p1copy]) as GraphQLFieldResolver<
        unknown,
        unknown
      >,
      members: withPrefetch(batch, () => members) as GraphQLFieldResolver<unknown, unknown>,
    },
  };
  /** `Type.field` of every resolver call that returned a Promise. */
  const promised = new Set<string>();
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [name, resolve] of Object.entries(fields)) {
      const field = type.getFields()[name];
      if (!field) continue;
      field.resolve = (parent, args, ctx, info) => {
        const value = resolve(parent, args, ctx, info);
        if (value instanceof Promise) promised.add(`${typeName}.${name}`);
        return value;
      };
    }
  }
  (schema.getType('Authored') as GraphQLInterfaceType).resolveType = (value) =>
    (value as PostRow | CommentRow).kind === 'post' ? 'Post' : 'Comment';
  return { schema, batches, statsRows, promised };
}

const FEED = parse(`{
  feed {
    id
    author { name }
    reactions { likes }
    ... on Post { stats { views trend { day views } } }
  }
}`);

const MEMBERS = parse(`{
  members {
    membership { role }
    manager { role }
    profile { bio }
    fr: profile(locale: "fr") { bio }
  }
}`);

describe.each(modes)('$name', (mode) => {
  describe.each([true, false])('prefetch %s', (prefetch) => {
    it('interface fields batch across implementers; $parent keys are the parents, by reference, at every level', async () => {
      const { schema, batches, statsRows, promised } = app(prefetch);
      const result = await execute({
        schema,
        document: FEED,
        contextValue: { dataloader: mode.create() },
      });
      const post = (id: string, views: number) => ({
        id,
        author: { name: 'U1' },
        reactions: { likes: 10 },
        stats: { views, trend: [{ day: 1, views }] },
      });
      expect(result).toEqual({
        data: {
          feed: [
            post('p1', 14),
            { id: 'c1', author: { name: 'U2' }, reactions: { likes: 1 } },
            post('p2', 14),
            post('p1', 14),
            post('p1', 14),
          ],
        },
      });
      expect(batches).toEqual({
        User: [['u1', 'u2']],
        Reactions: [[p1, c1, p2, p1copy]],
        'PostStats(window=7)': [[p1, p2, p1copy]],
        Trend: [statsRows],
      });
      // By reference: the very objects the feed returned, and the rows PostStats returned.
      const [reactionKeys] = batches.Reactions as unknown[][];
      expect(reactionKeys?.[0]).toBe(p1);
      expect(reactionKeys?.[3]).toBe(p1copy);
      expect(statsRows).toHaveLength(3);
      expect((batches.Trend as unknown[][])[0]?.[2]).toBe(statsRows[2]);
      // The prefetch reads $parent and interface keys from the plan: below the root (whose rows
      // wait for it), every batched field finds its value loaded and returns it synchronously.
      expect([...promised].sort()).toEqual(
        prefetch
          ? ['Query.feed']
          : [
              'Comment.author',
              'Comment.reactions',
              'Post.author',
              'Post.reactions',
              'Post.stats',
              'PostStats.trend',
            ],
      );
    });

    it('composite keys: equal values share one entry; a null part resolves null without a key', async () => {
      const { schema, batches, promised } = app(prefetch);
      const result = await execute({
        schema,
        document: MEMBERS,
        contextValue: { dataloader: mode.create() },
      });
      expect(result).toEqual({
        data: {
          members: [
            {
              membership: { role: 'member:u1' },
              manager: { role: 'member:u2' },
              profile: { bio: 'u1/en' },
              fr: { bio: 'u1/fr' },
            },
            {
              membership: { role: 'member:u2' },
              manager: null,
              profile: { bio: 'u2/en' },
              fr: { bio: 'u2/fr' },
            },
            {
              membership: { role: 'member:u1' },
              manager: { role: 'member:u2' },
              profile: { bio: 'u1/en' },
              fr: { bio: 'u1/fr' },
            },
          ],
        },
      });
      expect(batches).toEqual({
        Membership: [
          [
            { orgId: 'o1', userId: 'u1' },
            { orgId: 'o1', userId: 'u2' },
          ],
        ],
        Profile: [
          [
            { userId: 'u1', locale: 'en' },
            { userId: 'u1', locale: 'fr' },
            { userId: 'u2', locale: 'en' },
            { userId: 'u2', locale: 'fr' },
          ],
        ],
      });
      // Composite keys (parts from the parent and from arguments) are prefetched too.
      expect([...promised].sort()).toEqual(
        prefetch ? ['Query.members'] : ['Member.manager', 'Member.membership', 'Member.profile'],
      );
    });

    it('a missing value for a composite key is a NotFoundError naming the key object', async () => {
      const { schema } = app(prefetch, { u2: 'none' });
      const result = await execute({
        schema,
        document: parse('{ members { membership { role } } }'),
        contextValue: { dataloader: mode.create() },
      });
      expect(result.errors?.map((e) => [e.message, e.extensions.code, e.path])).toEqual([
        [
          'Membership not found for key { orgId: "o1", userId: "u2" } (Member.membership)',
          'NOT_FOUND',
          ['members', 1, 'membership'],
        ],
      ]);
    });
  });

  it("$parent: an overridden cacheKey keys by value instead (the Source's choice)", async () => {
    const keys: PostRow[][] = [];
    class StatsById extends PostStatsSource {
      override cacheKey(post: PostRow): unknown {
        return post.id;
      }
      fetch(posts: PostRow[]) {
        keys.push(posts);
        return posts.map((p) => ({ postId: p.id, views: 1 }));
      }
    }
    const dl = mode.create();
    const stats = dl.with(StatsById, { window: 7 });
    const [a, b, c] = await Promise.all([stats.load(p1), stats.load(p1copy), stats.load(p2)]);
    expect(a).toBe(b);
    expect(c).toEqual({ postId: 'p2', views: 1 });
    expect(keys).toEqual([[p1, p2]]);
  });
});
