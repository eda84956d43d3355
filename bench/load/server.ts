// The example server (examples/blog/src/serve.ts) as a child process of the load test: started
// with `node --import tsx` directly (no npm/npx wrapper), so the child's pid is the server's and
// /proc/<pid>/status gives its resident memory; port 0 on 127.0.0.1, read from its log line.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+\/graphql)/;

export interface ExampleServer {
  readonly url: string;
  readonly pid: number;
  /** The first log line (database, seed sizes, seeding time). */
  readonly seeded: string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, timeoutMs = 120_000) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'examples/blog/src/serve.ts')],
    {
      cwd: root,
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the example server did not listen within ${timeoutMs} ms; log:\n${log}`));
    }, timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(log);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolvePromise(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example server exited (code ${code}) before listening; log:\n${log}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the example server has no pid');
  return {
    url,
    pid,
    seeded: log.split('\n')[0] ?? '',
    stop: () => stop(child),
  } satisfies ExampleServer;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

/** Resident set size of a process in bytes (Linux: VmRSS of /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kb) * 1024;
}

export interface RssSample {
  /** Seconds since the sampler started. */
  readonly second: number;
  readonly bytes: number;
}

/** Samples the process's RSS every second until stopped. */
export function sampleRss(pid: number): { stop(): RssSample[] } {
  const samples: RssSample[] = [];
  let second = 0;
  const timer = setInterval(() => {
    second++;
    samples.push({ second, bytes: residentBytes(pid) });
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}
