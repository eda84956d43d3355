// Faults at the runtime level: a fetch that never settles when the request is aborted, a fetch
// that fails for one batch-parameter value only, a connection dropped in the middle of a batch.
// Each fails only its own keys with its own error, nothing hangs, and the next load works.
import { Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, type Mode, modes, turns } from '../runtime/support.js';

describe.each(modes)('$name: faults', (mode: Mode) => {
  it('a fetch that never settles: aborting rejects its waiters (loads, awaits, jobs, dependent fetches) with the reason', async () => {
    const log: Log = [];
    const cancelled: string[] = [];
    class Hung extends Source<number, string> {
      fetch(keys: number[]) {
        log.push(['Hung', keys]);
        this.dataloader.signal?.addEventListener('abort', () => cancelled.push(`Hung ${keys}`));
        return new Promise<string[]>(() => {}); // the database never answers
      }
    }
    class Dependent extends Source<number, string> {
      *fetch(keys: number[]) {
        log.push(['Dependent', keys]);
        return yield* this.dataloader.with(Hung).loadAll(keys);
      }
    }
    const controller = new AbortController();
    const dl = mode.create({ signal: controller.signal });
    const waiting = [
      dl.with(Hung).load(1),
      Promise.resolve(dl.with(Hung).load(1)).then((v) => `awaited ${v}`),
      dl.run(function* () {
        return yield* dl.with(Dependent).load(2);
      }),
      (async () => `async job ${await dl.with(Dependent).load(3)}`)(),
    ];
    const outcomes = Promise.allSettled(waiting);
    await turns();
    expect(log).toEqual([
      ['Dependent', [2, 3]],
      ['Hung', [1, 2, 3]],
    ]);
    const reason = new Error('client closed the request');
    controller.abort(reason);
    const settled = await outcomes;
    expect(settled.map((s) => (s.status === 'rejected' ? s.reason : s.value))).toEqual([
      reason,
      reason,
      reason,
      reason,
    ]);
    expect(cancelled).toEqual(['Hung 1,2,3']);
    await turns();
    expect(log).toHaveLength(2);
    // The next request has its own Dataloader and works.
    const next = mode.create();
    class Healthy extends Source<number, string> {
      fetch(keys: number[]) {
        return keys.map((k) => `ok${k}`);
      }
    }
    expect(await next.with(Healthy).load(1)).toBe('ok1');
  });

  it('a fetch that rejects for one batch-parameter value fails only those keys; the next load refetches', async () => {
    const log: Log = [];
    let euDown = true;
    class Orders extends Source<number, string, { region: string }> {
      async fetch(ids: number[]) {
        const region = this.params.region;
        log.push([region, ids]);
        if (region === 'eu' && euDown) throw new Error(`region eu unreachable (orders ${ids})`);
        return ids.map((id) => `${region}-${id}`);
      }
    }
    const dl = mode.create();
    const eu = dl.with(Orders, { region: 'eu' });
    const us = dl.with(Orders, { region: 'us' });
    const first = await Promise.allSettled([us.load(1), eu.load(1), us.load(2), eu.load(2)]);
    expect(
      first.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    ).toEqual([
      'us-1',
      'region eu unreachable (orders 1,2)',
      'us-2',
      'region eu unreachable (orders 1,2)',
    ]);
    euDown = false;
    expect(await Promise.all([eu.load(1), us.load(1)])).toEqual(['eu-1', 'us-1']);
    expect(log.sort()).toEqual([
      ['eu', [1]],
      ['eu', [1, 2]],
      ['us', [1, 2]],
    ]);
  });

  it('a connection dropped mid-batch (after part of the rows) fails that batch only, with its error', async () => {
    const log: Log = [];
    let drop = true;
    class Rows extends Source<number, string> {
      async fetch(ids: number[]) {
        log.push(['Rows', ids]);
        const rows: string[] = [];
        for (const id of ids) {
          await null; // one row at a time from the wire
          if (drop && rows.length === 1) throw new Error('connection terminated unexpectedly');
          rows.push(`row${id}`);
        }
        return rows;
      }
    }
    class Names extends Source<number, string> {
      fetch(ids: number[]) {
        log.push(['Names', ids]);
        return ids.map((id) => `name${id}`);
      }
    }
    const dl = mode.create();
    const settled = await Promise.allSettled([
      dl.with(Rows).load(1),
      dl.with(Names).load(1),
      dl.with(Rows).load(2),
    ]);
    expect(
      settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    ).toEqual([
      'connection terminated unexpectedly',
      'name1',
      'connection terminated unexpectedly',
    ]);
    drop = false;
    expect(await dl.with(Rows).loadAll([2, 1])).toEqual(['row2', 'row1']);
    expect(log.sort()).toEqual([
      ['Names', [1]],
      ['Rows', [1, 2]],
      ['Rows', [2, 1]],
    ]);
  });
});
