import { batchParams, groupByKeys, orderByKeys } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';

describe('orderByKeys', () => {
  it('returns one row per key, in key order, null where missing, duplicates kept', () => {
    const rows = [
      { id: 3, name: 'c' },
      { id: 1, name: 'a' },
    ];
    expect(orderByKeys([1, 2, 3, 1], rows, (r) => r.id)).toEqual([
      { id: 1, name: 'a' },
      null,
      { id: 3, name: 'c' },
      { id: 1, name: 'a' },
    ]);
  });

  it('matches keys by SameValueZero, so a number never matches a string', () => {
    expect(orderByKeys(['1'], [{ id: 1 }], (r) => r.id as unknown as string)).toEqual([null]);
  });
});

describe('groupByKeys', () => {
  it('groups rows per key in row order, [] where missing, a fresh array per key', () => {
    const rows = [
      { postId: 2, id: 'x' },
      { postId: 1, id: 'y' },
      { postId: 2, id: 'z' },
    ];
    const groups = groupByKeys([2, 9, 1, 2], rows, (r) => r.postId);
    expect(groups.map((g) => g.map((r) => r.id))).toEqual([['x', 'z'], [], ['y'], ['x', 'z']]);
    expect(groups[0]).not.toBe(groups[3]);
  });
});

describe('batchParams', () => {
  it('takes the named arguments only, an omitted one as null (as an explicit null is)', () => {
    const args: { first: number; after?: string | null; genre?: string | null; id: string } = {
      first: 10,
      genre: null,
      id: 'x',
    };
    const params: { after: string | null; first: number; genre: string | null } = batchParams(
      args,
      ['after', 'first', 'genre'],
    );
    expect(params).toEqual({ after: null, first: 10, genre: null });
    expect(Object.keys(params)).toEqual(['after', 'first', 'genre']);
  });
});
