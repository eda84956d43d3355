// The lookahead compiles what depends only on the document once per operation and keeps it
// across requests (servers reuse parsed documents), but never what variables decide: the same
// document executed again with other variable values must prefetch what those values select.
import { buildSchema, execute, parse } from 'graphql';
import { createPrefetch, Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';

interface PostRow {
  id: string;
  authorId: string;
}

function setup() {
  const log: string[] = [];
  class Users extends Source<string, { name: string }> {
    fetch(ids: string[]) {
      log.push(`Users ${ids.join(',')}`);
      return ids.map((id) => ({ name: `u${id}` }));
    }
  }
  const schema = buildSchema(`
    type User { name: String! }
    type Post { id: ID! author: User! }
    type Query { posts: [Post!]! }`);
  const prefetch = createPrefetch(
    { Post: { author: { source: 'User', keyPath: ['authorId'], list: false, params: [] } } },
    { User: Users },
  );
  type Ctx = { dataloader: Dataloader };
  const fields = (name: string) =>
    (
      schema.getType(name) as unknown as { getFields(): Record<string, { resolve?: unknown }> }
    ).getFields();
  const rows: PostRow[] = [
    { id: 'p1', authorId: '1' },
    { id: 'p2', authorId: '2' },
  ];
  (fields('Query').posts as { resolve: unknown }).resolve = (
    _: unknown,
    __: unknown,
    ctx: Ctx,
    info: never,
  ) => {
    log.push('posts');
    return prefetch(rows, info, ctx.dataloader, ctx);
  };
  (fields('Post').author as { resolve: unknown }).resolve = (
    post: PostRow,
    _: unknown,
    ctx: Ctx,
  ) => {
    const load = ctx.dataloader.with(Users).load(post.authorId);
    // What prefetch loaded is settled by the time graphql-js resolves the field.
    log.push(`author ${post.id} ${load.settled ? 'settled' : 'pending'}`);
    return load.get();
  };
  const run = async (
    document: ReturnType<typeof parse>,
    variableValues?: Record<string, unknown>,
  ) => {
    log.length = 0;
    const result = await execute({
      schema,
      document,
      ...(variableValues ? { variableValues } : {}),
      contextValue: { dataloader: new Dataloader() },
    });
    return { data: JSON.stringify(result.data), errors: result.errors, log: [...log] };
  };
  return { run };
}

describe('prefetch: compiled once per operation', () => {
  it('a document without variables prefetches the same way on every request', async () => {
    const { run } = setup();
    const document = parse('{ posts { id author { name } } }');
    const expected = {
      data: '{"posts":[{"id":"p1","author":{"name":"u1"}},{"id":"p2","author":{"name":"u2"}}]}',
      errors: undefined,
      log: ['posts', 'Users 1,2', 'author p1 settled', 'author p2 settled'],
    };
    expect(await run(document)).toEqual(expected);
    expect(await run(document)).toEqual(expected);
  });

  it('the same document with other variable values prefetches what they select', async () => {
    const { run } = setup();
    const document = parse(
      'query Q($a: Boolean!) { posts { id author @include(if: $a) { name } } }',
    );
    const withAuthors = ['posts', 'Users 1,2', 'author p1 settled', 'author p2 settled'];
    expect((await run(document, { a: true })).log).toEqual(withAuthors);
    const without = await run(document, { a: false });
    expect(without.log).toEqual(['posts']);
    expect(without.data).toBe('{"posts":[{"id":"p1"},{"id":"p2"}]}');
    expect((await run(document, { a: true })).log).toEqual(withAuthors);
  });

  it('a constant @skip is compiled with the document', async () => {
    const { run } = setup();
    const document = parse('{ posts { id author @skip(if: true) { name } } }');
    expect((await run(document)).log).toEqual(['posts']);
    expect((await run(document)).log).toEqual(['posts']);
  });
});
