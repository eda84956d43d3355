// Scenario 1: the runtime alone, in nanoseconds per load. Every contender reads the same Map,
// so the differences are the loaders' own bookkeeping.
import DataLoader from 'dataloader';
import type { CaseSpec, Contender } from '../lib/harness.js';

export interface Item {
  readonly id: number;
  /** The key of the next load in the dependent chain (case d). */
  readonly next: number;
}

export const KEYS = 10_000;
const CHAIN_DEPTH = 10;
const CHAIN_WIDTH = 1_000;
const items = new Map<number, Item>();
for (let id = 0; id < KEYS + CHAIN_WIDTH; id++) items.set(id, { id, next: id + CHAIN_WIDTH });

const distinct = Array.from({ length: KEYS }, (_, i) => i);
const repeated = Array.from({ length: KEYS }, (_, i) => i % 100);
const widths = Array.from({ length: CHAIN_WIDTH }, (_, i) => i);

const readItems = (keys: readonly number[]): Item[] => {
  const out: Item[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = items.get(keys[i] as number) as Item;
  return out;
};

/** What one micro case asks of each loader. */
export interface MicroCase {
  readonly id: 'miss' | 'dedupe' | 'cached' | 'chain';
  readonly title: string;
  readonly keys: readonly number[];
}

export const MICRO_CASES: readonly MicroCase[] = [
  { id: 'miss', title: '10,000 distinct keys, one batch', keys: distinct },
  { id: 'dedupe', title: '10,000 loads over 100 keys', keys: repeated },
  { id: 'cached', title: '10,000 loads of keys cached earlier', keys: distinct },
  { id: 'chain', title: `dependent chain ${CHAIN_DEPTH} deep × ${CHAIN_WIDTH} wide`, keys: [] },
];

function floorMap(c: MicroCase): Contender {
  if (c.id === 'chain') {
    return {
      name: 'floor: Map.get',
      run: () => {
        let sum = 0;
        for (const w of widths) {
          let key = w;
          for (let d = 0; d < CHAIN_DEPTH; d++) key = (items.get(key) as Item).next;
          sum += key;
        }
        return sum;
      },
    };
  }
  return {
    name: 'floor: Map.get',
    run: () => {
      let sum = 0;
      for (const key of c.keys) sum += (items.get(key) as Item).id;
      return sum;
    },
  };
}

function floorPromise(c: MicroCase): Contender {
  if (c.id === 'chain') {
    const walk = async (w: number) => {
      let key = w;
      for (let d = 0; d < CHAIN_DEPTH; d++)
        key = (await Promise.resolve(items.get(key) as Item)).next;
      return key;
    };
    return { name: 'floor: Promise.resolve', run: () => Promise.all(widths.map(walk)) };
  }
  return {
    name: 'floor: Promise.resolve',
    run: () => Promise.all(c.keys.map((key) => Promise.resolve(items.get(key) as Item))),
  };
}

const newDataLoader = () =>
  new DataLoader<number, Item>((keys) => Promise.resolve(readItems(keys)));

function dataLoader(c: MicroCase): Contender<DataLoader<number, Item>> {
  const name = 'DataLoader';
  switch (c.id) {
    case 'chain': {
      const walk = async (loader: DataLoader<number, Item>, w: number) => {
        let key = w;
        for (let d = 0; d < CHAIN_DEPTH; d++) key = (await loader.load(key)).next;
        return key;
      };
      return {
        name,
        setup: newDataLoader,
        run: (loader) => Promise.all(widths.map((w) => walk(loader, w))),
      };
    }
    case 'cached':
      return {
        name,
        setup: async () => {
          const loader = newDataLoader();
          await loader.loadMany(c.keys);
          return loader;
        },
        run: (loader) => Promise.all(c.keys.map((key) => loader.load(key))),
      };
    default:
      return {
        name,
        setup: newDataLoader,
        run: (loader) => Promise.all(c.keys.map((key) => loader.load(key))),
      };
  }
}

export function microCase(c: MicroCase, ours: readonly Contender[]): CaseSpec {
  const opsPerCall = c.id === 'chain' ? CHAIN_DEPTH * CHAIN_WIDTH : c.keys.length;
  const contenders = [...ours, dataLoader(c), floorMap(c), floorPromise(c)];
  const pairs = ours.flatMap((o) => [
    { a: o.name, b: 'DataLoader' },
    { a: o.name, b: 'floor: Map.get' },
    { a: o.name, b: 'floor: Promise.resolve' },
  ]);
  // In memory, no timer: CPU time (see CaseSpec.clock).
  return {
    scenario: '1',
    name: c.title,
    unit: 'ns/load',
    clock: 'cpu',
    opsPerCall,
    contenders,
    pairs,
  };
}

export { CHAIN_DEPTH, CHAIN_WIDTH, items, readItems, widths };
