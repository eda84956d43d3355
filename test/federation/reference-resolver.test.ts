// The generated `__resolveReference` inside @apollo/subgraph's schema, executed by graphql-js
// with no server: the lookahead loads the @batch fields below each entity before the entity
// resolves (so they return plain values), a key that fails fails its own entity only, and a
// context without a Dataloader is named as such.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { ExecutionResult, GraphQLFieldResolver } from 'graphql';
import {
  batchDirectiveSDL,
  Dataloader,
  orderByKeys,
  type Projection,
} from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import type { Context, PeopleDb } from '../../fixtures/federation-people/context.js';
import * as people from '../../fixtures/federation-people/generated/graphql.js';
import type { UserRow } from '../../fixtures/federation-people/models.js';

const tables: Omit<PeopleDb, 'log'> = {
  users: [
    { id: 'u1', name: 'Ada', teamId: 't1', pinnedPostId: null },
    { id: 'u2', name: 'Grace', teamId: 't2', pinnedPostId: null },
    { id: 'u3', name: 'Linus', teamId: 't1', pinnedPostId: null },
  ],
  teams: [
    { id: 't1', name: 'Compilers' },
    { id: 't2', name: 'Databases' },
  ],
};

class Users extends people.UserSource {
  fetch(ids: string[]) {
    this.context.db.log.push(`User [${ids.join(', ')}]`);
    return orderByKeys(ids, this.context.db.users, (user) => user.id);
  }
}

class Teams extends people.TeamSource {
  fetch(ids: string[]) {
    this.context.db.log.push(`Team [${ids.join(', ')}]`);
    const rows = orderByKeys(ids, this.context.db.teams, (team) => team.id);
    return rows.map((row) => (row?.id === 't2' ? new Error('team t2 is archived') : row));
  }
}

// @apollo/subgraph is CommonJS: its schema works with the CommonJS graphql only.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = parse(
  batchDirectiveSDL +
    readFileSync(
      new URL('../../fixtures/federation-people/schema.graphql', import.meta.url),
      'utf8',
    ),
);

const ENTITIES = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { name team { name } } }
}`);

/** Runs `_entities` for these user ids; `teamValues` records what each User.team returned. */
async function entities(
  ids: string[],
  options: { prefetch?: false } = {},
  contextOf: (db: PeopleDb) => object = (db) => ({
    db,
    dataloader: new Dataloader({ context: { db } }),
  }),
  UserSource: people.BatchSources['User'] = Users,
) {
  const batch = people.createBatchResolvers({ User: UserSource, Team: Teams }, options);
  const teamValues: string[] = [];
  const team = batch.User.team as GraphQLFieldResolver<unknown, Context>;
  const resolvers = {
    ...batch,
    User: {
      ...batch.User,
      team: (...args: Parameters<typeof team>) => {
        const value = team(...args);
        teamValues.push(value instanceof Promise ? 'Promise' : 'value');
        return value;
      },
    },
  };
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  const db: PeopleDb = { ...tables, log: [] };
  const contextValue = contextOf(db);
  const representations = ids.map((id) => ({ __typename: 'User', id }));
  const run = () =>
    execute({ schema, document: ENTITIES, variableValues: { representations }, contextValue });
  const result = (await run()) as ExecutionResult;
  return { result, log: db.log, teamValues, again: run };
}

describe('the generated __resolveReference in @apollo/subgraph (graphql-js, no server)', () => {
  it('loads the @batch fields below each entity before it resolves: they return plain values', async () => {
    const on = await entities(['u1', 'u3']);
    expect(on.result).toEqual({
      data: {
        _entities: [
          { name: 'Ada', team: { name: 'Compilers' } },
          { name: 'Linus', team: { name: 'Compilers' } },
        ],
      },
    });
    expect(on.log).toEqual(['User [u1, u3]', 'Team [t1]']);
    expect(on.teamValues).toEqual(['value', 'value']);

    const off = await entities(['u1', 'u3'], { prefetch: false });
    expect(off.result).toEqual(on.result);
    expect(off.log).toEqual(on.log);
    expect(off.teamValues).toEqual(['Promise', 'Promise']);
  });

  it('a key that fails fails its own entity only', async () => {
    const { result, log } = await entities(['u1', 'u2']);
    expect(log).toEqual(['User [u1, u2]', 'Team [t1, t2]']);
    // User.team is non-null, so the error nulls Grace's entity, at its own path.
    expect(result.data).toEqual({
      _entities: [{ name: 'Ada', team: { name: 'Compilers' } }, null],
    });
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([
      ['team t2 is archived', ['_entities', 1, 'team']],
    ]);
  });

  it('a Source that projects is given the fields selected below the entity', async () => {
    const fetched: (string[] | null)[] = [];
    class ProjectedUsers extends people.UserSource {
      static override readonly projection = true;
      fetch(ids: string[], { fields }: Projection<UserRow | null>) {
        fetched.push(fields === null ? null : [...fields]);
        this.context.db.log.push(`User [${ids.join(', ')}]`);
        return orderByKeys(ids, this.context.db.users, (user) => user.id);
      }
    }
    // `name team { name }`: the name, and the property that User.team's key reads.
    const { result, log } = await entities(['u1', 'u3'], {}, undefined, ProjectedUsers);
    expect(result.errors).toBeUndefined();
    expect(log).toEqual(['User [u1, u3]', 'Team [t1]']);
    expect(fetched).toEqual([['name', 'teamId']]);
  });

  it('a context without a Dataloader: the error names the reference resolver and the field', async () => {
    const { result, log } = await entities(['u1'], {}, (db) => ({ db }));
    expect(log).toEqual([]);
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([
      [
        "The @batch reference resolver of User needs a Dataloader at context.dataloader (put one on each request's context, e.g. with the useDataloader plugin), but got: undefined.",
        ['_entities'],
      ],
    ]);
  });
});
