// Stopping `npm run example:serve` stops the server: SIGTERM or SIGINT sent to the npm process
// (a process manager, `kill <npm's pid>`) and SIGINT to the whole process group (Ctrl-C in a
// terminal) each end npm, and by then the port is closed. The script runs exactly as npm runs
// it (`npm exec --call`: the same shell and signal forwarding as `npm run`), without its
// `npm run build && npm run codegen` prefix, which the test suite has done already.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/blog.js';

const PREFIX = 'npm run build && npm run codegen && ';
const script = (
  JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts['example:serve'] as string;

const started: ChildProcess[] = [];
afterAll(() => {
  // Whatever a failed case left running: each npm is the leader of its own process group.
  for (const child of started) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
});

interface Stopped {
  readonly exit: string;
  readonly port: string;
}

/** Serves through npm, sends `signal` once it listens, and reports npm's exit and the port. */
function serveAndStop(signal: NodeJS.Signals, to: 'npm' | 'group'): Promise<Stopped> {
  const child = spawn('npm', ['exec', '--call', script.slice(PREFIX.length)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', SEED_SCALE: '0.01', DATABASE_URL: '' },
  });
  started.push(child);
  let output = '';
  let port = 0;
  return new Promise((resolveStopped, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const listening = output.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
      if (port !== 0 || !listening) return;
      port = Number(listening[1]);
      if (to === 'npm') child.kill(signal);
      else process.kill(-(child.pid as number), signal);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', (code, killedBy) => {
      if (port === 0) return reject(new Error(`npm exited before listening:\n${output}`));
      const exit = killedBy === null ? `code ${code}` : `signal ${killedBy}`;
      const probe = connect(port, '127.0.0.1');
      probe.on('connect', () => {
        probe.destroy();
        resolveStopped({ exit, port: 'still accepting connections' });
      });
      probe.on('error', (error: NodeJS.ErrnoException) =>
        resolveStopped({ exit, port: error.code ?? String(error) }),
      );
    });
  });
}

describe('stopping npm run example:serve', () => {
  it('runs the server as the script’s last command, with exec, so signals reach it', () => {
    expect(script).toBe(`${PREFIX}exec tsx examples/blog/src/serve.ts`);
  });

  // The three start at once: most of each one's time is the embedded database booting.
  const stops = {
    'SIGTERM to npm': serveAndStop('SIGTERM', 'npm'),
    'SIGINT to npm': serveAndStop('SIGINT', 'npm'),
    'Ctrl-C (SIGINT to the process group)': serveAndStop('SIGINT', 'group'),
  };
  for (const [name, stopped] of Object.entries(stops)) {
    stopped.catch(() => {});
    it(`${name}: npm exits and the port is closed`, async () => {
      const { exit, port } = await stopped;
      expect(port, `npm's ${exit}`).toBe('ECONNREFUSED');
    }, 120_000);
  }
});
