import { promiseHooks } from 'node:v8';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { executeQuery as run } from './prefetch-schema.js';
import { type Mode, modes } from './support.js';

// Each query of the corpus is executed with prefetch off and on: results, error paths and
// messages, and the batch log (keys sorted inside each batch) must be identical.
const corpus: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'nested lists with arguments and defaults': {
    query: `{ posts(ids: ["p1", "p2", "p4"]) { title author { name posts(first: 1) { title } } comments(first: 2) { body author { name best { title } } } } }`,
  },
  'fragments, inline fragments and aliases with different arguments': {
    query: `
      query { post(id: "p1") { ...P a: comments(first: 1) { id } b: comments(first: 3) { id author { ...U } } } }
      fragment P on Post { title author { ...U } editor { name } }
      fragment U on User { name best { title } }`,
  },
  'interfaces and unions by __typename': {
    query: `{
      search { __typename ... on User { name posts { title } } ... on Post { title editor { name } } }
      node(id: "p2") { id ... on Post { author { name } comments(first: 1) { author { name } } } }
      other: node(id: "2") { ... on User { best { title } } }
    }`,
  },
  '@skip and @include with variables': {
    query: `query Q($skip: Boolean!, $inc: Boolean!, $n: Int) {
      posts(ids: ["p1", "p2"]) { author @skip(if: $skip) { name } editor @include(if: $inc) { name }
        comments(first: $n) @include(if: true) { body } } }`,
    variables: { skip: true, inc: true, n: 1 },
  },
  'nullable keys, missing values, NOT_FOUND and per-key errors': {
    query: `{ a: post(id: "p3") { title editor { name } tags { name } } b: post(id: "p4") { tags { name } editor { name } } grid { title } }`,
  },
  'a non-null author that is missing (NOT_FOUND) nulls its parent': {
    query: `{ posts(ids: ["p1", "p3"]) { author { name } } }`,
  },
  'a failed batch reaches each child at its own path, with no second fetch': {
    query: `{ a: post(id: "p1") { title comments(first: 0) { body } } b: post(id: "p2") { comments(first: 0) { body } } }`,
  },
  'lists of lists': {
    query: `{ grid { title author { name } tags { name } } }`,
  },
};

describe.each(modes)('$name: prefetch changes nothing but speed', (mode) => {
  for (const [name, { query, variables }] of Object.entries(corpus)) {
    it(name, async () => {
      const document = parse(query);
      const off = await run(document, variables, false, () => mode.create());
      const on = await run(document, variables, true, () => mode.create());
      expect(on).toEqual(off);
    });
  }

  it('the failed batch is fetched once and its error reaches both children', async () => {
    const r = await run(
      parse(
        corpus['a failed batch reaches each child at its own path, with no second fetch']!.query,
      ),
      undefined,
      true,
      () => mode.create(),
    );
    expect(r.log).toEqual(['CommentsByPost(0) ["p1","p2"]', 'Post ["p1","p2"]']);
    expect(r.errors).toEqual([
      'a.comments: comments store is down {}',
      'b.comments: comments store is down {}',
    ]);
  });
});

describe('prefetch: Promises handed to graphql-js', () => {
  function countPromises<T>(fn: () => Promise<T>): Promise<{ result: T; promises: number }> {
    let promises = 0;
    const stop = promiseHooks.onInit(() => void promises++);
    return fn()
      .finally(() => stop())
      .then((result) => ({ result, promises }));
  }

  it('a three-level list query costs a handful of Promises with prefetch, whatever its size', async () => {
    // n posts, each with an author and 3 comments with authors: 8n batched fields.
    const query = (n: number) => {
      const ids = JSON.stringify(Array.from({ length: n }, (_, i) => ['p1', 'p2', 'p4'][i % 3]));
      return parse(
        `{ posts(ids: ${ids}) { title author { name } comments { body author { name } } } }`,
      );
    };
    const measure = (n: number, prefetch: boolean) =>
      countPromises(() => run(query(n), undefined, prefetch, () => (modes[0] as Mode).create()));
    const off = await measure(60, false);
    const on = await measure(60, true);
    const onLarge = await measure(180, true);
    expect(on.result).toEqual(off.result);
    // Without prefetch graphql-js allocates Promises for every batched field; with it, a few
    // at the root (the rounds), still a few for 3× the data. (Counts include the test
    // runner’s own Promises, so they are bounds, not exact figures.)
    expect(off.promises).toBeGreaterThan(480); // at least one per batched field
    expect(on.promises).toBeLessThan(40);
    expect(onLarge.promises).toBeLessThan(40);
  });
});

describe('prefetch: one field node, several object types', () => {
  it('an interface field whose types load from different sources uses each type’s source', async () => {
    const { buildSchema, graphql } = await import('graphql');
    const { createPrefetch, Dataloader, Source } = await import('graphql-codegen-batch/runtime');
    const log: string[] = [];
    class UserA extends Source<string, { name: string }> {
      fetch(keys: string[]) {
        log.push(`UserA ${keys}`);
        return keys.map((k) => ({ name: `a${k}` }));
      }
    }
    class UserB extends Source<string, { name: string }> {
      fetch(keys: string[]) {
        log.push(`UserB ${keys}`);
        return keys.map((k) => ({ name: `b${k}` }));
      }
    }
    const schema = buildSchema(`
      type User { name: String }
      interface Item { owner: User }
      type A implements Item { owner: User }
      type B implements Item { owner: User }
      type Query { items: [Item] }`);
    const prefetch = createPrefetch(
      {
        A: { owner: { source: 'UserA', keyPath: ['ownerId'], list: false, params: [] } },
        B: { owner: { source: 'UserB', keyPath: ['ownerId'], list: false, params: [] } },
      },
      { UserA, UserB },
    );
    type Ctx = { dl: InstanceType<typeof Dataloader> };
    const fields = (name: string) =>
      (
        schema.getType(name) as unknown as { getFields(): Record<string, { resolve?: unknown }> }
      ).getFields();
    (schema.getType('Item') as unknown as { resolveType: unknown }).resolveType = (v: {
      __typename: string;
    }) => v.__typename;
    (fields('Query').items as { resolve: unknown }).resolve = (
      _: unknown,
      __: unknown,
      ctx: Ctx,
      info: never,
    ) =>
      prefetch(
        [
          { __typename: 'A', ownerId: '1' },
          { __typename: 'B', ownerId: '2' },
        ],
        info,
        ctx.dl,
        ctx,
      );
    (fields('A').owner as { resolve: unknown }).resolve = (
      p: { ownerId: string },
      _: unknown,
      ctx: Ctx,
    ) => ctx.dl.with(UserA).load(p.ownerId).get();
    (fields('B').owner as { resolve: unknown }).resolve = (
      p: { ownerId: string },
      _: unknown,
      ctx: Ctx,
    ) => ctx.dl.with(UserB).load(p.ownerId).get();
    const result = await graphql({
      schema,
      source: '{ items { owner { name } } }',
      contextValue: { dl: new Dataloader() },
    });
    expect(result).toEqual({
      data: { items: [{ owner: { name: 'a1' } }, { owner: { name: 'b2' } }] },
    });
    expect(log).toEqual(['UserA 1', 'UserB 2']);
  });
});
