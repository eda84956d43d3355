// The example's entry points as a user runs them, each in its own process with its own embedded
// database seeded at TEST_SCALE: `npm run example:serve` (serve.ts) as a real HTTP server on
// 127.0.0.1 with an ephemeral port, and `npm run example` (main.ts). The naive resolvers over
// HTTP, unknown ids and PostgreSQL are in blog.test.ts (in-process server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUERY, DEMO_VARIABLES, type DemoData } from '../../examples/blog/src/demo.js';
import { generateSeed, scaledSizes } from '../../examples/blog/src/seed.js';
import {
  batchedStatementCount,
  type ExampleProcess,
  expectedDemoData,
  naiveStatementCount,
  post,
  runExample,
  TEST_SCALE,
} from './support/blog.js';

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+\/graphql)/;
const expected = expectedDemoData(generateSeed(scaledSizes(TEST_SCALE)), DEMO_VARIABLES);

// Both processes start at once: most of their start-up is the embedded Postgres booting. Both
// use the embedded database even when DATABASE_URL is set: on a server they would seed the same
// schema at the same time (blog.test.ts covers PostgreSQL, in a schema of its own).
const env = { SEED_SCALE: String(TEST_SCALE), DATABASE_URL: '' };
let server: ExampleProcess;
let example: ExampleProcess;
let url: string;
beforeAll(async () => {
  server = runExample('serve.ts', { ...env, PORT: '0' });
  example = runExample('main.ts', env);
  url = (await server.waitFor(LISTENING))[1] as string;
});
afterAll(() => {
  server?.stop();
  example?.stop();
});

describe('npm run example:serve', () => {
  it('answers the demo query over HTTP with the seed’s data in 5 SQL statements', async () => {
    const response = await post<DemoData>(url, DEMO_QUERY, { ...DEMO_VARIABLES });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual(expected);
    // Query.posts; then one round for the posts' users (authors and editors together), tags
    // and comments; then one for the comments' authors. This seed needs all five.
    expect(batchedStatementCount(expected)).toBe(5);
    expect(response.extensions?.sql?.statements).toBe(5);
    // The sequential Dataloader's rounds: the depth of the batched data (users, tags and
    // comments; then the comments' authors), the same on every request.
    expect(response.extensions?.dataloader?.rounds).toBe(2);
  });

  it('starts a fresh Dataloader per request: a second request issues the same statements', async () => {
    const again = await post(url, DEMO_QUERY, { ...DEMO_VARIABLES });
    expect(again.extensions?.sql?.statements).toBe(5);
    expect(again.extensions?.dataloader?.rounds).toBe(2);
  });
});

describe('npm run example', () => {
  it('prints the summary: rows, statements batched and naive, measured', async () => {
    const stdout = await example.exited;
    const comments = expected.posts.reduce((n, p) => n + p.comments.length, 0);
    expect(stdout).toContain(`${expected.posts.length} posts,`);
    expect(stdout).toContain(`${comments} comments with their authors (same data both ways)`);
    expect(stdout).toMatch(/batched {4}5 SQL statements, /);
    expect(stdout).toContain(
      `naive      ${naiveStatementCount(expected).toLocaleString('en-US')} SQL statements, `,
    );
  });
});
