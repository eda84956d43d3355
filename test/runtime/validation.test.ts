// A Source's own settings are checked where the runtime reads them, with errors that name the
// source, the rule and the value received.
import { Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes } from './support.js';

describe.each(modes)('$name: maxBatchSize', (mode) => {
  function limited(log: Log, initial: unknown) {
    return class Limited extends Source<number, number> {
      static limit = initial;
      override get maxBatchSize() {
        return Limited.limit as number;
      }
      fetch(keys: number[]) {
        log.push(['Limited', keys]);
        return keys.map((k) => k * 2);
      }
    };
  }

  it.each([
    [0, '0'],
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [2.5, '2.5'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    ['2', '"2"'],
  ])(
    '%s is rejected by the load that opens a batch, naming the source and the rule',
    (limit, shown) => {
      const log: Log = [];
      const Limited = limited(log, limit);
      const dl = mode.create();
      expect(() => dl.with(Limited).load(1)).toThrow(
        `Limited.maxBatchSize must be a positive integer (or Infinity for no limit), but got: ${shown}.`,
      );
      expect(log).toEqual([]);
    },
  );

  it('a rejected load leaves nothing pending: the same key loads once the limit is valid', async () => {
    const log: Log = [];
    const Limited = limited(log, 0);
    const dl = mode.create();
    const source = dl.with(Limited);
    expect(() => source.load(1)).toThrow('Limited.maxBatchSize must be a positive integer');
    Limited.limit = 2;
    expect(await source.loadAll([1, 2, 3])).toEqual([2, 4, 6]);
    expect(log).toEqual([
      ['Limited', [1, 2]],
      ['Limited', [3]],
    ]);
  });

  it('1 and Infinity are valid: one key per fetch, and no limit', async () => {
    const log: Log = [];
    const One = limited(log, 1);
    const dl = mode.create();
    expect(await dl.with(One).loadAll([1, 2])).toEqual([2, 4]);
    const Unlimited = limited(log, Number.POSITIVE_INFINITY);
    expect(await dl.with(Unlimited).loadAll([5, 6, 7])).toEqual([10, 12, 14]);
    expect(log).toEqual([
      ['Limited', [1]],
      ['Limited', [2]],
      ['Limited', [5, 6, 7]],
    ]);
  });
});
