/**
 * Synthetic Almaty questions (Russian and Kazakh words, districts, channels, statuses, flags)
 * bulk-loaded into a migrated database for the benchmarks. Deterministic: the same seed gives
 * the same rows, so runs compare.
 */
import type { Db } from '../electron/core/store/db';
import { CHANNELS, DISTRICTS, QUESTION_STATUSES } from '../shared/domain';

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
export function generateQuestions(db: Db, rows: number): number {
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
