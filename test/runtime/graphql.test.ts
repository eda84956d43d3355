// The runtime under graphql-js 16, with resolvers written as generator jobs.

import { buildSchema, type ExecutionResult, execute, parse } from 'graphql';
import { type Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes } from './support.js';

const schema = buildSchema(`
  type User { id: ID! name: String! posts: [Post!]! }
  type Post { id: ID! title: String! author: User! comments: [Comment!]! }
  type Comment { id: ID! body: String! author: User! }
  type Query { users(ids: [ID!]!): [User!]! }
`);

interface Ctx {
  dataloader: Dataloader;
}
interface UserRow {
  id: string;
  name: string;
}
interface PostRow {
  id: string;
  title: string;
  authorId: string;
}
interface CommentRow {
  id: string;
  body: string;
  authorId: string;
}

function sources(log: Log) {
  class Users extends Source<string, UserRow> {
    async fetch(ids: string[]) {
      log.push(['Users', ids]);
      return ids.map((id) => ({ id, name: `user${id}` }));
    }
  }
  class PostsByAuthor extends Source<string, PostRow[]> {
    async fetch(ids: string[]) {
      log.push(['PostsByAuthor', ids]);
      return ids.map((id) =>
        [1, 2].map((n) => ({ id: `${id}.${n}`, title: `t${n}`, authorId: id })),
      );
    }
  }
  class CommentsByPost extends Source<string, CommentRow[]> {
    async fetch(ids: string[]) {
      log.push(['CommentsByPost', ids]);
      return ids.map((id) => [{ id: `${id}.c`, body: 'hi', authorId: String(ids.length) }]);
    }
  }
  return { Users, PostsByAuthor, CommentsByPost };
}

function rootValue(log: Log) {
  const { Users, PostsByAuthor, CommentsByPost } = sources(log);
  const resolvers = {
    users: (args: { ids: string[] }, ctx: Ctx) =>
      ctx.dataloader.run(function* () {
        return yield* ctx.dataloader.with(Users).loadAll(args.ids);
      }),
  };
  const fieldResolver = (
    parent: Record<string, unknown>,
    args: { ids: string[] },
    ctx: Ctx,
    info: { fieldName: string; parentType: { name: string } },
  ) => {
    const dl = ctx.dataloader;
    const key = `${info.parentType.name}.${info.fieldName}`;
    switch (key) {
      case 'User.posts':
        return dl.run(function* () {
          return yield* dl.with(PostsByAuthor).load(parent.id as string);
        });
      case 'Post.comments':
        return dl.run(function* () {
          return yield* dl.with(CommentsByPost).load(parent.id as string);
        });
      case 'Post.author':
      case 'Comment.author':
        return dl.run(function* () {
          return yield* dl.with(Users).load(parent.authorId as string);
        });
      default: {
        const value = parent[info.fieldName];
        return typeof value === 'function' ? value(args, ctx) : value;
      }
    }
  };
  return { resolvers, fieldResolver, Users, PostsByAuthor, CommentsByPost };
}

const query = parse(`{
  users(ids: ["1", "2"]) {
    name
    posts { title author { name } comments { body author { name } } }
  }
}`);

describe.each(modes)('$name under graphql-js', (mode) => {
  it('one fetch per level per source, in order', async () => {
    const log: Log = [];
    const { resolvers, fieldResolver } = rootValue(log);
    const dataloader = mode.create();
    const result = (await execute({
      schema,
      document: query,
      rootValue: resolvers,
      contextValue: { dataloader },
      fieldResolver: fieldResolver as never,
    })) as ExecutionResult;
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(JSON.stringify(result.data)).toBe(
      JSON.stringify({
        users: ['1', '2'].map((u) => ({
          name: `user${u}`,
          posts: [1, 2].map((n) => ({
            title: `t${n}`,
            author: { name: `user${u}` },
            comments: [{ body: 'hi', author: { name: 'user4' } }],
          })),
        })),
      }),
    );
    expect(log).toEqual([
      ['Users', ['1', '2']],
      ['PostsByAuthor', ['1', '2']],
      ['CommentsByPost', ['1.1', '1.2', '2.1', '2.2']],
      ['Users', ['4']],
    ]);
  });

  it('a fully primed query executes synchronously: execute returns a plain result', () => {
    const log: Log = [];
    const { resolvers, fieldResolver, Users, PostsByAuthor, CommentsByPost } = rootValue(log);
    const dataloader = mode.create();
    for (const u of ['1', '2', '4']) dataloader.with(Users).prime(u, { id: u, name: `user${u}` });
    for (const u of ['1', '2']) {
      const posts = [1, 2].map((n) => ({ id: `${u}.${n}`, title: `t${n}`, authorId: u }));
      dataloader.with(PostsByAuthor).prime(u, posts);
      for (const p of posts)
        dataloader
          .with(CommentsByPost)
          .prime(p.id, [{ id: `${p.id}.c`, body: 'hi', authorId: '4' }]);
    }
    const result = execute({
      schema,
      document: query,
      rootValue: resolvers,
      contextValue: { dataloader },
      fieldResolver: fieldResolver as never,
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as ExecutionResult).errors).toBeUndefined();
    expect(log).toEqual([]);
  });
});
