// Runs one query through graphql-js with the generated resolvers and compares data and batches.
import { deepStrictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildSchema, execute, type GraphQLFieldResolver, isObjectType, parse } from 'graphql';
import { batchDirectiveSDL, Dataloader } from 'graphql-codegen-batch/runtime';
import type { Context } from './context.js';
import { createBatchResolvers, type Resolvers } from './generated/graphql.js';
import type { BookRow } from './models.js';
import { fetchLog, sources } from './sources.js';

const books: BookRow[] = [
  { id: 10, title: 'Notes', authorId: 1 },
  { id: 11, title: 'Compilers', authorId: 2 },
  { id: 12, title: 'Engines', authorId: 1 },
];

const resolvers: Resolvers = { ...createBatchResolvers(sources), Query: { books: () => books } };
const schema = buildSchema(
  batchDirectiveSDL + readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
);
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`check: no object type ${typeName} in the schema`);
  for (const [name, resolve] of Object.entries(fields as Record<string, unknown>)) {
    const field = type.getFields()[name];
    if (!field) throw new Error(`check: no field ${typeName}.${name} in the schema`);
    field.resolve = resolve as GraphQLFieldResolver<unknown, Context>;
  }
}

const contextValue: Context = { dataloader: new Dataloader() };
const result = await execute({
  schema,
  document: parse('{ books { title author { name } } }'),
  contextValue,
});
let passed = 0;
let failed = 0;
function expectEqual(what: string, actual: unknown, expected: unknown): void {
  try {
    deepStrictEqual(actual, expected);
    passed++;
  } catch {
    failed++;
    console.log(
      `${what} differs: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`,
    );
  }
}
expectEqual('errors', result.errors, undefined);
expectEqual('data', JSON.parse(JSON.stringify(result.data)), {
  books: [
    { title: 'Notes', author: { name: 'Ada' } },
    { title: 'Compilers', author: { name: 'Grace' } },
    { title: 'Engines', author: { name: 'Ada' } },
  ],
});
expectEqual('fetch log', fetchLog, [[1, 2]]);
console.log(`install app check: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
