import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One line of `npm run bench`'s table. `baseline` is a reference measured in the same run (the
 * physical floor of the same work, or the same measurement on a small database), so that a row
 * compares on a noisy shared machine; `ratio` is measured ÷ baseline.
 */
export interface BenchRow {
  name: string;
  target: string;
  measured: string;
  baseline: string;
  ratio: number | null;
  /** null: a row reported without a target of its own. */
  pass: boolean | null;
}

/** What each part of the benchmark writes to bench/results/<part>.json. */
export interface BenchPart {
  part: string;
  at: string;
  node: string;
  rows: BenchRow[];
  details: unknown;
}

export function writePart(file: string, part: string, rows: BenchRow[], details: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const data: BenchPart = { part, at: new Date().toISOString(), node: process.version, rows, details };
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

const verdict = (pass: boolean | null): string => (pass === null ? '—' : pass ? 'pass' : 'MISS');

/** The one table: fixed-width columns, so it reads in a terminal and pastes into a README. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.name, r.target, r.measured, r.baseline, r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, verdict(r.pass)]);
  const header = ['row', 'target', 'measured', 'baseline (same run)', 'ratio', 'pass'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
