// `new Dataloader({ context })`: every Source reads the request's context as `this.context`, in
// a plain fetch, in every step of a generator fetch, and in cacheKey, in every mode.
import { Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes } from './support.js';

interface Db {
  readonly name: string;
  users(ids: readonly number[]): string[];
}

interface Context {
  readonly tenant: string;
  readonly db: Db;
}

function database(name: string, log: Log): Db {
  return {
    name,
    users(ids) {
      log.push([name, [...ids]]);
      return ids.map((id) => `${name}:user${id}`);
    },
  };
}

/** What each Source saw as `this.context`, by where it read it. */
type Seen = [string, Context][];

function sources(seen: Seen) {
  class Users extends Source<number, string, undefined, Context> {
    override cacheKey(id: number) {
      seen.push(['Users.cacheKey', this.context]);
      return `${this.context.tenant}/${id}`;
    }
    async fetch(ids: number[]) {
      seen.push(['Users.fetch', this.context]);
      return this.context.db.users(ids);
    }
  }
  class Authors extends Source<number, string, { prefix: string }, Context> {
    *fetch(postIds: number[]) {
      seen.push(['Authors.fetch (start)', this.context]);
      const names = yield* this.dataloader.with(Users).loadAll(postIds.map((id) => id * 10));
      seen.push(['Authors.fetch (after yield*)', this.context]);
      yield;
      seen.push(['Authors.fetch (after yield)', this.context]);
      return names.map((name) => `${this.params.prefix}${name}`);
    }
  }
  return { Users, Authors };
}

describe.each(modes)('$name: this.context', (mode) => {
  it('is the context the Dataloader was given, in fetch, every generator step and cacheKey', async () => {
    const log: Log = [];
    const seen: Seen = [];
    const context: Context = { tenant: 'acme', db: database('acme-db', log) };
    const { Authors } = sources(seen);
    const dl = mode.create({ context });
    expect(dl.context).toBe(context);
    expect(await dl.with(Authors, { prefix: 'by ' }).loadAll([1, 2])).toEqual([
      'by acme-db:user10',
      'by acme-db:user20',
    ]);
    expect(log).toEqual([['acme-db', [10, 20]]]);
    expect(seen.map(([where]) => where)).toEqual([
      'Authors.fetch (start)',
      'Users.cacheKey',
      'Users.cacheKey',
      'Users.fetch',
      'Authors.fetch (after yield*)',
      'Authors.fetch (after yield)',
    ]);
    for (const [, value] of seen) expect(value).toBe(context);
  });

  it('each Dataloader gives its own Sources its own context (same classes, two requests)', async () => {
    const log: Log = [];
    const seen: Seen = [];
    const { Users } = sources(seen);
    const first = mode.create({ context: { tenant: 'a', db: database('db-a', log) } });
    const second = mode.create({ context: { tenant: 'b', db: database('db-b', log) } });
    expect(await Promise.all([first.with(Users).load(1), second.with(Users).load(1)])).toEqual([
      'db-a:user1',
      'db-b:user1',
    ]);
    expect([...log].sort()).toEqual([
      ['db-a', [1]],
      ['db-b', [1]],
    ]);
  });

  it('without a context, reading this.context throws an error naming the Source and the remedy', async () => {
    const { Users } = sources([]);
    const dl = mode.create();
    expect(dl.context).toBeUndefined();
    expect(() => dl.with(Users).load(1)).toThrow(
      "Users read this.context, but its Dataloader was created without a context: pass one, as in new Dataloader({ context }) (useDataloader passes the execution's context).",
    );
  });

  it('a Source that does not read this.context needs none', async () => {
    class Plain extends Source<number, number> {
      fetch(keys: number[]) {
        return keys.map((k) => k + 1);
      }
    }
    expect(await mode.create().with(Plain).load(1)).toBe(2);
    expect(await mode.create({ context: 'anything' }).with(Plain).load(1)).toBe(2);
  });
});
