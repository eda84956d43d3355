// The node:diagnostics_channel tracing channel: what a subscriber sees, and nothing at all
// (no hooks on the Dataloader) while nobody subscribes.
import diagnostics from 'node:diagnostics_channel';
import { Source } from 'graphql-codegen-batch/runtime';
import {
  BATCH_TRACING_CHANNEL,
  type BatchTraceMessage,
  composeHooks,
  diagnosticsChannelHooks,
} from 'graphql-codegen-batch/server';
import { afterEach, describe, expect, it } from 'vitest';
import { modes } from '../runtime/support.js';

const channel = diagnostics.tracingChannel(BATCH_TRACING_CHANNEL);
type Handlers = Parameters<typeof channel.subscribe>[0];
let subscribed: Handlers | null = null;

function subscribe(events: string[]): void {
  const on = (kind: string) => (message: unknown) => {
    const m = message as BatchTraceMessage;
    const failed = m.error === undefined ? '' : ` error=${(m.error as Error).message}`;
    events.push(`${kind} ${m.sourceName} ${JSON.stringify(m.keys)}${failed}`);
  };
  subscribed = {
    start: on('start'),
    end: on('end'),
    asyncStart: on('asyncStart'),
    asyncEnd: on('asyncEnd'),
    error: on('error'),
  };
  channel.subscribe(subscribed);
}

afterEach(() => {
  if (subscribed) channel.unsubscribe(subscribed);
  subscribed = null;
});

describe('diagnosticsChannelHooks', () => {
  it('gives no hooks while nobody subscribes (zero cost), hooks once someone does', () => {
    expect(diagnosticsChannelHooks()).toBeUndefined();
    subscribe([]);
    expect(Object.keys(diagnosticsChannelHooks() ?? {}).sort()).toEqual(['onBatch', 'wrapFetch']);
  });

  it.each(modes)('$name: start, end, then error?, asyncStart, asyncEnd per batch', async (mode) => {
    const events: string[] = [];
    subscribe(events);
    class Users extends Source<number, string> {
      *fetch(ids: number[]) {
        const teams = yield* this.dataloader.with(Teams).loadAll(ids);
        return ids.map((id, i) => `user${id}@${teams[i]}`);
      }
    }
    class Teams extends Source<number, string> {
      async fetch(ids: number[]) {
        if (ids.includes(0)) throw new Error('no team 0');
        return ids.map((id) => `team${id}`);
      }
    }
    const dl = mode.create({ hooks: composeHooks(diagnosticsChannelHooks()) });
    expect(await dl.with(Users).loadAll([1, 2])).toEqual(['user1@team1', 'user2@team2']);
    await expect(dl.with(Teams).load(0)).rejects.toThrow('no team 0');
    expect(events).toEqual([
      // Users' generator fetch starts and waits on Teams; its first step is its `end`.
      'start Users [1,2]',
      'end Users [1,2]',
      'start Teams [1,2]',
      'end Teams [1,2]',
      'asyncStart Teams [1,2]',
      'asyncEnd Teams [1,2]',
      'asyncStart Users [1,2]',
      'asyncEnd Users [1,2]',
      'start Teams [0]',
      'end Teams [0]',
      'error Teams [0] error=no team 0',
      'asyncStart Teams [0] error=no team 0',
      'asyncEnd Teams [0] error=no team 0',
    ]);
  });
});
