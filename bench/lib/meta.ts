// Where a figure came from: the commit measured and the machine, written into every results
// file so that README tables generated from them can name both.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The short hash of HEAD, marked "(dirty)" when the measured code (the package's sources, the
 * templates or the bench itself, not its results or its README) differs from it. BENCH_GIT_COMMIT names the
 * commit when running from an export with no .git (`git archive`).
 */
export function measuredCommit(): string {
  if (process.env.BENCH_GIT_COMMIT) return process.env.BENCH_GIT_COMMIT;
  const dirty = git(
    'status',
    '--porcelain',
    '--',
    'src',
    'templates',
    'bench',
    ':!bench/results',
    ':!bench/*.md',
  );
  return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (dirty)' : ''}`;
}

export interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly memoryGB: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly nodeEnv: string;
}

export function machine(): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    nodeEnv: process.env.NODE_ENV ?? '',
  };
}
