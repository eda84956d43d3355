// Context and lifecycle (DESIGN section 6): AsyncLocalStorage values inside fetch, and a
// resource per batch that is always released, in every scheduler mode.
import { AsyncLocalStorage } from 'node:async_hooks';
import { requestContextHooks } from 'graphql-codegen-batch/node';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { batchScope, composeHooks } from 'graphql-codegen-batch/server';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, modes, turns } from '../runtime/support.js';

describe.each(modes)('$name: context and lifecycle', (mode) => {
  it('requestContextHooks: fetch sees the request’s AsyncLocalStorage value, nested and generator fetches too', async () => {
    const als = new AsyncLocalStorage<string>();
    const seen: [string, string | undefined][] = [];
    class Inner extends Source<number, string> {
      async fetch(keys: number[]) {
        seen.push([`Inner ${keys}`, als.getStore()]);
        return keys.map((k) => `i${k}`);
      }
    }
    class Outer extends Source<number, string> {
      async fetch(keys: number[]) {
        seen.push(['Outer before await', als.getStore()]);
        const inner = await this.dataloader.with(Inner).loadAll(keys);
        seen.push(['Outer after await', als.getStore()]);
        return inner.map((v) => `o(${v})`);
      }
    }
    class Gen extends Source<number, string> {
      *fetch(keys: number[]) {
        seen.push(['Gen first step', als.getStore()]);
        const inner = yield* this.dataloader.with(Inner).loadAll(keys.map((k) => k + 100));
        seen.push(['Gen resumed', als.getStore()]);
        return inner.map((v) => `g(${v})`);
      }
    }
    // The Dataloader is created in the request's context; its loads are made, and so its ticks
    // scheduled, from another one: only the hook can carry the request's value into fetch.
    const dl = als.run('request', () => mode.create({ hooks: requestContextHooks() }));
    const results = await als.run('elsewhere', () =>
      Promise.all([dl.with(Outer).load(1), dl.with(Gen).load(2)]),
    );
    expect(results).toEqual(['o(i1)', 'g(i102)']);
    expect(seen.map(([label]) => label).sort()).toEqual([
      'Gen first step',
      'Gen resumed',
      'Inner 1',
      'Inner 102',
      'Outer after await',
      'Outer before await',
    ]);
    expect(seen.filter(([, store]) => store !== 'request')).toEqual([]);
  });

  it('a connection per batch: one per batch (not per generator step), always released', async () => {
    const log: Log = [];
    let nextId = 1;
    const released: number[] = [];
    const connection = new AsyncLocalStorage<{ id: number }>();
    const conn = () => connection.getStore()?.id;
    const hooks = batchScope<{ id: number }>({
      begin: () => ({ id: nextId++ }),
      around: (c, fetch) => connection.run(c, fetch),
      end: (c) => released.push(c.id),
    });
    class Ok extends Source<number, string> {
      async fetch(keys: number[]) {
        log.push([`Ok on ${conn()}`, keys]);
        return keys.map((k) => `ok${k}`);
      }
    }
    class Rejects extends Source<number, string> {
      async fetch(keys: number[]): Promise<string[]> {
        log.push([`Rejects on ${conn()}`, keys]);
        throw new Error('query failed');
      }
    }
    class Throws extends Source<number, string> {
      fetch(keys: number[]): string[] {
        log.push([`Throws on ${conn()}`, keys]);
        throw new Error('bad input');
      }
    }
    class Gen extends Source<number, string> {
      *fetch(keys: number[]) {
        log.push([`Gen step 1 on ${conn()}`, keys]);
        const oks = yield* this.dataloader.with(Ok).loadAll(keys);
        log.push([`Gen step 2 on ${conn()}`, keys]);
        return oks.map((v) => `g(${v})`);
      }
    }
    const dl = mode.create({ hooks });
    const settled = await Promise.allSettled([
      dl.with(Gen).load(1),
      dl.with(Rejects).load(2),
      dl.with(Throws).load(3),
    ]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      'g(ok1)',
      'Error: query failed',
      'Error: bad input',
    ]);
    // Gen's batch keeps connection 1 across both of its steps; Ok (its dependency) gets 2.
    const gen = log.filter(([label]) => label.startsWith('Gen'));
    expect(gen).toEqual([
      ['Gen step 1 on 1', [1]],
      ['Gen step 2 on 1', [1]],
    ]);
    expect(log.length).toBe(5);
    expect(nextId - 1).toBe(4);
    expect(released.sort()).toEqual([1, 2, 3, 4]);
  });

  it('an aborted request: the connection is released once the fetch has stopped, not before', async () => {
    const released: string[] = [];
    const hooks = batchScope<string>({
      begin: (_source, keys) => `conn(${keys.join(',')})`,
      end: (c, event) => released.push(`${c} after ${String(event.error)}`),
    });
    const query = deferred<void>();
    let fetches = 0;
    class Slow extends Source<number, string> {
      async fetch(keys: number[]) {
        fetches++;
        // A driver would cancel the query on `this.dataloader.signal`; this one finishes late.
        await query.promise;
        return keys.map(String);
      }
    }
    const controller = new AbortController();
    const dl = mode.create({ hooks, signal: controller.signal });
    const first = dl.with(Slow).load(1);
    first.then(undefined, () => undefined);
    await turns();
    expect(fetches).toBe(1);
    controller.abort(new Error('client went away'));
    await expect(first).rejects.toThrow('client went away');
    const late = dl.with(Slow).load(2);
    await expect(late).rejects.toThrow('client went away');
    await turns();
    expect(released).toEqual([]);
    query.resolve();
    await turns();
    expect(released).toEqual(['conn(1) after Error: client went away']);
    expect(fetches).toBe(1);
  });
});

describe('composeHooks', () => {
  it('nests wrapFetch in argument order and runs every onBatch, even after one throws', async () => {
    const trail: string[] = [];
    const wrap = (name: string) => ({
      wrapFetch: (_s: unknown, _k: readonly unknown[], fetch: () => unknown) => {
        trail.push(`${name} in`);
        try {
          return fetch();
        } finally {
          trail.push(`${name} out`);
        }
      },
      onBatch: () => {
        trail.push(`${name} onBatch`);
        if (name === 'a') throw new Error('a reporter failed');
      },
    });
    class Echo extends Source<number, number> {
      fetch(keys: number[]) {
        trail.push('fetch');
        return keys;
      }
    }
    const dl = new Dataloader({ hooks: composeHooks(wrap('a'), undefined, wrap('b')) });
    expect(await dl.with(Echo).load(7)).toBe(7);
    expect(trail).toEqual(['a in', 'b in', 'fetch', 'b out', 'a out', 'a onBatch', 'b onBatch']);
    expect(composeHooks(undefined, {})).toEqual({});
  });
});
