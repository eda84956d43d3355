// `npm run load:compare`: the example server with each resolver set in one run: the generated
// batched resolvers, hand-written DataLoader resolvers and naive ones (one query per field).
// The three servers start first (each with its own embedded PGlite and the same seed); then in
// each round every server takes one autocannon sample in an order that rotates by round, and the
// ratios are taken inside a round, like the in-process bench. Each sample starts only once the
// previous server has gone idle (the naive one is still answering its backlog for seconds after
// its sample ends, and would otherwise take CPU from the next server). Besides req/s and
// latency, each sample records the server's own CPU time per answered request (/proc/<pid>/stat),
// the figure that least depends on the machine's other jobs. Before any load, each server's
// answer to the demo query must equal the batched server's (data only: the extensions report
// each set's own SQL counts). Writes bench/results/load-compare.json.
//   LOAD_ROUNDS       rounds (default 3)
//   LOAD_DURATION     seconds per sample (default 10)
//   LOAD_CONNECTIONS  concurrent connections (default 10)
//   SEED_SCALE        the example's seed size (default 1, the full seed)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_QUERY, DEMO_VARIABLES } from '../../examples/blog/src/demo.js';
import { measuredCommit } from '../lib/meta.js';
import { summarize } from '../lib/stats.js';
import { type ExampleServer, root, startServer } from './server.js';

const SETS = ['batched', 'dataloader', 'naive'] as const;
type SetName = (typeof SETS)[number];
/** Ratios reported: a over b, for req/s and for latency. */
const PAIRS: readonly (readonly [SetName, SetName])[] = [
  ['batched', 'dataloader'],
  ['batched', 'naive'],
  ['dataloader', 'naive'],
];

const ROUNDS = positiveInt('LOAD_ROUNDS', 3);
const DURATION = positiveInt('LOAD_DURATION', 10);
const CONNECTIONS = positiveInt('LOAD_CONNECTIONS', 10);

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
const rightBody = (text: string) =>
  text.startsWith('{"data":{"posts":[{') && !text.includes('"errors":');

async function demoData(server: ExampleServer, set: SetName): Promise<string> {
  const response = await fetch(server.url, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200 || !rightBody(text)) {
    throw new Error(`the ${set} server failed the demo query (HTTP ${response.status}): ${text}`);
  }
  return JSON.stringify((JSON.parse(text) as { data: unknown }).data);
}

interface Sample {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
  /** The server process's CPU time (user + system) over the sample, per 2xx response. */
  readonly cpuMsPerRequest: number;
}

/** CPU time (user + system) of a process so far, in ms, from /proc/<pid>/stat (clock ticks). */
function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Waits until the server uses under 5% of a core over 500 ms (at most 60 s). */
async function idle(pid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let before = cpuMs(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuMs(pid);
    if (now - before < 25) return;
    before = now;
  }
}

const servers = new Map<SetName, ExampleServer>();
try {
  const seed = process.env.SEED_SCALE ? { SEED_SCALE: process.env.SEED_SCALE } : {};
  for (const set of SETS) servers.set(set, await startServer({ ...seed, RESOLVERS: set }));
  const expected = await demoData(servers.get('batched') as ExampleServer, 'batched');
  for (const set of SETS) {
    if ((await demoData(servers.get(set) as ExampleServer, set)) !== expected) {
      throw new Error(`the ${set} server's demo data differs from the batched server's`);
    }
  }

  const samples = new Map<SetName, Sample[]>(SETS.map((s) => [s, []]));
  const rounds: Map<SetName, Sample>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const values = new Map<SetName, Sample>();
    for (let j = 0; j < SETS.length; j++) {
      const set = SETS[(round + j) % SETS.length] as SetName;
      const server = servers.get(set) as ExampleServer;
      for (const other of servers.values()) await idle(other.pid);
      const cpuBefore = cpuMs(server.pid);
      const result = await autocannon({
        url: server.url,
        method: 'POST',
        headers,
        body,
        connections: CONNECTIONS,
        duration: DURATION,
        timeout: 30,
        verifyBody: rightBody,
      });
      const sample: Sample = {
        requestsPerSecond: result['2xx'] / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
        cpuMsPerRequest: (cpuMs(server.pid) - cpuBefore) / Math.max(1, result['2xx']),
      };
      console.error(
        `round ${round + 1}/${ROUNDS} ${set}: ${sample.requestsPerSecond.toFixed(1)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, CPU ${sample.cpuMsPerRequest.toFixed(1)} ms/request`,
      );
      values.set(set, sample);
      samples.get(set)?.push(sample);
    }
    rounds.push(values);
  }

  const figure = (set: SetName, key: keyof Sample) =>
    summarize((samples.get(set) as Sample[]).map((s) => s[key]));
  const ratio = (
    a: SetName,
    b: SetName,
    key: 'requestsPerSecond' | 'p50' | 'p99' | 'cpuMsPerRequest',
  ) =>
    summarize(
      rounds.map(
        (v) => ((v.get(a) as Sample)[key] as number) / ((v.get(b) as Sample)[key] as number),
      ),
    );
  const report = {
    command: 'npm run load:compare',
    gitCommit: measuredCommit(),
    date: new Date().toISOString(),
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    server: (servers.get('batched') as ExampleServer).seeded,
    settings: {
      rounds: ROUNDS,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      query: 'DEMO_QUERY',
      variables: DEMO_VARIABLES,
    },
    sets: Object.fromEntries(
      SETS.map((set) => [
        set,
        {
          requestsPerSecond: figure(set, 'requestsPerSecond'),
          p50: figure(set, 'p50'),
          p99: figure(set, 'p99'),
          cpuMsPerRequest: figure(set, 'cpuMsPerRequest'),
          failures: (samples.get(set) as Sample[]).reduce((n, s) => n + s.failures, 0),
          samples: samples.get(set),
        },
      ]),
    ),
    ratios: PAIRS.map(([a, b]) => ({
      a,
      b,
      requestsPerSecond: ratio(a, b, 'requestsPerSecond'),
      p50: ratio(a, b, 'p50'),
      p99: ratio(a, b, 'p99'),
      cpuMsPerRequest: ratio(a, b, 'cpuMsPerRequest'),
    })),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/load-compare.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const x = (s: { median: number }) => `${s.median.toFixed(2)}×`;
  console.log('| ratio | req/s | p50 | p99 | CPU/request |\n|---|---|---|---|---|');
  for (const r of report.ratios) {
    console.log(
      `| ${r.a} / ${r.b} | ${x(r.requestsPerSecond)} | ${x(r.p50)} | ${x(r.p99)} | ${x(r.cpuMsPerRequest)} |`,
    );
  }
  const failed = SETS.filter((set) => report.sets[set]?.failures);
  if (failed.length > 0) {
    console.error(`load:compare: failed responses from ${failed.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  for (const server of servers.values()) await server.stop();
}
