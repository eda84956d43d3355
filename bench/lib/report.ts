// Markdown tables: readable in a terminal and pasted as is into bench/README.md.
import type { CaseResult } from './harness.js';
import type { TargetCheck } from './stats.js';

export function fmt(value: number, unit: string): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  if (unit === 'ns/load' || unit === 'ns') return value < 100 ? value.toFixed(1) : value.toFixed(0);
  if (unit === '×') return value.toFixed(2);
  if (unit === 'MB') return value.toFixed(1);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const extras = (extra: Readonly<Record<string, number>>) =>
  Object.entries(extra)
    .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(', ');

export function resultsTable(cases: readonly CaseResult[]): string {
  const rows = cases.flatMap((c) =>
    c.contenders.map((r) => [
      c.scenario,
      c.name,
      r.name,
      `${fmt(r.median, c.unit)} ${c.unit}${c.clock === 'cpu' ? ' (CPU)' : ''}`,
      `${fmt(r.min, c.unit)}–${fmt(r.max, c.unit)}`,
      String(r.n),
      extras(r.extra),
    ]),
  );
  return table(['#', 'case', 'contender', 'median', 'min–max', 'runs', 'per call'], rows);
}

export function ratiosTable(cases: readonly CaseResult[]): string {
  const rows = cases.flatMap((c) =>
    c.pairs.map((p) => [
      c.scenario,
      c.name,
      `${p.a} / ${p.b}`,
      `${fmt(p.median, '×')}×`,
      `${fmt(p.min, '×')}–${fmt(p.max, '×')}×`,
    ]),
  );
  return table(['#', 'case', 'ratio (time, lower is better)', 'median', 'min–max'], rows);
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  const rows = checks.map((t) => [
    t.scenario,
    t.label,
    `${fmt(t.measured, t.unit)}${t.unit}`,
    t.target,
    t.met ? 'met' : '**missed**',
  ]);
  return table(['#', 'target', 'measured', 'target', ''], rows);
}
