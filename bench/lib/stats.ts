// Summaries of repeated measurements. Medians, not means: one GC pause or a neighbour's build
// on a 2-core machine moves a mean; it barely moves a median.

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize() needs at least one sample, got none');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    n: samples.length,
  };
}

/** A target figure of the bench, checked against a measured one. */
export interface TargetCheck {
  readonly scenario: string;
  readonly label: string;
  readonly measured: number;
  readonly unit: string;
  readonly target: string;
  readonly met: boolean;
}

export function checkAtMost(
  scenario: string,
  label: string,
  measured: number,
  limit: number,
  unit: string,
): TargetCheck {
  return { scenario, label, measured, unit, target: `≤ ${limit}${unit}`, met: measured <= limit };
}

export function checkEquals(
  scenario: string,
  label: string,
  measured: number,
  expected: number,
  unit: string,
): TargetCheck {
  return {
    scenario,
    label,
    measured,
    unit,
    target: `= ${expected}${unit}`,
    met: measured === expected,
  };
}
