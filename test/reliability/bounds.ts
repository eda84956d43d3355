// Upper bounds on the number of fetch calls, each derived from the algorithm in
// src/runtime/scheduler.ts. Every bound has the form "fetches of (source, params) grouped by G
// ≤ Σ over groups ⌈keys / maxBatchSize⌉", for three groupings G:
//
// SEGMENT (every program, every mode). A batch is opened by the registration of a key while
// its (source, params) has no open batch or a full one (Scheduler#register). Batches only leave
// in Scheduler#advance, never while user code runs, so one synchronous segment of user code
// (a job step or a fetch body between two waits) that registers n keys of (S, P) opens at most
// ⌈n / maxBatchSize⌉ batches of it. Failures, retries and clears open batches only through
// new registrations, which belong to segments too.
//
// TICK (flat programs: no fetch loads another source; every mode). Then no key is registered
// while advance() runs (only job code registers, and jobs run outside it), and at any moment
// the not-yet-fetched batches of (S, P) are all full except the open one. So the batches that
// leave in one tick hold n keys and number at most ⌈n / maxBatchSize⌉.
//
// ROUND (flat programs, sequential Dataloader). A round lasts from a run pushed on an empty
// stack until the stack is empty again. Sequential mode resumes generator jobs only when the
// stack is empty and holds the awaits of a run's keys until that run is popped, so in a flat
// program every key of a round is registered before its first batch leaves: ⌈n / maxBatchSize⌉
// fetches per (S, P) per round. This is the "(source, params, round) triples" bound.
import type { RunResult } from './harness.js';
import { isFlat, type Program, type SourceSpec } from './program.js';

export function checkBounds(program: Program, parallel: boolean, run: RunResult): string[] {
  const problems: string[] = [];
  const max = (s: number) => (program.sources[s] as SourceSpec).maxBatchSize;
  const fetchCount = new Map<string, number>();
  for (const f of run.fetches) {
    const sp = `${f.source}.${f.param}`;
    fetchCount.set(sp, (fetchCount.get(sp) ?? 0) + 1);
  }
  for (const [sp, count] of fetchCount) {
    const s = Number(sp.split('.')[0]);
    let bound = 0;
    for (const keys of run.state.segLoads.get(sp)?.values() ?? [])
      bound += batchesFor(keys.size, max(s));
    if (count > bound)
      problems.push(`SEGMENT bound: S${sp} fetched ${count} times, bound ${bound}`);
  }
  if (!isFlat(program)) return problems;
  const grouped = (label: string, groupOf: (f: RunResult['fetches'][number]) => number) => {
    const groups = new Map<string, { fetches: number; keys: number; s: number }>();
    for (const f of run.fetches) {
      const id = `S${f.source}.${f.param} ${label} ${groupOf(f)}`;
      const g = groups.get(id) ?? { fetches: 0, keys: 0, s: f.source };
      g.fetches++;
      g.keys += f.keys.length;
      groups.set(id, g);
    }
    for (const [id, g] of groups) {
      const bound = batchesFor(g.keys, max(g.s));
      if (g.fetches > bound)
        problems.push(
          `${label.toUpperCase()} bound: ${id}: ${g.fetches} fetches of ${g.keys} keys, bound ${bound}`,
        );
    }
  };
  grouped('tick', (f) => f.tick);
  if (!parallel) grouped('round', (f) => f.round);
  return problems;
}

/** ⌈n / max⌉ batches, where an unlimited maxBatchSize still needs one batch for n > 0. */
function batchesFor(n: number, max: number): number {
  if (n === 0) return 0;
  return Number.isFinite(max) ? Math.ceil(n / max) : 1;
}
