/**
 * `npm run bench`'s search and inbox rows: full-text search and inbox paging over 1,000,000
 * questions, timed through the store's own `listInbox`, on the benchmark's database
 * (bench/scaleDatabase.ts: built once, reused). Each p95 is also given as a ratio to a primary-key
 * lookup measured in the same run, so results from different machines compare. Target
 * (shared/design.md): search p95 ≤ 20 ms; the inbox rows are reported.
 *
 *   node --import tsx bench/search.ts [--rows 1000000] [--out bench/results/search.json]
 */
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { getQuestion, listInbox } from '../electron/core/store/questions';
import { DISTRICTS } from '../shared/domain';
import type { InboxFilter } from '../shared/protocol';
import { ms, writePart } from './report';
import { cachedDatabase } from './scaleDatabase';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/results/search.json' },
    runs: { type: 'string', default: '200' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const TARGET_MS = 20;

interface Timing {
  name: string;
  p50: number;
  p95: number;
  max: number;
  /** p95 divided by the p95 of a primary-key lookup in the same run. */
  ratio: number;
  rows: number;
}

function time(name: string, run: (i: number) => number, runs = RUNS): Omit<Timing, 'ratio'> {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = run(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, p50: at(0.5), p95: at(0.95), max: samples.at(-1)!, rows };
}

const SEARCHES = [
  'әкімдік', 'ӘКІМДІК', 'даңғыл', 'балабақша', 'Жөнделеді', 'қаңғыбас иттер', 'abay',
  'дорог', 'ОТОПЛЕН', 'светоф', 'ремонт абая', 'бродячие собаки', 'елка', 'Ёлка', 'поликлиник',
];
const PAGE = 50;

function main(): void {
  // Read-only: the cached database is shared by every run.
  const db = new Database(cachedDatabase(ROWS).file, { readonly: true });
  const baseline = time('baseline: primary-key lookup', (i) => (getQuestion(db, 1 + ((i * 7919) % ROWS)) ? 1 : 0));
  const page = (filter: InboxFilter, beforeId?: number) => listInbox(db, filter, { limit: PAGE, beforeId }).items.length;
  const deep = (i: number) => 1 + Math.floor(((i * 104_729) % ROWS) * 0.999);
  const results = [
    time('search: first page, kk/ru, any case, prefix', (i) => page({ text: SEARCHES[i % SEARCHES.length] })),
    time('search + status filter', (i) => page({ text: SEARCHES[i % SEARCHES.length], status: 'new' })),
    time('search: deep page (keyset)', (i) => page({ text: SEARCHES[i % SEARCHES.length] }, deep(i))),
    time('inbox: first page', () => page({})),
    time('inbox: deep page (keyset)', (i) => page({}, deep(i))),
    time('inbox: status = new, deep page', (i) => page({ status: 'new' }, deep(i))),
    time('inbox: district filter', (i) => page({ district: DISTRICTS[i % DISTRICTS.length] })),
    time('inbox: flagged only', () => page({ flagged: true })),
    // A show's three hours, somewhere in the archive.
    time('inbox: language + 3-hour window', (i) => {
      const from = Date.UTC(2026, 0, 1) + deep(i) * 10_000;
      return page({ language: 'kk', from, to: from + 3 * 3_600_000 });
    }),
  ];
  db.close();
  const all: Timing[] = [baseline, ...results].map((r) => ({ ...r, ratio: r.p95 / baseline.p95 }));
  const rowsLabel = ROWS >= 1_000_000 ? `${ROWS / 1_000_000}M` : ROWS.toLocaleString('en');
  writePart(
    args.out,
    'search',
    results.map((r) => {
      const search = r.name.startsWith('search');
      return {
        name: `${r.name}, ${rowsLabel}`,
        target: search ? `p95 ≤ ${TARGET_MS} ms` : 'reported',
        measured: `p50 ${ms(r.p50)} / p95 ${ms(r.p95)}`,
        baseline: `PK lookup p95 ${baseline.p95.toFixed(3)} ms`,
        ratio: r.p95 / baseline.p95,
        pass: search ? r.p95 <= TARGET_MS : null,
      };
    }),
    { rows: ROWS, runs: RUNS, results: all },
  );
}

main();
