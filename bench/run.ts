/**
 * `npm run bench`: runs each part of the benchmark in a process of its own (so that no part
 * measures what another left behind), then prints ONE table — target, measured, baseline measured
 * in the same run, ratio, pass/miss — and writes bench/results/<part>.json and summary.json
 * (git-ignored) so that regressions show. Not a test: nothing here fails a build.
 *
 *   npm run bench -- [--quick] [--only live,cpu,grouping,scale,search,reports]
 *
 * `--quick` shortens every part (5-s live runs instead of the 30 s) for a first look; the
 * figures in the README come from full runs. The first run also builds the 1,000,000-question
 * database (a few minutes), kept in the system's temporary directory for the runs after it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './process';
import { formatTable, type BenchPart, type BenchRow } from './report';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = args.quick;
const resultsDir = join(ROOT, 'bench', 'results');
const PARTS: Record<string, string[]> = {
  live: quick ? ['--duration', '5', '--floor-duration', '3'] : ['--duration', '30', '--floor-duration', '5'],
  cpu: ['--duration', quick ? '3' : '10'],
  grouping: ['--questions', quick ? '5000' : '20000'],
  scale: [],
  search: ['--runs', quick ? '50' : '200'],
  reports: ['--runs', quick ? '3' : '10'],
};
mkdirSync(resultsDir, { recursive: true });
const selected = args.only ? args.only.split(',') : Object.keys(PARTS);

// The machine's load (1-min average) at the start and the end: a shared machine's other work
// shows here, and explains a run that differs from the others.
const loadAtStart = loadavg()[0]!;
const started = performance.now();
const rows: BenchRow[] = [];
for (const part of selected) {
  const partArgs = PARTS[part];
  if (!partArgs) throw new Error(`unknown part ${part}; parts: ${Object.keys(PARTS).join(', ')}`);
  const out = join(resultsDir, `${part}.json`);
  console.log(`\n— ${part}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', `${part}.ts`), ...partArgs, '--out', out], { stdio: 'inherit', cwd: ROOT });
  if (run.status !== 0) {
    rows.push({ name: `${part}: failed (exit ${run.status ?? run.signal})`, target: '', measured: '', baseline: '', ratio: null, pass: false });
    continue;
  }
  rows.push(...(JSON.parse(readFileSync(out, 'utf8')) as BenchPart).rows);
}
const seconds = Math.round((performance.now() - started) / 1000);
console.log(`\n${formatTable(rows)}\n`);
const load = `${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
console.log(`${quick ? 'quick run' : 'full run'} in ${seconds} s, machine load average ${load}; results in ${resultsDir}`);
writeFileSync(
  join(resultsDir, 'summary.json'),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, quick, seconds, loadAverage: load, rows }, null, 2)}\n`,
);
