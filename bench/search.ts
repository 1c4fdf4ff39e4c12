/**
 * Benchmark (not a test): full-text search and inbox paging over 1,000,000 questions.
 *
 *   node --import tsx bench/search.ts [--rows 1000000] [--out bench/results/search.json]
 *
 * Builds a throw-away database with the real migrations (FTS triggers included), then times
 * the store's own `listInbox` for search, filters and deep keyset pages. Each time is also given
 * as a ratio to a primary-key lookup measured in the same run, so results from different
 * machines compare. Target (shared/design.md): search p95 ≤ 20 ms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../electron/core/store/db';
import { getQuestion, listInbox } from '../electron/core/store/questions';
import { DISTRICTS } from '../shared/domain';
import type { InboxFilter } from '../shared/protocol';
import { generateQuestions } from './questionData';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/results/search.json' },
    runs: { type: 'string', default: '200' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

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
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-search-'));
  try {
    const db = openDatabase(join(dir, 'desk.sqlite'));
    const generateMs = generateQuestions(db, ROWS);
    console.log(`generated ${ROWS.toLocaleString('en')} questions in ${(generateMs / 1000).toFixed(1)} s`);

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
    const all: Timing[] = [baseline, ...results].map((r) => ({ ...r, ratio: r.p95 / baseline.p95 }));
    console.table(
      all.map((r) => ({
        query: r.name,
        'p50 ms': r.p50.toFixed(2),
        'p95 ms': r.p95.toFixed(2),
        'max ms': r.max.toFixed(2),
        '× baseline p95': r.ratio.toFixed(1),
        'rows/page': r.rows,
      })),
    );
    const searchP95 = Math.max(...all.filter((r) => r.name.startsWith('search')).map((r) => r.p95));
    console.log(`search p95 (worst of the search rows): ${searchP95.toFixed(2)} ms — target ≤ 20 ms`);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(
      args.out,
      `${JSON.stringify({ bench: 'search', rows: ROWS, runs: RUNS, generateMs, searchP95Ms: searchP95, results: all }, null, 2)}\n`,
    );
    console.log(`results written to ${args.out}`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
