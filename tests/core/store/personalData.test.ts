import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/core/store/audit';
import { ERASED_NAME, PERSONAL_DATA } from '../../../electron/core/store/personalData';
import { deskHeaders, postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

const DAY = 24 * 3600_000;
const PHONE = '+7 701 123 45 67';
const IIN = '900101300126';
let clock = Date.parse('2026-08-01T08:00:00Z');
let core: TestCore;
let desk: TestWsClient;
const ids: Record<'web' | 'telegram' | 'recent' | 'handedOff', number> = { web: 0, telegram: 0, recent: 0, handedOff: 0 };

type Row = Record<string, any>;
const question = (id: number): Row => core.db.prepare('SELECT * FROM question WHERE id = ?').get(id) as Row;
const idOf = (reference: string): number => (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id;

beforeAll(async () => {
  core = await startTestCore({ now: () => clock });
  desk = await TestWsClient.connect(core.url, 'producer');
  // Old: a web form question with a phone and an IIN in the text, from a browser behind an address.
  const web = await postJson(
    `${core.url}/api/questions`,
    { name: 'Асель Нурланова', phone: PHONE, consent: true, text: `Когда починят свет? Мой ИИН ${IIN}, звоните ${PHONE}` },
    { 'user-agent': 'Mozilla/5.0 (citizen phone)' },
  );
  ids.web = idOf(web.json.value.reference);
  // Old: a Telegram message (chat id in meta, user id).
  const tg = await core.intake.accept({
    channel: 'telegram',
    externalId: '5551:7',
    senderName: 'Айгерим Садыкова',
    senderUserId: '5551',
    text: 'Когда будет автобус 32?',
    meta: { chatId: 5551, messageId: 7 },
  });
  ids.telegram = tg.questionId;
  // The producer corrects the on-air name and the wording: both are in the audit trail.
  const q = question(ids.telegram);
  const named = await desk.send('question.setAirName', { id: ids.telegram, version: q.version, airName: 'Айгерим' });
  await desk.send('question.edit', { id: ids.telegram, version: named.version, airText: `Автобус 32, звонить ${PHONE}` });
  // Old: a question handed to a department that has not answered: its contact must stay.
  const open = await core.intake.accept({ channel: 'webhook', externalId: 'h-1', senderName: 'Болат Ержанов', senderContact: PHONE, text: 'Яма на Абая' });
  ids.handedOff = open.questionId;
  core.db
    .prepare(`INSERT INTO handoff (question_id, department_id, reference, note, due_date, created_at, updated_at) VALUES (?, 1, 'H-1', ?, '2026-08-20', ?, ?)`)
    .run(ids.handedOff, `Перезвонить ${PHONE}`, clock, clock);
  // A reply sent to the Telegram sender, and a message whose question could never be made.
  core.db
    .prepare(`INSERT INTO outbox (channel, recipient, body, dedupe_key, status, next_attempt_at, created_at, sent_at) VALUES ('telegram', '5551', '{"text":"Ваш номер 2026-0001"}', 'tg:1', 'sent', ?, ?, ?)`)
    .run(clock, clock, clock);
  // …and one whose send is under way (or was cut off by a crash, so it is sent again): it still needs its recipient.
  core.db
    .prepare(`INSERT INTO outbox (channel, recipient, body, dedupe_key, status, next_attempt_at, created_at) VALUES ('telegram', '5552', '{"text":"Ваш номер 2026-0002"}', 'tg:2', 'sending', ?, ?)`)
    .run(clock, clock);
  core.db
    .prepare(`INSERT INTO inbound (channel, external_id, reference, received_at, payload, failure) VALUES ('whatsapp', 'wamid.X', '2026-9999', ?, ?, 'boom')`)
    .run(clock, JSON.stringify({ channel: 'whatsapp', senderName: 'Динара', senderContact: '+77011112233', senderUserId: '77011112233', text: `Мой номер ${PHONE}`, meta: { phoneNumberId: '1' } }));

  clock += 100 * DAY;
  const recent = await postJson(`${core.url}/api/questions`, { name: 'Ерлан Жаксыбеков', phone: PHONE, consent: true, text: 'Свежий вопрос про парк' });
  ids.recent = idOf(recent.json.value.reference);
  await desk.send('privacy.configure', { retentionDays: 30 });
});
afterAll(async () => {
  desk.close();
  await core.stop();
});

/** One check per inventory item: a new item without a check fails the suite. */
const checks: Record<string, () => void> = {
  'question.sender_name': () => {
    expect(question(ids.web).sender_name).toBe(ERASED_NAME);
    expect(question(ids.telegram).sender_name).toBe(ERASED_NAME);
  },
  'question.air_name': () => expect(question(ids.telegram).air_name).toBe(''),
  'question.sender_contact': () => expect(question(ids.web).sender_contact).toBeNull(),
  'question.sender_user_id': () => {
    expect(question(ids.web).sender_user_id).toBeNull();
    expect(question(ids.telegram).sender_user_id).toBeNull();
  },
  'question.meta$.userAgent': () => expect(JSON.parse(question(ids.web).meta)).not.toHaveProperty('userAgent'),
  'question.meta$.chatId': () => {
    expect(JSON.parse(question(ids.telegram).meta)).toMatchObject({ messageId: 7 });
    expect(JSON.parse(question(ids.telegram).meta)).not.toHaveProperty('chatId');
  },
  'question.original_text': () => {
    expect(question(ids.web).original_text).not.toContain(IIN);
    expect(question(ids.web).original_text).toContain('Когда починят свет?');
  },
  'question.air_text': () => expect(question(ids.telegram).air_text).not.toContain('701'),
  'question_fts.sender_name, original_text, air_text': () => {
    const found = core.db.prepare(`SELECT rowid FROM question_fts WHERE question_fts MATCH '"Садыкова" OR "Нурланова" OR "${IIN}"'`).all();
    expect(found).toEqual([]);
  },
  'inbound.payload$.senderName, $.senderContact, $.senderUserId, $.meta, $.text': () => {
    const payload = JSON.parse((core.db.prepare(`SELECT payload FROM inbound WHERE external_id = 'wamid.X'`).get() as Row).payload);
    expect(payload).toMatchObject({ senderName: ERASED_NAME, senderContact: null, senderUserId: null, meta: { phoneNumberId: '1' } });
    expect(payload.text).not.toContain('701');
  },
  'audit.before, after$.airName': () => {
    const trail = JSON.stringify(listAudit(core.db, 'question', ids.telegram));
    expect(trail).not.toContain('Айгерим');
  },
  'audit.before, after$.airText, $.originalText': () => {
    const trail = JSON.stringify(listAudit(core.db, 'question', ids.telegram));
    expect(trail).toContain('Автобус 32');
    expect(trail).not.toContain('701 123');
  },
  'handoff.note, answer': () => {
    // Its question is still with the department: untouched until answered.
    const note = (core.db.prepare('SELECT note FROM handoff WHERE question_id = ?').get(ids.handedOff) as Row).note;
    expect(note).toContain(PHONE);
  },
  'outbox.recipient': () => expect((core.db.prepare(`SELECT recipient FROM outbox WHERE dedupe_key = 'tg:1'`).get() as Row).recipient).toBe(''),
};

describe('retention of senders’ personal data', () => {
  it.each(PERSONAL_DATA.map((item) => [`${item.table}.${item.column}${item.path ?? ''}`]))('erases %s of what is past the period', (key) => {
    const check = checks[key];
    if (!check) throw new Error(`No check for the inventory item ${key}`);
    check();
  });

  it('keeps everything of what is within the period, and the contact of a question a department still has to answer', () => {
    expect(question(ids.recent)).toMatchObject({ sender_name: 'Ерлан Жаксыбеков', sender_contact: '+77011234567', personal_erased_at: null });
    expect(question(ids.handedOff).sender_name).toBe('Болат Ержанов');
    expect(question(ids.handedOff).sender_contact).not.toBeNull();
    expect((core.db.prepare(`SELECT recipient FROM outbox WHERE dedupe_key = 'tg:2'`).get() as Row).recipient).toBe('5552');
  });

  it('is audited, with how much it erased, and a second run erases nothing and adds no row', async () => {
    const rows = () => listAudit(core.db, 'privacy', 0).filter((r) => r.action === 'privacy.erase');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ actor: 'retention', after: { retentionDays: 30, questions: 2, replies: 1 } });
    expect(listAudit(core.db, 'privacy', 0).find((r) => r.action === 'privacy.configure')).toMatchObject({ actor: 'desk', after: { retentionDays: 30 } });
    expect(await core.retention.run()).toEqual({ questions: 0, replies: 0 });
    expect(rows()).toHaveLength(1);
  });

  it('erases the handed-off question once the department has answered', async () => {
    core.db.prepare(`UPDATE handoff SET status = 'answered', answer = ?, answered_at = ? WHERE question_id = ?`).run(`Ответили по ${PHONE}`, clock, ids.handedOff);
    expect(await core.retention.run()).toMatchObject({ questions: 1 });
    expect(question(ids.handedOff)).toMatchObject({ sender_name: ERASED_NAME, sender_contact: null });
    const h = core.db.prepare('SELECT note, answer FROM handoff WHERE question_id = ?').get(ids.handedOff) as Row;
    expect(`${h.note} ${h.answer}`).not.toContain('701');
  });

  it('lists every column of citizens’ tables that could hold a name or a contact', () => {
    const listed = new Set(PERSONAL_DATA.flatMap((item) => item.column.split(', ').map((c) => `${item.table}.${c}`)));
    const suspicious = /^(sender_\w+|\w*contact\w*|recipient|\w*phone\w*|\w*email\w*|air_name|payload|note|answer|\w+_text|before|after|meta)$/;
    for (const table of ['question', 'inbound', 'outbox', 'audit', 'handoff']) {
      const columns = core.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>;
      for (const { name } of columns) {
        if (suspicious.test(name)) expect(listed, `${table}.${name}`).toContain(`${table}.${name}`);
      }
    }
  });

  it('is off by default and only the desk machine sets it', async () => {
    const fresh = await startTestCore();
    try {
      const producer = await TestWsClient.connect(fresh.url, 'producer', 'en', 'Second console');
      expect(await producer.send('privacy.get', {})).toEqual({ retentionDays: 0 });
      expect(await producer.request('privacy.configure', { retentionDays: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      producer.close();
      expect((await postJson(`${fresh.url}/api/questions`, { name: 'A', text: 'Вопрос' }, deskHeaders(fresh.url))).status).toBe(201);
      expect(await fresh.retention.run()).toEqual({ questions: 0, replies: 0 });
    } finally {
      await fresh.stop();
    }
  });
});
