// Runs a random Program (program.ts) on one Dataloader mode and checks, while it runs, the
// invariants that do not need the final results: refetches, failure precision, batch counts.
import {
  type BatchEvent,
  type Dataloader,
  type Load,
  type PromiseOrValue,
  Source,
} from 'graphql-codegen-batch/runtime';
import type { Mode } from '../runtime/support.js';
import { asyncJob, generatorJob, TRANSIENT } from './jobs.js';
import {
  depErrorMessage,
  depKey,
  type FailedOutcome,
  type FailHow,
  K,
  type LoadSpec,
  type Op,
  type Outcome,
  ownErrorMessage,
  type Program,
  type SourceSpec,
  valueString,
} from './program.js';

/** Thrown by an injected batch failure, or by a fetch whose dependency's batch failed. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(
    readonly source: number,
    readonly param: number,
    readonly keys: readonly number[],
    why: string,
  ) {
    super(`S${source}.${param} batch [${keys.join(',')}] failed: ${why}`);
  }
}

/** A per-key Error value returned by fetch. */
export class KeyError extends Error {
  override readonly name = 'KeyError';
}

type Params = { readonly v: number; readonly w?: string } | undefined;
type Values = (string | Error)[];
type FetchGen = Generator<unknown, PromiseOrValue<Values>, unknown>;
abstract class TestSource extends Source<unknown, string, Params> {}
type TestSourceClass = new (dataloader: Dataloader, params: Params) => TestSource;

export interface FetchRecord {
  readonly source: number;
  readonly param: number;
  readonly keys: readonly number[];
  /** The scheduler tick (custom `schedule`) and the Dataloader's round at the fetch call. */
  readonly tick: number;
  readonly round: number;
}

interface Call {
  readonly s: number;
  readonly p: number;
  readonly keys: readonly number[];
  readonly fail: FailHow | null;
}

export interface Sabotage {
  /** Every load gets a fresh cache identity: the refetch check must catch it. */
  readonly freshCacheKeys?: boolean;
}

/** The state of one program run on one Dataloader. */
export class RunState {
  readonly program: Program;
  readonly violations: string[] = [];
  readonly fetches: FetchRecord[] = [];
  /** Current segment of synchronous user code: bumped at every resumption point. */
  seg = 0;
  tick = 0;
  private calls = 0;
  private flip = false;
  private readonly failures: Map<number, FailHow>;
  readonly classes: TestSourceClass[];
  dl: Dataloader | null = null;
  /** (source.param) → segment → distinct keys loaded in it. */
  readonly segLoads = new Map<string, Map<number, Set<number>>>();
  // Permits to fetch a key: one, plus one per failed batch holding it and per clear touching it.
  private readonly fetched = new Map<string, number>();
  private readonly granted = new Map<string, number>();
  private readonly clearedAll = new Map<string, number>();
  private clearedCache = 0;
  /** The per-key Errors a rows Source left out of its rows, for its `missing(key)`. */
  private readonly leftOut = new Map<string, Error>();

  constructor(program: Program, sabotage: Sabotage = {}) {
    this.program = program;
    this.failures = new Map(program.failures.map(([call, how]) => [call, how]));
    this.classes = program.sources.map((spec, i) => defineSource(this, i, spec, sabotage));
  }

  enter(): void {
    this.seg++;
  }

  violation(message: string): void {
    this.violations.push(message);
  }

  source(s: number, p: number): TestSource {
    const dl = this.dl as Dataloader;
    const cls = this.classes[s] as TestSourceClass;
    this.flip = !this.flip;
    // Equal params in another property order must reach the same instance.
    const params: Params =
      p === 0 ? undefined : p === 1 ? { v: 1 } : this.flip ? { w: 'x', v: 2 } : { v: 2, w: 'x' };
    return dl.with(cls, params);
  }

  load(s: number, p: number, k: number): Load<string> {
    const sp = `${s}.${p}`;
    let bySeg = this.segLoads.get(sp);
    if (bySeg === undefined) this.segLoads.set(sp, (bySeg = new Map()));
    let keys = bySeg.get(this.seg);
    if (keys === undefined) bySeg.set(this.seg, (keys = new Set()));
    keys.add(k);
    const spec = this.program.sources[s] as SourceSpec;
    return this.source(s, p).load(spec.objectKeys ? { id: k } : k);
  }

  op(op: Op): void {
    if (op.kind === 'clearCache') {
      this.clearedCache++;
      (this.dl as Dataloader).clearCache();
      return;
    }
    const sp = `${op.source}.${op.param}`;
    const src = this.source(op.source, op.param);
    if (op.kind === 'clearAll') {
      this.clearedAll.set(sp, (this.clearedAll.get(sp) ?? 0) + 1);
      src.clearAll();
      return;
    }
    bump(this.granted, `${sp}:${op.key}`);
    const spec = this.program.sources[op.source] as SourceSpec;
    src.clear(spec.objectKeys ? { id: op.key } : op.key);
  }

  /** The first thing every fetch does: record the call, check refetches, pick its failure. */
  begin(source: TestSource, rawKeys: readonly unknown[]): Call {
    this.enter();
    const s = this.classes.indexOf(source.constructor as TestSourceClass);
    const p = paramIndex(source.params);
    const keys = rawKeys.map(keyNumber);
    const dl = this.dl as Dataloader;
    this.fetches.push({ source: s, param: p, keys, tick: this.tick, round: dl.stats.rounds });
    for (const k of keys) {
      const id = `${s}.${p}:${k}`;
      const count = bump(this.fetched, id);
      const allowed =
        1 +
        (this.granted.get(id) ?? 0) +
        (this.clearedAll.get(`${s}.${p}`) ?? 0) +
        this.clearedCache;
      if (count > allowed) {
        this.violation(
          `S${s}.${p} key ${k} fetched ${count} times (fetch #${this.fetches.length - 1}, keys ` +
            `[${keys.join(',')}]) but only ${allowed - 1} failed batches or clears allow a refetch`,
        );
      }
    }
    return { s, p, keys, fail: this.failures.get(this.calls++) ?? null };
  }

  onBatch(event: BatchEvent): void {
    if (event.error === undefined) return;
    const s = this.classes.indexOf(event.source.constructor as TestSourceClass);
    const p = paramIndex(event.source.params as Params);
    for (const k of event.keys.map(keyNumber)) bump(this.granted, `${s}.${p}:${k}`);
  }

  transient(call: Call, why: string): TransientError {
    return new TransientError(call.s, call.p, call.keys, why);
  }

  /** Loads of every dependency of every key, registered at once (before any wait). */
  depLoads(call: Call, spec: SourceSpec): Load<string>[][] {
    return call.keys.map((k) => spec.deps.map((d) => this.load(d.source, d.param, depKey(k, d))));
  }

  /**
   * What a failed load means. A batch failure must name a batch that held the key (a failure
   * reaching a key outside the failed batch is a violation); a per-key Error is passed on.
   */
  outcomeOf(error: unknown, load: LoadSpec): FailedOutcome | typeof TRANSIENT {
    const { source: s, param: p, key: k } = load;
    if (error instanceof TransientError) {
      if (error.source !== s || error.param !== p || !error.keys.includes(k))
        this.violation(
          `a load of S${s}.${p}:${k} failed with another batch's error: ${error.message}`,
        );
      return TRANSIENT;
    }
    if (
      error instanceof TypeError &&
      (error.message.includes('.fetch() must return an array') ||
        error.message.includes('.fetch() must return the rows'))
    ) {
      if (!error.message.startsWith(`S${s}.fetch()`))
        this.violation(
          `a load of S${s}.${p}:${k} failed with another source's error: ${error.message}`,
        );
      return TRANSIENT;
    }
    if (error instanceof KeyError) return { ok: false, message: error.message };
    this.violation(`a load of S${s}.${p}:${k} failed unexpectedly: ${String(error)}`);
    return { ok: false, message: `unexpected ${String(error)}` };
  }

  /** The per-key values of a call once its dependencies' outcomes are known (see reference). */
  values(call: Call, deps: readonly (readonly Outcome[])[]): Values {
    const spec = this.program.sources[call.s] as SourceSpec;
    return call.keys.map((k, i) => {
      if (spec.errors.includes(call.p * K + k))
        return new KeyError(ownErrorMessage(call.s, call.p, k));
      const outcomes = deps[i] ?? [];
      const failed = outcomes.find((o) => !o.ok);
      if (failed !== undefined && !failed.ok)
        return new KeyError(depErrorMessage(call.s, call.p, k, failed.message));
      return valueString(
        call.s,
        call.p,
        k,
        outcomes.map((o) => (o.ok ? o.value : '')),
      );
    });
  }

  /** The end of a fetch that is not an async function: an array now, or a later Promise. */
  respond(call: Call, deps: readonly (readonly Outcome[])[], spec: SourceSpec, sync: boolean) {
    const values = this.values(call, deps);
    const result = (): Values => {
      if (call.fail === 'late') throw this.transient(call, 'failed late');
      if (spec.rows) return call.fail === 'shape' ? (42 as never) : this.rows(call, values);
      return call.fail === 'shape' ? values.slice(1) : values;
    };
    if (sync || spec.microtasks + spec.macrotasks === 0) return result();
    return delay(spec).then(result);
  }

  /** A rows Source's result: the values in reverse order, the per-key Errors left out. */
  private rows(call: Call, values: Values): Values {
    const rows: Values = [];
    values.forEach((value, i) => {
      if (value instanceof Error) this.leftOut.set(`${call.s}.${call.p}:${call.keys[i]}`, value);
      else rows.unshift(value);
    });
    return rows;
  }

  /** `missing(key)` of a rows Source: the Error its fetch left out for that key. */
  missing(source: TestSource, key: unknown): Error {
    const s = this.classes.indexOf(source.constructor as TestSourceClass);
    const id = `${s}.${paramIndex(source.params)}:${keyNumber(key)}`;
    const error = this.leftOut.get(id);
    if (error !== undefined) return error;
    this.violation(`S${id} has no row, yet its fetch returned no Error for it`);
    return new Error(`no row for ${id}`);
  }

  /** Dependency outcomes of a generator fetch, read by `yield*`; TRANSIENT if a batch failed. */
  *readDeps(call: Call, spec: SourceSpec, loads: Load<string>[][]) {
    const outcomes: Outcome[][] = [];
    let transient = false;
    for (const [i, row] of loads.entries()) {
      const k = call.keys[i] as number;
      const read: Outcome[] = [];
      for (const [d, load] of row.entries()) {
        const dep = spec.deps[d] as (typeof spec.deps)[number];
        try {
          read.push({ ok: true, value: yield* load });
        } catch (error) {
          const o = this.outcomeOf(error, {
            source: dep.source,
            param: dep.param,
            key: depKey(k, dep),
          });
          if (o === TRANSIENT) transient = true;
          else read.push(o);
        }
        this.enter();
      }
      outcomes.push(read);
    }
    return transient ? TRANSIENT : outcomes;
  }
}

function defineSource(run: RunState, index: number, spec: SourceSpec, sabotage: Sabotage) {
  abstract class Plain extends TestSource {
    override get maxBatchSize() {
      return spec.maxBatchSize;
    }
    override cacheKey(key: unknown): unknown {
      return sabotage.freshCacheKeys ? Symbol('fresh') : super.cacheKey(key);
    }
  }
  abstract class Rows extends Plain {
    // A value names its key: `S1.0:3` or `S1.0:3(…)`.
    override rowKey(row: string): unknown {
      const k = Number(/^S\d+\.\d+:(\d+)/.exec(row)?.[1]);
      return spec.objectKeys ? { id: k } : k;
    }
    override missing(key: unknown): Error {
      return run.missing(this, key);
    }
  }
  const Base = spec.rows ? Rows : Plain;
  let cls: TestSourceClass;
  switch (spec.kind) {
    case 'sync':
      cls = class extends Base {
        fetch(keys: unknown[]): Values {
          const call = run.begin(this, keys);
          if (call.fail === 'throw') throw run.transient(call, 'threw');
          return run.respond(call, [], spec, true) as Values;
        }
      };
      break;
    case 'promise':
      cls = class extends Base {
        fetch(keys: unknown[]): PromiseOrValue<Values> {
          const call = run.begin(this, keys);
          if (call.fail === 'throw') return Promise.reject(run.transient(call, 'rejected'));
          return run.respond(call, [], spec, false);
        }
      };
      break;
    case 'generator':
      cls = class extends Base {
        *fetch(keys: unknown[]): FetchGen {
          const call = run.begin(this, keys);
          if (call.fail === 'throw') throw run.transient(call, 'threw');
          const loads = run.depLoads(call, spec);
          if (spec.bareYield) {
            yield;
            run.enter();
          }
          const deps = yield* run.readDeps(call, spec, loads);
          if (deps === TRANSIENT) throw run.transient(call, 'a dependency failed');
          return run.respond(call, deps, spec, false);
        }
      };
      break;
    case 'async':
      cls = class extends Base {
        async fetch(keys: unknown[]): Promise<Values> {
          const call = run.begin(this, keys);
          if (call.fail === 'throw') throw run.transient(call, 'rejected');
          const loads = run.depLoads(call, spec);
          const settled = await Promise.all(loads.map((row) => Promise.allSettled(row)));
          run.enter();
          let transient = false;
          const deps = settled.map((row, i) =>
            row.flatMap((r, d): Outcome[] => {
              if (r.status === 'fulfilled') return [{ ok: true, value: r.value }];
              const dep = spec.deps[d] as (typeof spec.deps)[number];
              const k = depKey(call.keys[i] as number, dep);
              const o = run.outcomeOf(r.reason, { source: dep.source, param: dep.param, key: k });
              if (o !== TRANSIENT) return [o];
              transient = true;
              return [];
            }),
          );
          if (transient) throw run.transient(call, 'a dependency failed');
          await delay(spec);
          return run.respond(call, deps, spec, true) as Values;
        }
      };
      break;
  }
  Object.defineProperty(cls, 'name', { value: `S${index}` });
  return cls;
}

// ---- Driving a run --------------------------------------------------------------------------

export interface RunResult {
  readonly results: readonly (string | undefined)[];
  readonly violations: readonly string[];
  readonly fetches: readonly FetchRecord[];
  /** Macrotask turns until every job had settled (maxTurns + 1 when they never did). */
  readonly turns: number;
  readonly state: RunState;
}

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Starts every job at once, then gives the event loop up to `maxTurns` macrotask turns (all
 * fetches settle within a bounded number of microtasks or turns) to settle them all.
 */
export async function execute(
  program: Program,
  mode: Mode,
  maxTurns: number,
  sabotage: Sabotage = {},
): Promise<RunResult> {
  const run = new RunState(program, sabotage);
  const dl = mode.create({
    hooks: { onBatch: (event) => run.onBatch(event) },
    schedule: (tick) =>
      setImmediate(() => {
        run.tick++;
        tick();
      }),
  });
  run.dl = dl;
  const results: (string | undefined)[] = program.jobs.map(() => undefined);
  program.jobs.forEach((job, j) => {
    const result = dl.run(() =>
      job.style === 'generator' ? generatorJob(run, job) : asyncJob(run, job),
    );
    if (typeof result === 'string') results[j] = result;
    else
      result.then(
        (value) => (results[j] = value),
        (error: unknown) => (results[j] = `job rejected: ${String(error)}`),
      );
  });
  let turns = 0;
  while (results.includes(undefined) && turns <= maxTurns) {
    await nextTurn();
    turns++;
  }
  // Nothing may happen once every job is done: no late fetch, no stray tick that fetches.
  const fetched = run.fetches.length;
  for (let i = 0; i < 3; i++) await nextTurn();
  if (run.fetches.length !== fetched)
    run.violation(`${run.fetches.length - fetched} fetch(es) after every job had settled`);
  return { results, violations: run.violations, fetches: run.fetches, turns, state: run };
}

// ---- Private helpers ------------------------------------------------------------------------

function bump(map: Map<string, number>, id: string): number {
  const n = (map.get(id) ?? 0) + 1;
  map.set(id, n);
  return n;
}

function paramIndex(params: Params): number {
  return params === undefined ? 0 : params.v;
}

function keyNumber(key: unknown): number {
  return typeof key === 'number' ? key : (key as { id: number }).id;
}

async function delay(spec: SourceSpec): Promise<void> {
  for (let i = 0; i < spec.microtasks; i++) await null;
  for (let i = 0; i < spec.macrotasks; i++) await nextTurn();
}
