// `npm run load`: the example server (examples/blog, batched resolvers) under
// autocannon on 127.0.0.1, POSTing the demo query. Checks zero errors, timeouts, non-2xx and
// wrong bodies, and a flat resident memory: the mean RSS of the last window within 10% of the
// second window (the first is warm-up). Writes bench/results/load.json, prints a table, and exits
// non-zero when a check fails.
//   LOAD_DURATION     seconds of load (default 20)
//   LOAD_CONNECTIONS  concurrent connections (default 50)
//   LOAD_WINDOW       seconds per memory window (default 5; at most a third of the duration)
//   SEED_SCALE        the example's seed size (default 1, the full seed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_QUERY, DEMO_VARIABLES } from '../../examples/blog/src/demo.js';
import { measuredCommit } from '../lib/meta.js';
import { type RssSample, root, sampleRss, startServer } from './server.js';

const DURATION = positiveInt('LOAD_DURATION', 20);
const CONNECTIONS = positiveInt('LOAD_CONNECTIONS', 50);
const WINDOW = Math.min(positiveInt('LOAD_WINDOW', 5), Math.floor(DURATION / 3));
const MAX_DRIFT = 0.1;

function positiveInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive integer, got "${text}"`);
  return n;
}

const body = JSON.stringify({ query: DEMO_QUERY, variables: DEMO_VARIABLES });
const headers = { 'content-type': 'application/json' };

/** A body is right when it has the demo's posts and no `errors` (GraphQL errors come with 200). */
function rightBody(text: string): boolean {
  return text.startsWith('{"data":{"posts":[{') && !text.includes('"errors":');
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Mean RSS of the samples taken in seconds (from, to]. */
function windowMean(samples: readonly RssSample[], from: number, to: number): number {
  return mean(samples.filter((s) => s.second > from && s.second <= to).map((s) => s.bytes));
}

const server = await startServer(
  process.env.SEED_SCALE ? { SEED_SCALE: process.env.SEED_SCALE } : {},
);
try {
  console.log(`${server.seeded}\nserver pid ${server.pid} at ${server.url}`);
  // One request checked in full before the load: the demo's 100 posts, no errors.
  const probe = await fetch(server.url, { method: 'POST', headers, body });
  const probeText = await probe.text();
  const posts = (JSON.parse(probeText) as { data?: { posts?: unknown[] } }).data?.posts?.length;
  if (probe.status !== 200 || !rightBody(probeText) || posts !== DEMO_VARIABLES.posts) {
    throw new Error(
      `the demo query failed before the load (HTTP ${probe.status}): ${probeText.slice(0, 500)}`,
    );
  }

  console.log(`load: ${CONNECTIONS} connections for ${DURATION} s, RSS every second…`);
  const sampler = sampleRss(server.pid);
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers,
    body,
    connections: CONNECTIONS,
    duration: DURATION,
    // A busy 2-CPU machine pushes p99 past autocannon's default 10 s; a hang still shows as a timeout.
    timeout: 30,
    verifyBody: rightBody,
  });
  const rss = sampler.stop();

  const second = windowMean(rss, WINDOW, 2 * WINDOW);
  const last = windowMean(rss, DURATION - WINDOW, DURATION);
  const drift = (last - second) / second;
  const failures: string[] = [];
  if (result.errors > 0) failures.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
  if (result.non2xx > 0) failures.push(`${result.non2xx} non-2xx responses`);
  if (result.mismatches > 0)
    failures.push(`${result.mismatches} responses without the demo's data or with errors`);
  if (result['2xx'] === 0) failures.push('no successful response at all');
  if (!(Math.abs(drift) <= MAX_DRIFT)) {
    failures.push(
      `resident memory not flat: the last ${WINDOW} s averaged ${mib(last)} MiB, the second ${WINDOW} s ${mib(second)} MiB (${(drift * 100).toFixed(1)}%, limit ±${MAX_DRIFT * 100}%)`,
    );
  }

  const report = {
    command: 'npm run load',
    gitCommit: measuredCommit(),
    when: new Date().toISOString(),
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    server: server.seeded,
    settings: {
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      windowSeconds: WINDOW,
      query: 'DEMO_QUERY',
      variables: DEMO_VARIABLES,
    },
    requests: {
      total2xx: result['2xx'],
      perSecondMean: result.requests.average,
      perSecondP50: result.requests.p50,
    },
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    errors: {
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      mismatches: result.mismatches,
    },
    rss: {
      secondWindowMiB: mib(second),
      lastWindowMiB: mib(last),
      driftPercent: Math.round(drift * 1000) / 10,
      samplesMiB: rss.map((s) => mib(s.bytes)),
    },
    failures,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/load.json'), `${JSON.stringify(report, null, 2)}\n`);

  const rows: [string, string][] = [
    ['requests/s (mean)', report.requests.perSecondMean.toFixed(0)],
    ['responses 2xx', String(result['2xx'])],
    [
      'latency p50 / p99 / max',
      `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`,
    ],
    [
      'errors / timeouts / non-2xx / wrong body',
      `${result.errors} / ${result.timeouts} / ${result.non2xx} / ${result.mismatches}`,
    ],
    [
      `RSS ${WINDOW}–${2 * WINDOW} s → last ${WINDOW} s`,
      `${mib(second)} → ${mib(last)} MiB (${report.rss.driftPercent}%)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log(
    `\nmachine: ${report.machine.nproc} CPUs, Node ${report.machine.node}; bench/results/load.json written`,
  );
  if (failures.length > 0) {
    console.error(`\nload test FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('load test passed: no errors, memory flat');
  }
} finally {
  await server.stop();
}
