// The example's schema declares @batch itself, so servers build their schema from the file as it
// is. Without the declaration, graphql-js rejects every use of the directive.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSchema, Kind, parse, print } from 'graphql';
import { batchDirectiveSDL } from 'graphql-codegen-batch/runtime';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { root } from '../e2e/support/blog.js';

const sdl = readFileSync(resolve(root, 'examples/blog/schema.graphql'), 'utf8');
/** The schema file's declaration, as written (the formatter may wrap its arguments). */
const DECLARATION = sdl.match(/^directive @batch\([^)]*\) on [A-Z_ |]+\n/m)?.[0] ?? '';
const printed = (text: string) =>
  parse(text).definitions.flatMap((d) => (d.kind === Kind.DIRECTIVE_DEFINITION ? [print(d)] : []));
/** Fields that use @batch (indented lines: not the declaration). */
const uses = sdl.match(/^ {2}.* @batch\(/gm)?.length ?? 0;

describe('the @batch declaration in the schema file', () => {
  it('is the plugin’s own, and the example schema has it', () => {
    // The runtime's declaration, which is the plugin's addToSchema (test/package.test.ts).
    expect(printed(DECLARATION)).toEqual(printed(batchDirectiveSDL));
    expect(printed(sdl)).toEqual(printed(batchDirectiveSDL));
    expect(uses).toBe(7);
  });

  it('lets Apollo Server, graphql-yoga and graphql-js build the schema from the file as it is', async () => {
    const server = new ApolloServer({ typeDefs: sdl });
    await server.start();
    const result = await server.executeOperation({ query: '{ __type(name: "Post") { name } }' });
    expect(result.body).toEqual({
      kind: 'single',
      singleResult: { data: { __type: { name: 'Post' } } },
    });
    await server.stop();
    expect(createSchema({ typeDefs: sdl }).getDirective('batch')?.name).toBe('batch');
    expect(buildSchema(sdl).getDirective('batch')?.name).toBe('batch');
  });

  it('without it, building the schema fails once per use of @batch', () => {
    const undeclared = sdl.replace(DECLARATION, '');
    const message = Array.from({ length: uses }, () => 'Unknown directive "@batch".').join('\n\n');
    expect(() => new ApolloServer({ typeDefs: undeclared })).toThrow(new Error(message));
  });
});
