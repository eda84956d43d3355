// An entity with a multi-field @key and a field whose composite key has the same parts share one
// Source: in one request, the `_entities` references and the field's loads reach one `fetch`,
// equal keys (by value) once.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { ExecutionResult } from 'graphql';
import { batchDirectiveSDL, Dataloader } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import * as keys from '../../fixtures/federation-keys/generated/graphql.js';
import type { MembershipRow } from '../../fixtures/federation-keys/models.js';

const rows: MembershipRow[] = [
  { orgId: 'o1', userId: 'u1', role: 'ADMIN' },
  { orgId: 'o1', userId: 'u2', role: 'MEMBER' },
];
const log: string[] = [];

class Memberships extends keys.MembershipSource {
  fetch(keys: { orgId: string; userId: string }[]) {
    log.push(`Membership [${keys.map((k) => `${k.orgId}/${k.userId}`).join(', ')}]`);
    return keys.map((k) => rows.find((r) => r.orgId === k.orgId && r.userId === k.userId) ?? null);
  }
}
class Badges extends keys.BadgeSource {
  fetch(roles: keys.Role[]) {
    return roles.map((role) => ({ role, label: role.toLowerCase() }));
  }
}

// @apollo/subgraph is CommonJS: its schema works with the CommonJS graphql only.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = parse(
  batchDirectiveSDL +
    readFileSync(new URL('../../fixtures/federation-keys/schema.graphql', import.meta.url), 'utf8'),
);

const QUERY = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Membership { role } }
  invites { userId membership { role } }
}`);

describe('an entity and a field sharing a Source through a composite key', () => {
  it.each([{}, { prefetch: false as const }])(
    'the references and the field load in one fetch (%o)',
    async (options) => {
      log.length = 0;
      const batch = keys.createBatchResolvers({ Membership: Memberships, Badge: Badges }, options);
      const resolvers = {
        ...batch,
        Query: {
          ...batch.Query,
          invites: () => [
            { orgId: 'o1', userId: 'u2' },
            { orgId: 'o1', userId: 'u1' },
          ],
        },
      };
      const schema = buildSubgraphSchema({
        typeDefs,
        resolvers: resolvers as GraphQLResolverMap<unknown>,
      });
      const representations = [{ __typename: 'Membership', orgId: 'o1', userId: 'u1' }];
      const result = (await execute({
        schema,
        document: QUERY,
        variableValues: { representations },
        contextValue: { dataloader: new Dataloader() },
      })) as ExecutionResult;
      expect(result).toEqual({
        data: {
          _entities: [{ role: 'ADMIN' }],
          invites: [
            { userId: 'u2', membership: { role: 'MEMBER' } },
            { userId: 'u1', membership: { role: 'ADMIN' } },
          ],
        },
      });
      expect(log).toEqual(['Membership [o1/u1, o1/u2]']);
    },
  );
});
