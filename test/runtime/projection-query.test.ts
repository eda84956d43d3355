// The fields a query selects below a field, as the generated wrappers and the lookahead pass them
// to a projecting Source: through fragments, aliases and @skip/@include; a @batch child as its
// key's property; a field with its own resolver, or an abstract type, as "everything".
import {
  buildSchema,
  execute,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  parse,
} from 'graphql';
import {
  createPrefetch,
  createProjection,
  type Dataloader,
  type PrefetchPlan,
  type Projection,
  Source,
} from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { modes } from './support.js';

interface UserRow {
  id: number;
  name: string;
  email: string;
  bestPostId: number;
}
interface PostRow {
  id: number;
  title: string;
  authorId: number;
}

const USERS: Record<number, UserRow> = {
  1: { id: 1, name: 'Ada', email: 'ada@example.com', bestPostId: 10 },
  2: { id: 2, name: 'Brian', email: 'brian@example.com', bestPostId: 11 },
};
const POSTS: PostRow[] = [
  { id: 10, title: 'Engines', authorId: 1 },
  { id: 11, title: 'Unix', authorId: 2 },
  { id: 12, title: 'Notes', authorId: 1 },
];

const plan: PrefetchPlan = {
  Post: { author: { source: 'User', keyPath: ['authorId'], list: false, params: [] } },
  User: { best: { source: 'Post', keyPath: ['bestPostId'], list: false, params: [] } },
};

type Fetched = [string, number[], string[] | null];

function setup() {
  const log: Fetched[] = [];
  const fetched = (name: string, ids: readonly number[], fields: ReadonlySet<string> | null) =>
    log.push([name, [...ids], fields === null ? null : [...fields]]);
  class Users extends Source<number, UserRow | null> {
    static override readonly projection = true;
    fetch(ids: readonly number[], { fields }: Projection<UserRow | null>) {
      fetched('Users', ids, fields);
      return ids.map((id) => USERS[id] ?? null);
    }
  }
  class Posts extends Source<number, PostRow | null> {
    fetch(ids: readonly number[], { fields }: Projection<PostRow | null>) {
      fetched('Posts', ids, fields);
      return ids.map((id) => POSTS.find((p) => p.id === id) ?? null);
    }
  }
  const sources = { User: Users, Post: Posts };
  const schema = buildSchema(`
    interface Named { name: String! }
    type User implements Named { id: ID! name: String! email: String! shout: String! best: Post }
    type Post { id: ID! title: String! author: User! }
    type Query { posts: [Post!]! named: Named }
  `);
  const prefetch = createPrefetch(plan, sources);
  const project = createProjection(plan);
  type Ctx = { dataloader: Dataloader };
  const on = (type: string, field: string, resolve: GraphQLFieldResolver<never, Ctx>) => {
    const def = (schema.getType(type) as GraphQLObjectType).getFields()[field];
    if (def === undefined) throw new Error(`no ${type}.${field}`);
    def.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  };
  // As the generated wrappers do: load with project(info, Source), then prefetch the value.
  on('Post', 'author', (post: PostRow, _args, ctx, info) =>
    prefetch(
      ctx.dataloader.with(Users).load(post.authorId, project(info, Users)),
      info,
      ctx.dataloader,
    ),
  );
  on('User', 'best', (user: UserRow, _args, ctx, info) =>
    prefetch(
      ctx.dataloader.with(Posts).load(user.bestPostId, project(info, Posts)),
      info,
      ctx.dataloader,
    ),
  );
  on('User', 'shout', (user: UserRow) => user.name.toUpperCase());
  on('Query', 'posts', (_root, _args, ctx, info) => prefetch(POSTS, info, ctx.dataloader));
  on('Query', 'named', (_root, _args, ctx) => ctx.dataloader.with(Users).load(1, undefined));
  (schema.getType('Named') as unknown as { resolveType: () => string }).resolveType = () => 'User';
  return { log, schema };
}

async function run(
  schema: GraphQLSchema,
  dataloader: Dataloader,
  query: string,
  variableValues?: Record<string, unknown>,
) {
  const result = await execute({
    schema,
    document: parse(query),
    contextValue: { dataloader },
    ...(variableValues ? { variableValues } : {}),
  });
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe.each(modes)('$name: projection from the query', (mode) => {
  it('fragments, aliases and a @batch child (as its key) make the fields; one fetch per level', async () => {
    const { log, schema } = setup();
    const data = await run(
      schema,
      mode.create(),
      `query ($noMail: Boolean!) {
        posts { author { ...N who: name email @skip(if: $noMail) best { title } __typename } }
      }
      fragment N on User { id }`,
      { noMail: true },
    );
    expect(data?.posts).toHaveLength(3);
    expect(log).toEqual([
      ['Users', [1, 2], ['id', 'name', 'bestPostId']],
      // Posts does not project: everything, whatever was selected.
      ['Posts', [10, 11], null],
    ]);
  });

  it('a field with its own resolver may read anything: everything', async () => {
    const { log, schema } = setup();
    await run(schema, mode.create(), '{ posts { author { name shout } } }');
    expect(log).toEqual([['Users', [1, 2], null]]);
  });

  it('the same type under two selections in one batch: the union', async () => {
    const { log, schema } = setup();
    await run(
      schema,
      mode.create(),
      '{ a: posts { author { name } } b: posts { author { email } } }',
    );
    expect(log).toEqual([['Users', [1, 2], ['name', 'email']]]);
  });

  it('a load without fields (abstract type, or hand-written) fetches everything', async () => {
    const { log, schema } = setup();
    await run(schema, mode.create(), '{ named { name } posts { author { name } } }');
    expect(log).toEqual([['Users', [1, 2], null]]);
  });
});

it("a composite key asks for each part's property; a $parent key (its Source reads the parent) for everything", async () => {
  const keyed: PrefetchPlan = {
    User: {
      membership: {
        source: 'Membership',
        keyParts: [
          { name: 'orgId', path: ['orgId'] },
          { name: 'userId', path: ['id'] },
          { name: 'locale', arg: 'locale' },
        ],
        list: false,
        params: [],
      },
      stats: { source: 'Stats', keyParent: true, list: false, params: [] },
    },
  };
  class Users extends Source<number, (UserRow & { orgId: number }) | null> {
    static override readonly projection = true;
    fetch(ids: readonly number[]) {
      return ids.map(() => null);
    }
  }
  const schema = buildSchema(`
    type User { id: ID! name: String! orgId: ID! membership(locale: String): String stats: String }
    type Query { user: User }
  `);
  const project = createProjection(keyed);
  const asked: (readonly string[] | null)[] = [];
  const user = (schema.getType('Query') as GraphQLObjectType).getFields().user;
  if (user === undefined) throw new Error('no Query.user');
  user.resolve = (_root, _args, _ctx, info) => {
    asked.push(project(info, Users) ?? null);
    return null;
  };
  for (const query of ['{ user { name membership(locale: "en") } }', '{ user { name stats } }']) {
    const result = await execute({ schema, document: parse(query) });
    expect(result.errors).toBeUndefined();
  }
  expect(asked).toEqual([['name', 'orgId', 'id'], null]);
});
