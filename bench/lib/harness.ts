// The measuring loop shared by every timed scenario: warm up, calibrate, then rounds in which
// every contender takes one sample, in an order that rotates each round (so no contender always
// runs right after the same neighbour, or always first after a GC). Ratios are taken inside a
// round, pair by pair, so a slow stretch of the machine slows both sides of a ratio alike.
import { type Summary, summarize } from './stats.js';

export type PromiseOrValue<T> = T | Promise<T>;

export interface Contender<S = unknown> {
  readonly name: string;
  /** Untimed: fresh state for one timed call (a loader whose cache is already primed, ...). */
  setup?(): PromiseOrValue<S>;
  /** Timed: one call performs `opsPerCall` operations of the case's unit. */
  // Method syntax on purpose: a Contender<Dataloader> is then usable as a Contender<unknown>.
  run(state: S): PromiseOrValue<unknown>;
  /** Untimed extra figures (fetch calls, Promises, rounds per call), run once after timing. */
  probe?(): PromiseOrValue<Readonly<Record<string, number>>>;
}

export interface Pair {
  /** Numerator: the contender under test. */
  readonly a: string;
  /** Denominator: the baseline. */
  readonly b: string;
}

export interface CaseSpec {
  readonly scenario: string;
  readonly name: string;
  /** 'ns/load' divides by opsPerCall and reports nanoseconds; 'ms/exec' reports milliseconds. */
  readonly unit: 'ns/load' | 'ms/exec';
  readonly opsPerCall: number;
  // biome-ignore lint/suspicious/noExplicitAny: each contender has its own state type.
  readonly contenders: readonly Contender<any>[];
  readonly pairs: readonly Pair[];
  /**
   * 'cpu': the process's CPU time (process.cpuUsage) instead of wall time, for cases that never
   * wait on a timer or I/O. On a machine shared with other jobs, wall time also counts the time
   * the OS gave to them; CPU time is what the contender itself cost (its GC threads included).
   */
  readonly clock?: 'cpu' | 'wall';
}

export interface MeasureOptions {
  readonly rounds: number;
  /** Wall time one sample aims at; a call slower than this is a sample of one call. */
  readonly sampleMs: number;
  readonly warmupMs: number;
}

export interface ContenderResult extends Summary {
  readonly name: string;
  readonly samples: readonly number[];
  readonly extra: Readonly<Record<string, number>>;
}

export interface PairResult extends Summary {
  readonly a: string;
  readonly b: string;
}

export interface CaseResult {
  readonly scenario: string;
  readonly name: string;
  readonly unit: string;
  /** Which clock timed the samples (absent in files written before there was a choice). */
  readonly clock?: 'cpu' | 'wall';
  readonly contenders: readonly ContenderResult[];
  readonly pairs: readonly PairResult[];
}

const gc: () => void =
  typeof globalThis.gc === 'function' ? (globalThis.gc as () => void) : () => undefined;

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

type Clock = () => number;
const wallClock: Clock = () => performance.now();
const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs `calls` timed calls of one contender; returns the total timed milliseconds. */
async function timeCalls(contender: Contender, calls: number, now: Clock): Promise<number> {
  let total = 0;
  for (let i = 0; i < calls; i++) {
    let state: unknown;
    if (contender.setup) {
      state = contender.setup();
      if (isPromise(state)) state = await state;
    }
    const start = now();
    const out = contender.run(state);
    // Awaiting a plain value would add a microtask turn that the contender did not ask for.
    if (isPromise(out)) await out;
    total += now() - start;
  }
  return total;
}

/** Warm-up doubles as calibration: how many calls make one sample of about `sampleMs`. */
async function calibrate(
  contender: Contender,
  options: MeasureOptions,
  now: Clock,
): Promise<number> {
  let calls = 1;
  let perCall = Number.POSITIVE_INFINITY;
  const deadline = performance.now() + options.warmupMs;
  // At least a few calls even when one call is slower than the whole warm-up budget, so the
  // JIT has seen the hot path before the first sample.
  for (let i = 0; i < 3 || performance.now() < deadline; i++) {
    const ms = await timeCalls(contender, calls, now);
    perCall = ms / calls;
    if (ms < options.sampleMs / 4) calls *= 2;
  }
  return Math.max(1, Math.round(options.sampleMs / Math.max(perCall, 1e-6)));
}

export async function measureCase(spec: CaseSpec, options: MeasureOptions): Promise<CaseResult> {
  const names = new Set(spec.contenders.map((c) => c.name));
  for (const pair of spec.pairs) {
    for (const name of [pair.a, pair.b]) {
      if (!names.has(name)) {
        throw new Error(
          `Case "${spec.name}": pair names contender "${name}", not among ${[...names].join(', ')}`,
        );
      }
    }
  }
  const now = spec.clock === 'cpu' ? cpuClock : wallClock;
  const calls = new Map<string, number>();
  for (const contender of spec.contenders)
    calls.set(contender.name, await calibrate(contender, options, now));

  const scale = spec.unit === 'ns/load' ? 1e6 / spec.opsPerCall : 1 / spec.opsPerCall;
  const samples = new Map<string, number[]>(spec.contenders.map((c) => [c.name, []]));
  const perRound: Map<string, number>[] = [];
  const count = spec.contenders.length;
  for (let round = 0; round < options.rounds; round++) {
    const values = new Map<string, number>();
    for (let j = 0; j < count; j++) {
      const contender = spec.contenders[(round + j) % count] as Contender;
      const n = calls.get(contender.name) as number;
      // A collection now, outside the timed region, so no sample pays for garbage that a
      // previous contender left behind; each still pays for its own.
      gc();
      const value = ((await timeCalls(contender, n, now)) / n) * scale;
      values.set(contender.name, value);
      samples.get(contender.name)?.push(value);
    }
    perRound.push(values);
  }

  const contenders: ContenderResult[] = [];
  for (const contender of spec.contenders) {
    const own = samples.get(contender.name) as number[];
    const extra = contender.probe ? await contender.probe() : {};
    contenders.push({ name: contender.name, ...summarize(own), samples: own, extra });
  }
  const pairs = spec.pairs.map((pair): PairResult => {
    const ratios = perRound.map((v) => (v.get(pair.a) as number) / (v.get(pair.b) as number));
    return { a: pair.a, b: pair.b, ...summarize(ratios) };
  });
  const clock = spec.clock ?? 'wall';
  return { scenario: spec.scenario, name: spec.name, unit: spec.unit, clock, contenders, pairs };
}
