/**
 * `npm run bench`: runs the benchmarks (HTTP intake, then full-text search), prints a table and
 * writes machine-readable results to bench/results/ (git-ignored) so that regressions show. Not a
 * test: nothing here fails a build.
 *
 *   npm run bench -- [--connections 50] [--duration 10] [--search-rows 100000 | --full] [--skip-search]
 *
 * The search benchmark builds its database first; at the default 100,000 rows the whole run stays
 * within a few minutes. `--full` (or `--search-rows 1000000`) measures the design's 1,000,000.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAcceptProfile } from './acceptProfile';
import { runIntakeBench } from './intake';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    'search-rows': { type: 'string', default: '100000' },
    full: { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
  },
});

const TARGET_RATIO = 0.7;
const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });

const intake = await runIntakeBench({ connections: Number(args.connections), durationSeconds: Number(args.duration) });
const row = (name: string, r: typeof intake.bare) =>
  `${name.padEnd(34)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)} ${String(r.non2xx + r.errors).padStart(8)} ${String(r.cpuUsPerRequest ?? '').padStart(10)}`;
console.log(`\nHTTP intake vs bare node:http — ${intake.connections} connections, ${intake.durationSeconds} s each (autocannon)`);
console.log(`${'server'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(8)} ${'CPU µs/req'.padStart(10)}`);
console.log(row('bare node:http, 200', intake.bare));
console.log(row('intake, realistic mix', intake.mix));
console.log(row('intake, same text (worst case)', intake.intake));
const verdict = (ratio: number) =>
  `${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`;
console.log(`ratio, realistic mix:  ${verdict(intake.mixRatio)}; ${intake.mixStored} questions stored (warm-up included)`);
console.log(`ratio, same text:      ${verdict(intake.ratio)}; ${intake.stored} questions stored (warm-up included)`);
const drained = (d: typeof intake.drain) =>
  d.waiting > 0 ? `${d.waiting} questions still to make, made in ${d.ms} ms after (${Math.round((d.waiting / Math.max(d.ms, 1)) * 1000)}/s)` : 'none waiting';
console.log(`when the load stopped (made a moment after acknowledging, see pace.ts): mix ${drained(intake.mixDrain)}; same text ${drained(intake.drain)}`);

const accept = await runAcceptProfile();
console.log('\naccept() alone, 2,000 messages until every question is made (where intake time goes)');
console.log(`  group commit, derived data as the core computes it  ${String(accept.groupedWithDerivedData).padStart(7)} msg/s`);
console.log(`  group commit, storage only                          ${String(accept.groupedStorageOnly).padStart(7)} msg/s`);
console.log(`  one commit (fsync) per message, storage only        ${String(accept.serialStorageOnly).padStart(7)} msg/s`);

const file = join(resultsDir, 'intake.json');
const results = { at: new Date().toISOString(), node: process.version, targetRatio: TARGET_RATIO, ...intake, accept };
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results: ${file}`);

const live = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'liveUpdateRun.ts'), '--duration', args.duration, '--out', join(resultsDir, 'live.json')],
  { stdio: 'inherit', cwd: join(import.meta.dirname, '..') },
);
if (live.status !== 0) console.log(`live-update benchmark failed (exit ${live.status ?? live.signal})`);

if (!args['skip-search']) {
  // In its own process: the search database is built from scratch and its memory freed after.
  const rows = args.full ? '1000000' : args['search-rows'];
  console.log(`\nFull-text search and inbox paging over ${Number(rows).toLocaleString('en')} questions (target at 1,000,000: search p95 ≤ 20 ms)`);
  const search = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'search.ts'), '--rows', rows, '--out', join(resultsDir, 'search.json')],
    { stdio: 'inherit', cwd: join(import.meta.dirname, '..') },
  );
  if (search.status !== 0) console.log(`search benchmark failed (exit ${search.status ?? search.signal})`);
}
