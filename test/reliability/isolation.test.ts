// Security and isolation at the runtime level: hostile keys and batch parameters cannot poison
// the cache or the batch-parameter table of `dataloader.with()`, and two Dataloaders (two
// requests) never see each other's values.
import { type Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, type Mode, modes } from '../runtime/support.js';

/** A source whose values name the key they were fetched for, so a mix-up shows. */
function echo(log: Log) {
  class Echo extends Source<unknown, string> {
    fetch(keys: unknown[]) {
      log.push(['Echo', keys]);
      return keys.map((k) => `v(${describeKey(k)})`);
    }
  }
  class ByParams extends Source<number, string, unknown> {
    fetch(keys: number[]) {
      log.push([`ByParams ${describeKey(this.params)}`, keys]);
      return keys.map((k) => `${k} for ${describeKey(this.params)}`);
    }
  }
  return { Echo, ByParams };
}

function describeKey(k: unknown): string {
  if (typeof k === 'string') return k.length > 20 ? `${k.slice(0, 20)}…(${k.length})` : k;
  if (k instanceof Map) return `Map(${JSON.stringify([...k])})`;
  return JSON.stringify(k) ?? String(k);
}

describe.each(modes)('$name: hostile keys', (mode: Mode) => {
  it('a 1,000,000-character key is one key; one character more is another; errors stay short', async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    const long = 'k'.repeat(1_000_000);
    const dl = mode.create();
    const values = await dl.with(Echo).loadAll([long, `${long}x`, long]);
    expect(values).toEqual([
      'v(kkkkkkkkkkkkkkkkkkkk…(1000000))',
      'v(kkkkkkkkkkkkkkkkkkkk…(1000001))',
      'v(kkkkkkkkkkkkkkkkkkkk…(1000000))',
    ]);
    expect(log.map(([, keys]) => keys.length)).toEqual([2]);
    class Short extends Source<string, string> {
      fetch(): string[] {
        return [];
      }
    }
    const error = await Promise.resolve(dl.with(Short).load(long)).catch((e: Error) => e);
    expect((error as Error).message.length).toBeLessThan(300);
  });

  it("'__proto__', 'constructor', 'toString' are ordinary keys and pollute nothing", async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    const dl = mode.create();
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    expect(await dl.with(Echo).loadAll(hostile)).toEqual(hostile.map((k) => `v(${k})`));
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    expect(await dl.with(Echo).loadAll([parsed, {}])).toEqual([
      'v({"__proto__":{"polluted":true}})',
      'v({})',
    ]);
    expect(await dl.with(Echo).load('fresh')).toBe('v(fresh)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(log).toEqual([
      ['Echo', hostile],
      ['Echo', [parsed, {}]],
      ['Echo', ['fresh']],
    ]);
  });

  it('a key too deep to serialise throws at load(); the cache and the next loads are unharmed', async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const dl = mode.create();
    const echo1 = dl.with(Echo).load(1);
    expect(() => dl.with(Echo).load(deep)).toThrow(RangeError);
    expect(await Promise.all([echo1, dl.with(Echo).load(2)])).toEqual(['v(1)', 'v(2)']);
    expect(log).toEqual([['Echo', [1, 2]]]);
  });

  it('a getter that throws fails that load() only; toJSON does not decide identity', async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    const dl = mode.create();
    const trap = {
      get id(): number {
        throw new Error('getter trap');
      },
    };
    expect(() => dl.with(Echo).load(trap)).toThrow('getter trap');
    // Two keys that serialise alike through toJSON are still different keys.
    const a = { id: 1, toJSON: () => 'same' };
    const b = { id: 2, toJSON: () => 'same' };
    // (Compared with ===: a Load is a thenable, which expect() must not be handed unawaited.)
    expect(dl.with(Echo).load(a) === dl.with(Echo).load(b)).toBe(false);
    expect(await dl.with(Echo).loadAll([a, b])).toEqual(['v("same")', 'v("same")']);
    expect(log).toEqual([['Echo', [a, b]]]);
  });

  // Object keys are cached under "\u0000" + serialisation (util/stableKey.ts) in the same Map
  // as string keys; a string that starts with NUL gets a second one, so a client-controlled
  // string such as an ID argument '\u0000{"id":1}' never reads or writes the entry of the
  // object key { id: 1 }.
  it('a string key can never alias an object key', async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    const dl = mode.create();
    const crafted = dl.with(Echo).load('\u0000{"id":1}');
    const real = dl.with(Echo).load({ id: 1 });
    expect(crafted === real).toBe(false);
    expect(await real).toBe('v({"id":1})');
  });

  // A Map, a Set or a class instance is serialised with its entries (and its class name), so
  // two different ones are two keys, not one "{}" entry; symbol-keyed properties are rejected.
  it('two different Map keys are two cache entries', async () => {
    const log: Log = [];
    const { Echo } = echo(log);
    const dl = mode.create();
    const one = new Map([[1, 2]]);
    const two = new Map([[3, 4]]);
    expect(dl.with(Echo).load(one) === dl.with(Echo).load(two)).toBe(false);
  });
});

describe.each(modes)('$name: the batch-parameter table of with()', (mode: Mode) => {
  it('hostile params are ordinary values: one instance per value, none polluted', async () => {
    const log: Log = [];
    const { ByParams } = echo(log);
    const dl = mode.create();
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const params = ['__proto__', 'constructor', parsed, {}, 'x'.repeat(100_000)];
    const sources = params.map((p) => dl.with(ByParams, p));
    expect(new Set(sources).size).toBe(params.length);
    params.forEach((p, i) => {
      expect(dl.with(ByParams, p)).toBe(sources[i]);
    });
    expect(await Promise.all(sources.map((s) => s.load(7)))).toEqual([
      '7 for __proto__',
      '7 for constructor',
      '7 for {"__proto__":{"polluted":true}}',
      '7 for {}',
      `7 for ${'x'.repeat(20)}…(100000)`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a params object too deep to serialise throws at with(); other params still work', async () => {
    const log: Log = [];
    const { ByParams } = echo(log);
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const dl = mode.create();
    expect(() => dl.with(ByParams, deep)).toThrow(RangeError);
    expect(await dl.with(ByParams, { first: 1 }).load(1)).toBe('1 for {"first":1}');
  });

  // The same identities in the params table of `with()`: string params '\u0000{"v":1}' never
  // get the Source instance (and the cache) of params { v: 1 }.
  it('string params can never alias object params', () => {
    const { ByParams } = echo([]);
    const dl = mode.create();
    expect(dl.with(ByParams, '\u0000{"v":1}')).not.toBe(dl.with(ByParams, { v: 1 }));
  });

  // Params that are different Maps (or class instances) get different Source instances.
  it('two different Map params are two Source instances', () => {
    const { ByParams } = echo([]);
    const dl = mode.create();
    expect(dl.with(ByParams, new Map([[1, 2]]))).not.toBe(dl.with(ByParams, new Map([[3, 4]])));
  });
});

describe.each(modes)('$name: two Dataloaders (two requests)', (mode: Mode) => {
  it('never see each other’s cached values, primes, clears or aborts', async () => {
    const log: Log = [];
    // The user is per request: the scoped source reads it from its own Dataloader.
    const users = new WeakMap<Dataloader, string>();
    class Private extends Source<number, string> {
      async fetch(keys: number[]) {
        const user = users.get(this.dataloader) ?? 'nobody';
        log.push([user, keys]);
        return keys.map((k) => `${user}'s ${k}`);
      }
    }
    const alice = mode.create();
    const controller = new AbortController();
    const bob = mode.create({ signal: controller.signal });
    users.set(alice, 'alice');
    users.set(bob, 'bob');
    const first = await Promise.all([
      alice.with(Private).load(1),
      bob.with(Private).load(1),
      alice.with(Private).load(2),
    ]);
    expect(first).toEqual(["alice's 1", "bob's 1", "alice's 2"]);
    bob.with(Private).prime(3, 'primed for bob');
    alice.with(Private).clear(1);
    controller.abort(new Error('bob left'));
    await expect(bob.with(Private).load(4)).rejects.toThrow('bob left');
    expect(await alice.with(Private).loadAll([1, 3])).toEqual(["alice's 1", "alice's 3"]);
    expect(bob.with(Private).load(1).settled).toBe(true);
    expect(await bob.with(Private).load(1)).toBe("bob's 1");
    expect(log.sort()).toEqual([
      ['alice', [1, 2]],
      ['alice', [1, 3]],
      ['bob', [1]],
    ]);
  });
});
