import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { inboxQuery, insertQuestion, listInbox, updateQuestionFields, updateQuestionState } from '../../../electron/core/store/questions';
import { CANDIDATES } from '../../../electron/core/store/groups';
import { ftsMatchExpression } from '../../../electron/core/store/search';
import type { InboxFilter } from '../../../shared/protocol';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-search-'));
  db = openDatabase(join(dir, 'desk.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function add(text: string, extra: Partial<{ district: 'medeu' | 'auezov'; language: 'kk' | 'ru' }> = {}): number {
  n++;
  return insertQuestion(db, {
    channel: 'web',
    externalId: `e${n}`,
    senderName: 'Асқар',
    senderContact: null,
    senderUserId: null,
    district: extra.district ?? null,
    topic: null,
    language: extra.language ?? null,
    text,
    meta: {},
    receivedAt: 1_700_000_000_000 + n,
    referenceYear: 2026,
  }, { id: n, reference: `2026-${String(n).padStart(4, '0')}` }).id;
}

const texts = (filter: InboxFilter) => listInbox(db, filter, { limit: 50 }).items.map((q) => q.originalText);

describe('full-text search', () => {
  it('finds Kazakh words whatever their case, by prefix', () => {
    add('Әкімдік қашан жауап береді?');
    add('Когда починят дорогу?');
    expect(texts({ text: 'ӘКІМДІК' })).toEqual(['Әкімдік қашан жауап береді?']);
    expect(texts({ text: 'әкімд' })).toEqual(['Әкімдік қашан жауап береді?']);
    expect(texts({ text: 'ҚАШАН ЖАУ' })).toEqual(['Әкімдік қашан жауап береді?']);
  });

  it('treats ё and е alike and ignores FTS syntax typed by a person', () => {
    add('Где ёлка на площади?');
    expect(texts({ text: 'елка' })).toEqual(['Где ёлка на площади?']);
    expect(texts({ text: 'ЁЛКА' })).toEqual(['Где ёлка на площади?']);
    expect(texts({ text: '"ёлк*' })).toEqual(['Где ёлка на площади?']);
    expect(ftsMatchExpression('  *** ')).toBeNull();
  });

  it('searches the on-air wording too and follows edits', () => {
    const id = add('Жол жөндеу туралы');
    updateQuestionFields(db, id, 1, { airText: 'Абай даңғылы жөнделеді ме?' }, 1);
    expect(texts({ text: 'даңғыл' })).toEqual(['Жол жөндеу туралы']);
    updateQuestionFields(db, id, 2, { airText: 'Басқа мәтін' }, 2);
    expect(texts({ text: 'даңғыл' })).toEqual([]);
  });

  it('combines search with filters and pages newest first', () => {
    const ids = [add('дорога Медеу', { district: 'medeu' }), add('дорога Ауэзов', { district: 'auezov' }), add('дорога снова', { district: 'medeu' })];
    expect(texts({ text: 'дорог', district: 'medeu' })).toEqual(['дорога снова', 'дорога Медеу']);
    const first = listInbox(db, { text: 'дорог' }, { limit: 2 });
    expect(first.items.map((q) => q.id)).toEqual([ids[2], ids[1]]);
    expect(first.hasMore).toBe(true);
    const second = listInbox(db, { text: 'дорог' }, { limit: 2, beforeId: ids[1] });
    expect(second.items.map((q) => q.id)).toEqual([ids[0]]);
    expect(second.hasMore).toBe(false);
  });
});

describe('the console tabs', () => {
  it('lists any of several statuses, with search and without, and nothing else', () => {
    const waiting = add('дорога ждёт');
    const approved = add('дорога одобрена');
    const queued = add('дорога в очереди');
    const rejected = add('дорога отклонена');
    updateQuestionState(db, approved, 1, { status: 'approved' }, 1);
    updateQuestionState(db, queued, 1, { status: 'approved' }, 1);
    updateQuestionState(db, queued, 2, { status: 'queued' }, 2);
    updateQuestionState(db, rejected, 1, { status: 'rejected', rejectReason: 'spam' }, 1);
    const ids = (filter: InboxFilter) => listInbox(db, filter, { limit: 50 }).items.map((q) => q.id);
    expect(ids({ statuses: ['approved', 'queued'] })).toEqual([queued, approved]);
    expect(ids({ statuses: ['approved', 'queued'], text: 'дорог' })).toEqual([queued, approved]);
    expect(ids({ statuses: ['new'] })).toEqual([waiting]);
    expect(ids({ statuses: ['rejected', 'dropped'], from: 0 })).toEqual([rejected]);
  });
});

describe('Kazakh letters typed on a Russian keyboard', () => {
  it.each([
    ['Төле би көшесінде жарық жоқ', 'Толе би'],
    ['Төле би көшесінде жарық жоқ', 'ТӨЛЕ'],
    ['Толе би улица без света', 'Төле'],
    ['Жол қашан жөнделеді?', 'кашан'],
    ['Жол кашан жонделеди?', 'қашан жөнд'],
    ['Шуғыла шағын ауданында су жоқ', 'Шугыла'],
    ['Шугыла, нет воды', 'Шуғыла'],
    ['Әуезов ауданы, Үлкен Алматы', 'ауэзов'.replace('э', 'е') + ' улкен'],
    ['Іле алатауы', 'иле'],
  ])('finds «%s» by «%s»', (text, query) => {
    add('Никакого отношения');
    add(text);
    expect(texts({ text: query })).toEqual([text]);
  });
});

describe('reference numbers', () => {
  it('finds a question by its reference with or without the year, and by its number alone', () => {
    for (let i = 0; i < 45; i++) add(`Вопрос о дороге ${i}`);
    const q = listInbox(db, { text: 'дороге 41' }, { limit: 5 }).items[0]!;
    expect(q.reference).toBe(`2026-${String(q.id).padStart(4, '0')}`);
    for (const typed of [q.reference, `${q.reference.slice(0, 5)}${q.id}`, String(q.id).padStart(4, '0'), String(q.id), `№${q.id}`, ` #${q.id} `]) {
      expect(listInbox(db, { text: typed }, { limit: 50 }).items.map((x) => x.id), typed).toContain(q.id);
    }
    expect(listInbox(db, { text: '2025-0042' }, { limit: 50 }).items).toEqual([]);
  });

  it('still finds texts containing the number, newest first, with the filters applied', () => {
    const target = add('Прочее');
    const a = add(`Маршрут ${target} не ходит`, { district: 'medeu' });
    const b = add(`Про автобус ${target} ещё раз`, { district: 'auezov' });
    add('Ещё прочее');
    expect(listInbox(db, { text: String(target) }, { limit: 50 }).items.map((x) => x.id)).toEqual([b, a, target]);
    expect(listInbox(db, { text: String(target), district: 'medeu' }, { limit: 50 }).items.map((x) => x.id)).toEqual([a]);
  });

  it('looks the reference up by its index and the id by the primary key, not by a scan', () => {
    const byReference = plan({ text: '2026-0042' });
    expect(byReference).toMatch(/USING INDEX sqlite_autoindex_question_\d|USING INDEX question_reference|USING COVERING INDEX sqlite_autoindex_question/);
    expect(byReference).not.toMatch(/SCAN q\b/);
    const byNumber = plan({ text: '42' });
    expect(byNumber).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(byNumber).not.toMatch(/SCAN q\b/);
  });
});

function plan(filter: InboxFilter): string {
  const { sql, params } = inboxQuery(filter, { limit: 50, beforeId: 1000 });
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
}

describe('query plans of the hot inbox queries', () => {
  it('pages the unfiltered inbox by primary key without sorting', () => {
    const p = plan({});
    expect(p).toMatch(/SEARCH q USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it.each([
    [{ status: 'new' } as InboxFilter, 'question_status'],
    [{ district: 'medeu' } as InboxFilter, 'question_district'],
    [{ channel: 'telegram' } as InboxFilter, 'question_channel'],
    [{ language: 'kk' } as InboxFilter, 'question_language'],
    [{ flagged: true } as InboxFilter, 'question_flagged'],
    [{ speaker: 'akim' } as InboxFilter, 'question_speaker'],
    [{ topic: 'roads' } as InboxFilter, 'question_topic'],
  ])('uses an index for %o', (filter, index) => {
    const p = plan(filter);
    expect(p).toContain(`USING INDEX ${index}`);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('drives search from the FTS index and joins questions by primary key', () => {
    const p = plan({ text: 'әкім', status: 'new' });
    expect(p).toMatch(/VIRTUAL TABLE INDEX/);
    expect(p).toMatch(/SEARCH q USING INTEGER PRIMARY KEY/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });
});

describe('query plan with a time range', () => {
  it('walks the received-at index for a time window even with other filters', () => {
    const p = plan({ from: 1, to: 2, language: 'kk', status: 'new' });
    expect(p).toContain('USING INDEX question_received');
  });
});

describe('short words', () => {
  it('matches words of one or two letters whole, longer ones as prefixes', () => {
    add('Су жоқ, суық');
    add('Сурет салу үйірмесі');
    expect(texts({ text: 'су' })).toEqual(['Су жоқ, суық']);
    expect(texts({ text: 'сур' })).toEqual(['Сурет салу үйірмесі']);
    expect(ftsMatchExpression('Су жоқ')).toBe('"Су" "жок"*');
  });
});

describe('query plan of grouping candidates', () => {
  it('reads the newest questions under one blocking key from the key index, without sorting', () => {
    const p = (db.prepare(`EXPLAIN QUERY PLAN ${CANDIDATES}`).all({ key: '@abay', limit: 64 }) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('\n');
    expect(p).toMatch(/SEARCH group_key USING PRIMARY KEY \(key=\?\)/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });
});
