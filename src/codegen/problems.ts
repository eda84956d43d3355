// Codegen errors: every problem is collected (never thrown one by one), located in the SDL when
// it comes from a directive, and reported together so one run shows the user all of them.

/** A position in a schema file, 1-based as editors and graphql-js print it. */
export interface SdlLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Problem {
  /** Where in the SDL; undefined for configuration problems. */
  readonly location: SdlLocation | undefined;
  /** The whole message: what is wrong, with the received value, and the remedy. */
  readonly message: string;
}

export function formatLocation(location: SdlLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

export function formatProblem(problem: Problem): string {
  return problem.location
    ? `${formatLocation(problem.location)} - ${problem.message}`
    : problem.message;
}

/** Sorted by file, line, column, then text, so the report is stable between runs. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem) => p.location;
  return [...problems].sort((a, b) => {
    const la = key(a);
    const lb = key(b);
    if (la && lb) {
      if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
      if (la.line !== lb.line) return la.line - lb.line;
      if (la.column !== lb.column) return la.column - lb.column;
    } else if (la || lb) {
      return la ? 1 : -1; // configuration problems first: they may explain the others
    }
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/** Thrown by `validate` and `plugin`: core then writes nothing for the output. */
export class BatchCodegenError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      `graphql-codegen-batch: ${count} in @batch declarations, nothing generated:\n${sorted
        .map((p) => `  ${formatProblem(p)}`)
        .join('\n')}`,
    );
    this.name = 'BatchCodegenError';
    this.problems = sorted;
  }
}
