// `npm run check`: serves the library under graphql-yoga and under Apollo Server 5 on
// 127.0.0.1, sends every case's query over HTTP and compares the response's data, errors and
// extensions (the request's query log and batch statistics) exactly. Prints one line per case
// and server, what differed, then `consumer check: N passed, M failed`; exits 1 on any failure.
import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLibraryApollo } from './apollo.js';
import { type Case, cases } from './cases.js';
import { Tables } from './data.js';
import { createLibraryYoga } from './yoga.js';

interface Server {
  readonly name: string;
  readonly url: string;
  stop(): Promise<void>;
}

async function startYoga(): Promise<Server> {
  const yoga = createLibraryYoga(new Tables());
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: 'graphql-yoga',
    url: `http://127.0.0.1:${port}${yoga.graphqlEndpoint}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function startApollo(): Promise<Server> {
  const { url, stop } = await startLibraryApollo(new Tables());
  return { name: 'Apollo Server 5', url, stop };
}

async function send(server: Server, test: Case): Promise<unknown> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: test.query, variables: test.variables ?? {} }),
    // A server that never answers fails its case instead of hanging the check.
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, ...body };
}

let passed = 0;
let failed = 0;
for (const start of [startYoga, startApollo]) {
  const server = await start();
  try {
    // In order: the mutation comes last and renames a member of this server's own tables.
    for (const test of cases) {
      const expected = {
        status: 200,
        data: test.data,
        ...(test.errors ? { errors: test.errors } : {}),
        extensions: { fetches: test.fetches, dataloader: test.dataloader },
      };
      try {
        deepStrictEqual(await send(server, test), expected);
        passed++;
        console.log(`ok   ${server.name}: ${test.name}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${server.name}: ${test.name}`);
        console.log(error instanceof AssertionError ? error.message : error);
      }
    }
  } finally {
    await server.stop();
  }
}
console.log(`consumer check: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
