// The runtime contract, errors (every mode): a per-key Error rejects its key only, a failed
// fetch fails its own batch only, and each misuse is an error naming the call, the rule and the
// value. Exact batch logs and messages.
import { DeadlockError, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes, table } from './support.js';

describe.each(modes)('$name: errors', (mode) => {
  it('a per-key Error rejects that key only and is cached like a value', async () => {
    const log: Log = [];
    class Partial extends Source<number, string> {
      fetch(keys: number[]) {
        log.push(['Partial', keys]);
        return keys.map((k) => (k === 2 ? new Error(`no ${k}`) : `v${k}`));
      }
    }
    const dl = mode.create();
    const src = dl.with(Partial);
    const [one, two] = [src.load(1), src.load(2)];
    expect(await one).toBe('v1');
    await expect(two).rejects.toThrow('no 2');
    await expect(src.load(2)).rejects.toThrow('no 2');
    expect(log).toEqual([['Partial', [1, 2]]]);
  });

  const failures = {
    rejects: (keys: number[]) => Promise.reject(new Error(`db down for ${keys.join(',')}`)),
    throws: (keys: number[]): string[] => {
      throw new Error(`db down for ${keys.join(',')}`);
    },
  };
  for (const [how, fail] of Object.entries(failures)) {
    it(`a fetch that ${how} fails every key of its batch, is not cached, spares other batches`, async () => {
      const log: Log = [];
      const { Users } = table(log);
      let attempts = 0;
      class Flaky extends Source<number, string> {
        fetch(keys: number[]) {
          log.push(['Flaky', keys]);
          attempts++;
          return attempts === 1 ? fail(keys) : keys.map((k) => `ok${k}`);
        }
      }
      const dl = mode.create();
      const flaky = [dl.with(Flaky).load(1), dl.with(Flaky).load(2)];
      const user = dl.with(Users).load(1);
      await expect(flaky[0]).rejects.toThrow('db down for 1,2');
      await expect(flaky[1]).rejects.toThrow('db down for 1,2');
      expect(await user).toBe('user1');
      expect(await dl.with(Flaky).load(1)).toBe('ok1');
      expect(log).toEqual([
        ['Flaky', [1, 2]],
        ['Users', [1]],
        ['Flaky', [1]],
      ]);
    });
  }

  it('a result of the wrong length fails the batch with a message naming source, counts and keys', async () => {
    class Short extends Source<number, string> {
      fetch(keys: number[]) {
        return keys.slice(1).map(String);
      }
    }
    const dl = mode.create();
    await expect(dl.with(Short).loadAll([1, 2, 3])).rejects.toThrow(
      'Short.fetch() must return an array with one value or Error per key, in key order: ' +
        '3 keys [1, 2, 3], but got an array of 2: ["2", "3"].',
    );
  });

  it('a result that is not an array fails the batch with the same message', async () => {
    class NotArray extends Source<string, string> {
      async fetch() {
        // Deliberately wrong, as untyped JavaScript could do.
        return { a: 1 } as unknown as string[];
      }
    }
    const dl = mode.create();
    await expect(dl.with(NotArray).load('x')).rejects.toThrow(
      'NotArray.fetch() must return an array with one value or Error per key, in key order: ' +
        '1 keys ["x"], but got { a: 1 }.',
    );
  });

  it('a cycle (A waits on B, B waits on A’s in-flight key) is a DeadlockError naming both', async () => {
    class CycA extends Source<number, string> {
      *fetch(keys: number[]) {
        const b = yield* this.dataloader.with(CycB).loadAll(keys);
        return b;
      }
    }
    class CycB extends Source<number, string> {
      *fetch(keys: number[]) {
        const a = yield* this.dataloader.with(CycA).loadAll(keys);
        return a;
      }
    }
    const dl = mode.create();
    const job = dl.run(function* () {
      return yield* dl.with(CycA).load(1);
    });
    const error = await (job as Promise<string>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as Error).message).toBe(
      'Deadlock: CycA.fetch([1]) waits on CycB.fetch([1]) waits on CycA.fetch([1]). Each of ' +
        'these fetches waits on a key that another one of them is loading, so none can finish; ' +
        'load that data outside the cycle or restructure the sources.',
    );
  });

  it('a generator fetch that yields something else gets a TypeError saying what to do', async () => {
    class Odd extends Source<number, number> {
      *fetch(keys: number[]) {
        yield 42;
        return keys;
      }
    }
    const dl = mode.create();
    await expect(dl.with(Odd).load(1)).rejects.toThrow(
      'Odd.fetch() yielded 42: inside a generator fetch, wait for data with ' +
        '`yield* source.load(key)` or hand control back with a bare `yield`.',
    );
  });

  it('a key or params with no stable identity: the error names the call, the rule and the value', () => {
    class Keyed extends Source<unknown, string> {
      fetch(keys: unknown[]) {
        return keys.map(String);
      }
    }
    class WithParams extends Source<number, string, { s: symbol }> {
      fetch(keys: number[]) {
        return keys.map(String);
      }
    }
    const dl = mode.create();
    expect(() => dl.with(Keyed).load({ tag: Symbol('x') })).toThrow(
      'Keyed.load({ tag: Symbol(x) }): a cache key or batch parameter contains Symbol(x), ' +
        'which has no stable identity: use plain data, or override cacheKey().',
    );
    expect(() => dl.with(WithParams, { s: Symbol('y') })).toThrow(
      'dataloader.with(WithParams, { s: Symbol(y) }): a cache key or batch parameter contains ' +
        'Symbol(y), which has no stable identity: use plain data, or override cacheKey().',
    );
  });

  it('dataloader.run() of something that is not a function says so', () => {
    const dl = mode.create();
    // @ts-expect-error: not a job.
    expect(() => dl.run(42)).toThrow(
      'dataloader.run() expects a function or a generator function, but got: 42.',
    );
  });

  it('dataloader.with() of something that is not a Source class says so', () => {
    const dl = mode.create();
    // @ts-expect-error: not a Source class.
    expect(() => dl.with(class NotASource {})).toThrow(
      'dataloader.with() expects a Source class (a class that extends Source), but got: [function NotASource].',
    );
  });
});
