// The plugin's half of the lookahead prefetch (DESIGN section 5a): the emitted `batchPlan`, the
// wrappers of createBatchResolvers with prefetch on, limited and off, and `withPrefetch` for
// hand-written resolvers, executed by graphql-js over the journey-esm golden. The golden's text
// is checked byte for byte by fixtures.test.ts, and the type errors of wrong prefetch options by
// the @ts-expect-error lines of fixtures/journey/usage.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type DocumentNode, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { addToSchema } from 'graphql-codegen-batch';
import {
  createPrefetch,
  Dataloader,
  groupByKeys,
  orderByKeys,
  Source,
} from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import {
  batchPlan,
  CommentsByPostSource,
  createBatchResolvers,
  PostSource,
  TagSource,
  UserSource,
  withPrefetch,
} from '../../fixtures/journey-esm/generated/graphql.js';
import type { CommentRow, PostRow, UserRow } from '../../fixtures/journey-esm/models.js';
import { fixturesDir } from './support/fixtures.js';

const posts: PostRow[] = [
  { id: 'p1', title: 'One', authorId: 'u1', editorId: 'u9', tagIds: ['t1', 't2'] },
  { id: 'p2', title: 'Two', authorId: 'u404', editorId: 'u1', tagIds: [] },
];
const users: UserRow[] = [{ id: 'u1', name: 'Ada' }];
const comments: CommentRow[] = [
  { id: 'c1', postId: 'p1', body: 'a' },
  { id: 'c2', postId: 'p1', body: 'b' },
];

const schema = buildSchema(
  addToSchema + readFileSync(join(fixturesDir, 'journey/schema.graphql'), 'utf8'),
);

function sourcesWithLog() {
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
    async fetch(ids: string[]) {
      log.push(`CommentsByPost(first=${this.params.first}) ${ids.join(',')}`);
      return groupByKeys(ids, comments, (c) => c.postId).map((g) => g.slice(0, this.params.first));
    }
  }
  class Tags extends TagSource {
    async fetch(ids: string[]) {
      log.push(`Tag ${ids.join(',')}`);
      return ids.map((id) => ({ id, label: id.toUpperCase() }));
    }
  }
  return { log, sources: { User: Users, Post: Posts, CommentsByPost, Tag: Tags } };
}

type AnyResolver = (p: unknown, a: unknown, c: unknown, i: GraphQLResolveInfo) => unknown;

/** Executes with a resolver map; records the response path of every resolver that returned a Promise. */
async function run(resolvers: object, document: DocumentNode, log: string[]) {
  const promised: string[] = [];
  const result = await execute({
    schema,
    document,
    contextValue: { dataloader: new Dataloader() },
    fieldResolver: (source, args, ctx, info) => {
      const byType = (resolvers as Record<string, Record<string, AnyResolver> | undefined>)[
        info.parentType.name
      ];
      const resolve = byType?.[info.fieldName];
      if (resolve === undefined) return (source as Record<string, unknown>)[info.fieldName];
      const value = resolve(source, args, ctx, info);
      if (value instanceof Promise) promised.push(pathOf(info.path));
      return value;
    },
  });
  return { result: JSON.parse(JSON.stringify(result)) as unknown, log: [...log], promised };
}

function pathOf(path: GraphQLResolveInfo['path'] | undefined): string {
  return path ? [pathOf(path.prev), path.key].filter((s) => s !== '').join('.') : '';
}

const query = parse(`{
  a: post(id: "p1") { title author { name } editor { name } comments(first: 1) { body } tags { label } }
  b: post(id: "p2") { title author { name } editor { name } comments { body } tags { label } }
}`);

describe('batchPlan', () => {
  it('describes every @batch field: source, key path or argument, list of keys, batch parameters', () => {
    expect(batchPlan).toEqual({
      Post: {
        author: { source: 'User', keyPath: ['authorId'], list: false, params: [] },
        comments: { source: 'CommentsByPost', keyPath: ['id'], list: false, params: ['first'] },
        editor: { source: 'User', keyPath: ['editorId'], list: false, params: [] },
        tags: { source: 'Tag', keyPath: ['tagIds'], list: true, params: [] },
      },
      Query: { post: { source: 'Post', keyArg: 'id', list: false, params: [] } },
    });
  });

  it('includes a field whose batch parameters include an optional argument with no default', () => {
    const text = readFileSync(join(fixturesDir, 'graphql-keys/generated/graphql.ts'), 'utf8');
    const plan = /export const batchPlan = \{\n([\s\S]*?)\n\} satisfies PrefetchPlan;/.exec(
      text,
    )?.[1];
    expect(plan).toContain("publisher: { source: 'Publisher', keyPath: ['imprint', 'publisherId']");
    expect(plan).toContain(
      "book: { source: 'Book', keyArg: 'id', list: false, params: ['locale'] }",
    );
    // The wrapper and the prefetch both build the parameters with batchParams, so an omitted
    // optional argument is null in both.
    expect(text).toContain("BooksByAuthor, batchParams(args, ['after', 'genre'])");
    expect(plan).toContain(
      "books: { source: 'BooksByAuthor', keyPath: ['id'], list: false, params: ['after', 'genre'] }",
    );
  });
});

describe('createBatchResolvers with prefetch on, limited and off', () => {
  it('gives the same results and batches; with prefetch only the root fields return Promises', async () => {
    const runs = [];
    for (const options of [
      undefined,
      { prefetch: { maxDepth: 1 } },
      { prefetch: false },
    ] as const) {
      const { log, sources } = sourcesWithLog();
      runs.push(await run(createBatchResolvers(sources, options), query, log));
    }
    const [on, limited, off] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    expect([...off.log].sort()).toEqual([
      'CommentsByPost(first=1) p1',
      'CommentsByPost(first=10) p2',
      'Post p1,p2',
      'Tag t1,t2',
      'User u1,u9,u404',
    ]);
    expect((off.result as { errors: { path: string[] }[] }).errors.map((e) => e.path)).toEqual([
      ['b', 'author'],
    ]);
    for (const other of [on, limited]) {
      expect(other.result).toEqual(off.result);
      expect([...other.log].sort()).toEqual([...off.log].sort());
    }
    expect(off.promised).toEqual([
      'a',
      'b',
      'a.author',
      'a.editor',
      'a.comments',
      'a.tags',
      'b.author',
      'b.editor',
      'b.comments',
    ]);
    expect(on.promised).toEqual(['a', 'b']);
    expect(limited.promised).toEqual(['a', 'b']);
  });
});

describe('withPrefetch (hand-written resolvers returning objects)', () => {
  const document = parse(
    '{ post(id: "p1") { title author { name } comments(first: 2) { body } tags { label } } }',
  );

  it('loads the batched fields below its value before it resolves; they resolve synchronously', async () => {
    const { log, sources } = sourcesWithLog();
    const batch = createBatchResolvers(sources);
    const readRow = (_parent: unknown, args: { id: string }) =>
      posts.find((p) => p.id === args.id) ?? null;
    const plain = await run({ ...batch, Query: { post: readRow } }, document, log);
    const before = plain.log.length;
    const opted = await run(
      { ...batch, Query: { post: withPrefetch(batch, readRow) } },
      document,
      log,
    );
    expect(opted.result).toEqual(plain.result);
    expect(opted.log.slice(before).sort()).toEqual(plain.log.slice(0, before).sort());
    expect(plain.promised).toEqual(['post.author', 'post.comments', 'post.tags']);
    expect(opted.promised).toEqual(['post']);
  });

  it('returns the resolver itself when prefetch is off', () => {
    const { sources } = sourcesWithLog();
    const resolver = () => posts[0] ?? null;
    expect(withPrefetch(createBatchResolvers(sources, { prefetch: false }), resolver)).toBe(
      resolver,
    );
  });

  it('names the mistake when given a copy of the resolvers rather than the object itself', () => {
    const { sources } = sourcesWithLog();
    const copy = { ...createBatchResolvers(sources) };
    expect(() => withPrefetch(copy, () => posts[0] ?? null)).toThrow(
      'withPrefetch: the first argument is not an object that createBatchResolvers returned (a copy or a merged resolver map has no prefetch); pass the result of createBatchResolvers itself.',
    );
  });
});

// A field with an optional, default-less batch parameter: the wrapper passes `args.genre ??
// null`, and the runtime's prefetch passes the omitted argument as null too (not undefined:
// `with(Source, { genre: undefined })` would be another Source instance than `{ genre: null }`,
// and the child would fetch again), so prefetch and field share one batch.
describe('runtime prefetch and an omitted optional batch parameter', () => {
  it('fetches once when the plan includes it', async () => {
    const log: string[] = [];
    class BooksByAuthor extends Source<string, { title: string }[], { genre: string | null }> {
      fetch(ids: string[]) {
        log.push(`BooksByAuthor(${String(this.params.genre)}) ${ids.join(',')}`);
        return ids.map(() => [{ title: 'T' }]);
      }
    }
    const plan = {
      Author: { books: { source: 'Books', keyPath: ['id'], list: false, params: ['genre'] } },
    };
    const prefetch = createPrefetch(plan, { Books: BooksByAuthor });
    const s = buildSchema(`
      type Book { title: String! }
      type Author { id: ID! books(genre: String): [Book!]! }
      type Query { author: Author! }`);
    const result = await execute({
      schema: s,
      document: parse('{ author { books { title } } }'),
      contextValue: { dataloader: new Dataloader() },
      fieldResolver: (
        source,
        args: { genre?: string | null },
        ctx: { dataloader: Dataloader },
        info,
      ) => {
        if (info.fieldName === 'author') return prefetch({ id: 'a1' }, info, ctx.dataloader, ctx);
        if (info.fieldName === 'books')
          return ctx.dataloader
            .with(BooksByAuthor, { genre: args.genre ?? null })
            .load((source as { id: string }).id);
        return (source as Record<string, unknown>)[info.fieldName];
      },
    });
    expect(result.errors).toBeUndefined();
    expect(log).toEqual(['BooksByAuthor(null) a1']);
  });
});
