// Our runtime in scenario 1: generator jobs, as a user writes them (`yield* source.load(key)`,
// `yield* all(loads)`), one new Dataloader per timed call like DataLoader's contender.
// The `!` after `yield*`: the runtime's Load declares `return(value?: V)`, which makes TypeScript
// type `yield* load` as `V | undefined` (reported to the runtime's owner).
import { all, Dataloader, type Load, Source } from 'graphql-codegen-batch/runtime';
import type { Contender } from '../lib/harness.js';
import { CHAIN_DEPTH, type Item, type MicroCase, readItems, widths } from '../scenarios/micro.js';

class Items extends Source<number, Item> {
  fetch(keys: number[]) {
    return readItems(keys);
  }
}

export const OURS_MICRO = 'ours';

function loadAll(dl: Dataloader, keys: readonly number[]) {
  return dl.run(function* () {
    const items = dl.with(Items);
    const loads: Load<Item>[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) loads[i] = items.load(keys[i] as number);
    return yield* all(loads);
  });
}

export function oursMicro(c: MicroCase): Contender<Dataloader> {
  const fresh = () => new Dataloader();
  switch (c.id) {
    case 'chain':
      return {
        name: OURS_MICRO,
        setup: fresh,
        run: (dl) =>
          Promise.all(
            widths.map((w) =>
              dl.run(function* () {
                const items = dl.with(Items);
                let key = w;
                for (let d = 0; d < CHAIN_DEPTH; d++) key = (yield* items.load(key))!.next;
                return key;
              }),
            ),
          ),
      };
    case 'cached':
      return {
        name: OURS_MICRO,
        setup: async () => {
          const dl = fresh();
          await loadAll(dl, c.keys);
          return dl;
        },
        // Every key is cached, so the job never waits and run() returns the sum synchronously.
        run: (dl) =>
          dl.run(function* () {
            const items = dl.with(Items);
            let sum = 0;
            for (const key of c.keys) sum += (yield* items.load(key))!.id;
            return sum;
          }),
      };
    default:
      return { name: OURS_MICRO, setup: fresh, run: (dl) => loadAll(dl, c.keys) };
  }
}
