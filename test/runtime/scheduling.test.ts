import { AsyncDataloader, Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Deferred, deferred, type Log, modes, turns } from './support.js';

describe.each(modes)('$name: manual parallelism, abort, hooks', (mode) => {
  it('two generator fetches that start work and bare-yield both start before either resumes', async () => {
    const events: string[] = [];
    const work = new Map<string, Deferred<string[]>>();
    const makeSource = (name: string) =>
      class extends Source<number, string> {
        *fetch(keys: number[]) {
          events.push(`${name} start ${keys.join(',')}`);
          const job = deferred<string[]>();
          work.set(name, job);
          yield; // GraphQL-Ruby's dataloader.yield: run the others, then come back here.
          events.push(`${name} resume`);
          return job.promise;
        }
      };
    const X = makeSource('X');
    const Y = makeSource('Y');
    const dl = mode.create();
    const loads = [dl.with(X).load(1), dl.with(Y).load(2)];
    await turns();
    expect(events.slice(0, 2)).toEqual(['X start 1', 'Y start 2']);
    work.get('X')?.resolve(['x1']);
    work.get('Y')?.resolve(['y2']);
    expect(await Promise.all(loads)).toEqual(['x1', 'y2']);
    expect(events).toEqual(['X start 1', 'Y start 2', 'X resume', 'Y resume']);
  });

  it('abort while a fetch is in flight: waiters reject with the reason, no new fetch starts, finally blocks run', async () => {
    const log: Log = [];
    const events: string[] = [];
    const gate = deferred<string[]>();
    let seenSignal: AbortSignal | undefined;
    class Slow extends Source<number, string> {
      fetch(keys: number[]) {
        log.push(['Slow', keys]);
        seenSignal = this.dataloader.signal;
        return gate.promise;
      }
    }
    class Waiting extends Source<number, string> {
      *fetch(keys: number[]) {
        log.push(['Waiting', keys]);
        try {
          return yield* this.dataloader.with(Slow).loadAll(keys);
        } finally {
          events.push('fetch finally');
        }
      }
    }
    const controller = new AbortController();
    const dl = mode.create({ signal: controller.signal });
    const job = dl.run(function* () {
      try {
        return yield* dl.with(Waiting).load(1);
      } finally {
        events.push('job finally');
      }
    });
    const direct = dl.with(Slow).load(2);
    await turns();
    // Key 2 was requested first (directly); key 1 joined when Waiting's fetch asked for it.
    expect(log).toEqual([
      ['Waiting', [1]],
      ['Slow', [2, 1]],
    ]);
    const reason = new Error('client went away');
    controller.abort(reason);
    expect(seenSignal?.aborted).toBe(true);
    await expect(job).rejects.toBe(reason);
    await expect(direct).rejects.toBe(reason);
    await expect(dl.with(Slow).load(3)).rejects.toBe(reason);
    gate.resolve(['late']);
    await turns();
    expect(log).toHaveLength(2);
    expect(events.sort()).toEqual(['fetch finally', 'job finally']);
  });

  it('hooks: wrapFetch runs around every fetch call, onBatch reports each batch', async () => {
    const seen: string[] = [];
    class Users extends Source<number, string> {
      fetch(keys: number[]) {
        seen.push(`fetch ${keys.join(',')}`);
        return keys.map((k) => (k < 0 ? new Error('negative') : `u${k}`));
      }
    }
    class Broken extends Source<number, string> {
      fetch(): string[] {
        throw new Error('broken');
      }
    }
    const dl = mode.create({
      hooks: {
        wrapFetch(source, keys, fetch) {
          seen.push(`enter ${source.constructor.name} ${keys.join(',')}`);
          try {
            return fetch();
          } finally {
            seen.push(`leave ${source.constructor.name}`);
          }
        },
        onBatch(event) {
          seen.push(
            `batch ${event.source.constructor.name} [${event.keys.join(',')}] ${event.error ? (event.error as Error).message : 'ok'} ${event.durationMs >= 0}`,
          );
        },
      },
    });
    await Promise.allSettled([dl.with(Users).loadAll([1, -1]), dl.with(Broken).load(1)]);
    expect(seen).toEqual([
      'enter Users 1,-1',
      'fetch 1,-1',
      'leave Users',
      'batch Users [1,-1] ok true',
      'enter Broken 1',
      'leave Broken',
      'batch Broken [1] broken true',
    ]);
  });
});

describe('AsyncDataloader: parallel fetches (controlled deferreds)', () => {
  function gatedSources(events: string[], gates: Map<string, Deferred<void>>) {
    let inFlight = 0;
    let maxInFlight = 0;
    const make = (name: string) =>
      class extends Source<number, string> {
        async fetch(keys: number[]) {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          events.push(`start ${name} ${keys.join(',')}`);
          const gate = deferred<void>();
          gates.set(`${name}${keys.join(',')}`, gate);
          await gate.promise;
          inFlight--;
          events.push(`end ${name}`);
          return keys.map((k) => `${name}${k}`);
        }
      };
    return { S1: make('S1'), S2: make('S2'), S3: make('S3'), max: () => maxInFlight };
  }

  it('three batches in flight at once; a job waiting on the first resumes before the others settle', async () => {
    const events: string[] = [];
    const gates = new Map<string, Deferred<void>>();
    const { S1, S2, S3, max } = gatedSources(events, gates);
    const dl = new AsyncDataloader();
    const first = dl.run(function* () {
      const v = yield* dl.with(S1).load(1);
      events.push(`job resumed with ${v}`);
      return yield* dl.with(S1).load(2);
    });
    const others = [dl.with(S2).load(1), dl.with(S3).load(1)];
    await turns();
    expect(events).toEqual(['start S1 1', 'start S2 1', 'start S3 1']);
    expect(max()).toBe(3);
    gates.get('S11')?.resolve();
    await turns();
    // The job resumed and started its next batch while S2 and S3 are still in flight.
    expect(events).toEqual([
      'start S1 1',
      'start S2 1',
      'start S3 1',
      'end S1',
      'job resumed with S11',
      'start S1 2',
    ]);
    for (const key of ['S21', 'S31', 'S12']) gates.get(key)?.resolve();
    expect(await first).toBe('S12');
    expect(await Promise.all(others)).toEqual(['S21', 'S31']);
  });

  it('maxConcurrency: 2 never has more than two batches in flight', async () => {
    const events: string[] = [];
    const gates = new Map<string, Deferred<void>>();
    const { S1, S2, S3, max } = gatedSources(events, gates);
    const dl = new AsyncDataloader({ maxConcurrency: 2 });
    const loads = [dl.with(S1).load(1), dl.with(S2).load(1), dl.with(S3).load(1)];
    await turns();
    expect(events).toEqual(['start S1 1', 'start S2 1']);
    gates.get('S11')?.resolve();
    await turns();
    expect(events).toEqual(['start S1 1', 'start S2 1', 'end S1', 'start S3 1']);
    gates.get('S21')?.resolve();
    gates.get('S31')?.resolve();
    expect(await Promise.all(loads)).toEqual(['S11', 'S21', 'S31']);
    expect(max()).toBe(2);
  });

  it('sequential mode runs the same three batches one at a time', async () => {
    const events: string[] = [];
    const gates = new Map<string, Deferred<void>>();
    const { S1, S2, S3, max } = gatedSources(events, gates);
    const dl = new Dataloader();
    const loads = [dl.with(S1).load(1), dl.with(S2).load(1), dl.with(S3).load(1)];
    await turns();
    expect(events).toEqual(['start S1 1']);
    gates.get('S11')?.resolve();
    await turns();
    expect(events).toEqual(['start S1 1', 'end S1', 'start S2 1']);
    gates.get('S21')?.resolve();
    await turns();
    gates.get('S31')?.resolve();
    expect(await Promise.all(loads)).toEqual(['S11', 'S21', 'S31']);
    expect(max()).toBe(1);
  });

  it('rejects a maxConcurrency that is not a positive integer', () => {
    expect(() => new AsyncDataloader({ maxConcurrency: 0 })).toThrow(
      'AsyncDataloader option maxConcurrency must be a positive integer, but got: 0.',
    );
  });
});

describe('scheduling without Node globals', () => {
  it('runs with an injected scheduler, stepped by hand', async () => {
    const queue: (() => void)[] = [];
    const log: Log = [];
    class Users extends Source<number, string> {
      fetch(keys: number[]) {
        log.push(['Users', keys]);
        return keys.map((k) => `u${k}`);
      }
    }
    const dl = new Dataloader({ schedule: (fn) => queue.push(fn) });
    const a = dl.with(Users).load(1);
    const b = dl.with(Users).load(2);
    expect(log).toEqual([]);
    expect(queue).toHaveLength(1);
    queue.shift()?.();
    expect(log).toEqual([['Users', [1, 2]]]);
    expect(a.settled && b.settled).toBe(true);
    expect(await Promise.all([a, b])).toEqual(['u1', 'u2']);
  });
});
