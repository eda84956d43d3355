// Random scheduler programs for the property tests, and their plain sequential meaning.
//
// A program is 1–5 sources and a few jobs. Source i may load from sources j > i inside its
// fetch (a generator or async fetch), so the dependency graph is acyclic by construction.
// Every value is a pure function of (source, params, key), which makes the reference
// evaluation a memoised recursion with no batching at all.
import fc from 'fast-check';

/** Keys are 0..K-1: a small space, so duplicate keys and shared keys are frequent. */
export const K = 5;
/** Batch-parameter choices: 0 = none (`with(S)`), 1 = `{ v: 1 }`, 2 = `{ v: 2, w: 'x' }`. */
export const PARAMS = 3;

export type FetchKind = 'sync' | 'promise' | 'generator' | 'async';
export type FailHow = 'throw' | 'late' | 'shape';

export interface DepSpec {
  readonly source: number;
  readonly param: number;
  /** The dependency's key for key k is (k * mul + add) % K. */
  readonly mul: number;
  readonly add: number;
}

export interface SourceSpec {
  readonly kind: FetchKind;
  /** Only generator and async fetches have dependencies. */
  readonly deps: readonly DepSpec[];
  readonly maxBatchSize: number;
  /** (param * K + key) values whose fetch result is a per-key Error. */
  readonly errors: readonly number[];
  /** Keys are `{ id: k }` objects (fresh on every load), deduplicated by value. */
  readonly objectKeys: boolean;
  /** A generator fetch does a bare `yield` before waiting on its dependencies. */
  readonly bareYield: boolean;
  /**
   * The Source declares rowKey: fetch returns its values as rows in reverse order, without the
   * per-key Errors, which `missing(key)` returns instead.
   */
  readonly rows?: boolean;
  /** The result settles after this many microtasks, then this many macrotask turns. */
  readonly microtasks: number;
  readonly macrotasks: number;
}

export interface LoadSpec {
  readonly source: number;
  readonly param: number;
  readonly key: number;
}

export type Op =
  | {
      readonly kind: 'clear';
      readonly source: number;
      readonly param: number;
      readonly key: number;
    }
  | { readonly kind: 'clearAll'; readonly source: number; readonly param: number }
  | { readonly kind: 'clearCache' };

export interface StepSpec {
  readonly op: Op | null;
  readonly loads: readonly LoadSpec[];
  /** A generator job does a bare `yield` between registering its loads and waiting on them. */
  readonly bareYield: boolean;
}

export interface JobSpec {
  readonly style: 'generator' | 'async';
  /** Retry the whole job when a batch it depends on failed (else report 'transient'). */
  readonly retry: boolean;
  readonly steps: readonly StepSpec[];
}

export interface Program {
  readonly sources: readonly SourceSpec[];
  readonly jobs: readonly JobSpec[];
  /** Fetch calls (numbered from 0 per Dataloader) that fail as a whole, and how. */
  readonly failures: readonly (readonly [call: number, how: FailHow])[];
}

/** No source loads another: the program's rounds are the jobs' steps. */
export function isFlat(program: Program): boolean {
  return program.sources.every((s) => s.deps.length === 0);
}

// ---- Arbitraries ----------------------------------------------------------------------------

const key = fc.integer({ min: 0, max: K - 1 });
const param = fc.integer({ min: 0, max: PARAMS - 1 });

function sourceArb(index: number, count: number, nested: boolean): fc.Arbitrary<SourceSpec> {
  const deps: fc.Arbitrary<DepSpec[]> =
    nested && index < count - 1
      ? fc.array(
          fc.record({
            source: fc.integer({ min: index + 1, max: count - 1 }),
            param,
            mul: fc.integer({ min: 0, max: K - 1 }),
            add: fc.integer({ min: 0, max: K - 1 }),
          }),
          { maxLength: 2 },
        )
      : fc.constant([]);
  return deps.chain((ds) =>
    fc.record({
      kind:
        ds.length > 0
          ? fc.constantFrom<FetchKind>('generator', 'async')
          : fc.constantFrom<FetchKind>('sync', 'promise', 'generator', 'async'),
      deps: fc.constant(ds),
      maxBatchSize: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 1, max: 3 })),
      errors: fc.uniqueArray(fc.integer({ min: 0, max: PARAMS * K - 1 }), { maxLength: 3 }),
      objectKeys: fc.boolean(),
      bareYield: fc.boolean(),
      rows: fc.boolean(),
      microtasks: fc.integer({ min: 0, max: 3 }),
      macrotasks: fc.oneof(
        { arbitrary: fc.constant(0), weight: 3 },
        { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 },
      ),
    }),
  );
}

function jobArb(count: number): fc.Arbitrary<JobSpec> {
  const source = fc.integer({ min: 0, max: count - 1 });
  const load: fc.Arbitrary<LoadSpec> = fc.record({ source, param, key });
  const op: fc.Arbitrary<Op | null> = fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    {
      arbitrary: fc.record({ kind: fc.constant('clear' as const), source, param, key }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant('clearAll' as const), source, param }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'clearCache' as const }), weight: 1 },
  );
  return fc.record({
    style: fc.constantFrom('generator' as const, 'async' as const),
    retry: fc.boolean(),
    steps: fc.array(
      fc.record({
        op,
        loads: fc.array(load, { minLength: 1, maxLength: 4 }),
        bareYield: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
}

/** Programs whose sources may load other sources (`nested`), or never do (flat). */
export function programArb(nested: boolean): fc.Arbitrary<Program> {
  return fc.integer({ min: 1, max: 5 }).chain((count) =>
    fc.record({
      sources: fc.tuple(...Array.from({ length: count }, (_, i) => sourceArb(i, count, nested))),
      jobs: fc.array(jobArb(count), { minLength: 1, maxLength: 5 }),
      failures: fc.uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: 15 }),
          fc.constantFrom<FailHow>('throw', 'late', 'shape'),
        ),
        { maxLength: 3, selector: ([call]) => call },
      ),
    }),
  );
}

// ---- The sequential meaning -----------------------------------------------------------------

export type Outcome = { readonly ok: true; readonly value: string } | FailedOutcome;
export interface FailedOutcome {
  readonly ok: false;
  readonly message: string;
}

export function depKey(k: number, dep: DepSpec): number {
  return (k * dep.mul + dep.add) % K;
}

export function ownErrorMessage(s: number, p: number, k: number): string {
  return `S${s}.${p} has no key ${k}`;
}

export function depErrorMessage(s: number, p: number, k: number, cause: string): string {
  return `S${s}.${p}:${k} needs (${cause})`;
}

export function valueString(s: number, p: number, k: number, deps: readonly string[]): string {
  return deps.length === 0 ? `S${s}.${p}:${k}` : `S${s}.${p}:${k}(${deps.join(',')})`;
}

/** What a job returns when a batch it needs failed and it does not retry. */
export const TRANSIENT_RESULT = 'transient';

export function jobResultText(parts: readonly string[]): string {
  return parts.join(' | ');
}

/**
 * The plain sequential evaluation: every key on its own, no batching, no cache, no failures.
 * A source key is its own Error if listed, else the first failed dependency's Error, else a
 * string naming itself and its dependencies' values. A job is its steps' values, or the first
 * failed load (in step order, then load order).
 */
export function reference(program: Program): {
  load(s: number, p: number, k: number): Outcome;
  job(j: number): string;
} {
  const memo = new Map<string, Outcome>();
  const load = (s: number, p: number, k: number): Outcome => {
    const id = `${s}.${p}:${k}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const spec = program.sources[s] as SourceSpec;
    let outcome: Outcome | null = null;
    if (spec.errors.includes(p * K + k)) outcome = { ok: false, message: ownErrorMessage(s, p, k) };
    const values: string[] = [];
    for (const dep of spec.deps) {
      const d = load(dep.source, dep.param, depKey(k, dep));
      if (outcome !== null) continue;
      if (!d.ok) outcome = { ok: false, message: depErrorMessage(s, p, k, d.message) };
      else values.push(d.value);
    }
    outcome ??= { ok: true, value: valueString(s, p, k, values) };
    memo.set(id, outcome);
    return outcome;
  };
  const job = (j: number): string => {
    const parts: string[] = [];
    for (const step of (program.jobs[j] as JobSpec).steps) {
      const values: string[] = [];
      for (const l of step.loads) {
        const o = load(l.source, l.param, l.key);
        if (!o.ok) return `error: ${o.message}`;
        values.push(o.value);
      }
      parts.push(values.join(','));
    }
    return jobResultText(parts);
  };
  return { load, job };
}
