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
import { openDatabase, type Db } from '../electron/core/store/db';
import { getQuestion, listInbox } from '../electron/core/store/questions';
import { CHANNELS, DISTRICTS, QUESTION_STATUSES } from '../shared/domain';
import type { InboxFilter } from '../shared/protocol';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/results/search.json' },
    runs: { type: 'string', default: '200' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

// Deterministic pseudo-random numbers, so every run searches the same data.
let seed = 42;
function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const RU = (
  'когда отремонтируют дорогу на проспекте абая почему нет отопления в школе автобус маршрут ' +
  'опаздывает светофор не работает перекресток сейфуллина мусор во дворе не вывозят лифт в доме ' +
  'сломан поликлиника очередь врач бродячие собаки арык парк сквер освещение улицы метро станция ' +
  'трамвай велодорожка парковка рынок самокаты тротуар снос домов вода канализация газ пенсия ' +
  'пособие многодетные детский сад место очередь смог воздух деревья вырубка строительство жилье ' +
  'ремонт подъезда крыша течет остановка холодно зимой летом благоустройство площадка скамейки'
).split(' ');
const KK = (
  'қашан абай даңғылы жөнделеді әкімдік жауап береді жол жөндеу мектепте жылу жоқ автобус ' +
  'кешігеді бағдаршам істемейді қоқыс шығарылмайды балабақша орын кезек емхана дәрігер ' +
  'саябақ ағаш кесу ауа ластанған су жоқ көшеде жарық жоқ аялдама тұрақ үй шатыры ағады ' +
  'зейнетақы жәрдемақы көпбалалы отбасы метро бекеті трамвай велосипед жолы құрылыс ' +
  'қаңғыбас иттер ұрлық қауіпсіздік бейнебақылау ауданы тұрғындары өтініш сұрақ көмек'
).split(' ');
const NAMES = ['Айгүл', 'Ерлан', 'Ольга', 'Нұрлан', 'Сергей', 'Әсел', 'Дина', 'Бауыржан', 'Ёлка'];

function sentence(): { text: string; language: 'kk' | 'ru' } {
  const kk = random() < 0.45;
  const words = kk ? KK : RU;
  const length = 6 + Math.floor(random() * 12);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(pick(words));
  const text = out.join(' ');
  return { text: `${text[0]!.toUpperCase()}${text.slice(1)}?`, language: kk ? 'kk' : 'ru' };
}

// Test data goes straight into the table with one prepared statement in large transactions:
// intake's per-question analysis is not what this benchmark measures.
const INSERT = `
  INSERT INTO question (
    id, reference, channel, external_id, sender_name, district, language, original_text, air_text,
    status, flags, flagged, received_at, updated_at
  ) VALUES (
    @id, @reference, @channel, @externalId, @senderName, @district, @language, @text, @text,
    @status, @flags, @flagged, @receivedAt, @receivedAt
  )
`;

const SCHEMA_OF_QUESTION = `
  SELECT type, name, sql FROM sqlite_master
  WHERE tbl_name = 'question' AND type IN ('index', 'trigger') AND sql IS NOT NULL
`;
// The same ё→е fold as the migration's triggers.
const fold = (column: string): string => `replace(replace(${column}, 'ё', 'е'), 'Ё', 'Е')`;
const FILL_FTS = `
  INSERT INTO question_fts (rowid, original_text, air_text, sender_name)
  SELECT id, ${fold('original_text')}, ${fold('air_text')}, ${fold('sender_name')}
  FROM question
`;

/**
 * Bulk load as a restore would: the migration's own indexes and FTS triggers are set aside
 * (their SQL read back from sqlite_master), the rows go in, then indexes are rebuilt in one
 * pass each — far faster than updating a dozen b-trees row by row.
 */
function generate(db: Db, rows: number): number {
  const started = performance.now();
  db.pragma('cache_size = -524288');
  const schema = db.prepare(SCHEMA_OF_QUESTION).all() as Array<{ type: string; name: string; sql: string }>;
  for (const { type, name } of schema) db.exec(`DROP ${type === 'index' ? 'INDEX' : 'TRIGGER'} "${name}"`);
  const insert = db.prepare(INSERT);
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const { text, language } = sentence();
      const flagged = random() < 0.05;
      insert.run({
        id,
        reference: `2026-${String(id).padStart(7, '0')}`,
        channel: pick(CHANNELS),
        externalId: `bench-${id}`,
        senderName: pick(NAMES),
        district: random() < 0.3 ? null : pick(DISTRICTS),
        language,
        text,
        status: random() < 0.6 ? 'new' : pick(QUESTION_STATUSES),
        flags: flagged ? '["phone"]' : '[]',
        flagged: flagged ? 1 : 0,
        receivedAt: Date.UTC(2026, 0, 1) + id * 10_000,
      });
    }
  });
  const BATCH = 50_000;
  for (let from = 1; from <= rows; from += BATCH) batch(from, Math.min(from + BATCH, rows + 1));
  db.transaction(() => {
    db.exec(FILL_FTS);
    for (const { sql } of schema) db.exec(sql);
  })();
  db.pragma('optimize');
  return performance.now() - started;
}

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
    const generateMs = generate(db, ROWS);
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
