import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, parseCsvDate, parseDistrict, readCsv, suggestMapping } from '../../../electron/core/channels/csv/adapter';
import { decideTelegramUpdate } from '../../../electron/core/channels/telegram/adapter';
import { webhookBodySchema, webhookMessageSchema, webhookToInbound } from '../../../electron/core/channels/webhook/adapter';
import { decideWhatsAppPayload, guessLanguage, verifyWhatsAppSignature, whatsappPayloadSchema } from '../../../electron/core/channels/whatsapp/adapter';
import { translate } from '../../../electron/core/messages';
import { REPO_ROOT } from '../../helpers/core';

const fixture = (path: string): any => JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', path), 'utf8'));
const tg = fixture('telegram/updates.json');

describe('Telegram adapter', () => {
  it('turns a private text message into a question, ignoring unknown fields', () => {
    const d = decideTelegramUpdate(tg.text_private);
    expect(d).toMatchObject({
      kind: 'question',
      chatId: 1111111,
      replyTo: 1365,
      language: 'ru',
      message: {
        channel: 'telegram',
        externalId: '1111111:1365',
        senderName: 'Марат Оспанов',
        senderContact: '@marat_o',
        senderUserId: '1111111',
        language: 'ru',
        text: 'Когда отремонтируют дорогу на Абая–Розыбакиева?',
      },
    });
  });

  it('takes a photo caption as the question text', () => {
    const d = decideTelegramUpdate(tg.photo_caption);
    expect(d.kind).toBe('question');
    if (d.kind !== 'question') return;
    expect(d.message.text).toBe('Аулада шам жанбайды, қашан жөндейсіздер?');
    expect(d.language).toBe('kk');
    expect(d.message.meta).toMatchObject({ caption: true });
  });

  it('answers voice and stickers with “text only”, in the sender’s language', () => {
    expect(decideTelegramUpdate(tg.voice)).toEqual({ kind: 'non_text', chatId: 3333333, replyTo: 1367, language: 'en' });
    expect(decideTelegramUpdate(tg.sticker)).toEqual({ kind: 'non_text', chatId: 2222222, replyTo: 1368, language: 'kk' });
  });

  it('reads an edited message as an edit of the same external id', () => {
    expect(decideTelegramUpdate(tg.edited)).toEqual({
      kind: 'edit',
      externalId: '1111111:1365',
      text: 'Когда отремонтируют дорогу на пересечении Абая и Розыбакиева?',
      chatId: 1111111,
      language: 'ru',
    });
  });

  it('ignores group messages, channel posts, membership updates and garbage', () => {
    for (const u of [tg.group, tg.channel_post, tg.my_chat_member, { update_id: 'x' }, null]) {
      expect(decideTelegramUpdate(u).kind).toBe('ignore');
    }
  });
});

describe('WhatsApp adapter', () => {
  it('reads every message of several entries and changes, skipping statuses', () => {
    const payload = whatsappPayloadSchema.parse(fixture('whatsapp/multi.json'));
    const decisions = decideWhatsAppPayload(payload);
    expect(decisions.map((d) => [d.kind, d.kind === 'question' ? d.message.externalId : d.id])).toEqual([
      ['question', 'wamid.multi-1'],
      ['question', 'wamid.multi-2'],
      ['non_text', 'wamid.multi-3'],
      ['question', 'wamid.multi-4'],
    ]);
    const [first, caption, , other] = decisions as any[];
    expect(first.message).toMatchObject({ senderName: 'Иван Петров', senderContact: '+77051112233', senderUserId: '77051112233' });
    expect(caption.message.text).toBe('Яма на Жандосова, фото прилагаю');
    expect(caption.message.senderName).toBe('Dana');
    expect(other.phoneNumberId).toBe('106540352242923');
  });

  it('has nothing to store in a status-only callback', () => {
    expect(decideWhatsAppPayload(whatsappPayloadSchema.parse(fixture('whatsapp/status.json')))).toEqual([]);
  });

  it('checks the signature over the raw bytes, in constant time', () => {
    const raw = Buffer.from(readFileSync(join(REPO_ROOT, 'tests/fixtures/whatsapp/text.json')));
    const good = `sha256=${createHmac('sha256', 'app-secret').update(raw).digest('hex')}`;
    expect(verifyWhatsAppSignature(raw, good, 'app-secret')).toBe(true);
    expect(verifyWhatsAppSignature(raw, good, 'other-secret')).toBe(false);
    expect(verifyWhatsAppSignature(Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), good, 'app-secret')).toBe(false);
    expect(verifyWhatsAppSignature(raw, 'sha256=abc', 'app-secret')).toBe(false);
    expect(verifyWhatsAppSignature(raw, undefined, 'app-secret')).toBe(false);
  });

  it('guesses the reply language from the script', () => {
    expect(guessLanguage('Сәлеметсіз бе! Қашан?')).toBe('kk');
    expect(guessLanguage('Когда?')).toBe('ru');
    expect(guessLanguage('When?')).toBe('en');
  });
});

describe('generic webhook adapter', () => {
  it('namespaces ids per integration and keeps the documented fields', () => {
    const m = webhookMessageSchema.parse(fixture('webhook/single.json'));
    expect(webhookToInbound({ id: 7, name: 'City portal' }, m)).toMatchObject({
      channel: 'webhook',
      externalId: '7:portal-2026-000154',
      senderUserId: '7:portal-user-8841',
      district: 'almaly',
      meta: { integration: 'City portal', sentAt: Date.parse('2026-11-21T13:40:00Z') },
    });
  });

  it('tells batches from single messages and refuses other shapes', () => {
    expect(webhookBodySchema.safeParse(fixture('webhook/batch.json')).success).toBe(true);
    expect(webhookBodySchema.safeParse({ messages: [] }).success).toBe(false);
    expect(webhookBodySchema.safeParse([1, 2]).success).toBe(false);
  });
});

describe('CSV adapter', () => {
  const t = (key: string, vars?: Record<string, unknown>) => translate('ru', key, vars);

  it('reads a call-centre export (UTF-8 BOM, semicolons, quoted newlines) and maps Russian headers', () => {
    const table = readCsv(readFileSync(join(REPO_ROOT, 'tests/fixtures/csv/call-centre.csv')));
    expect(table).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
    expect(table.columns).toEqual(['№', 'Дата', 'ФИО', 'Телефон', 'Район', 'Тема', 'Текст обращения']);
    const mapping = suggestMapping(table.columns);
    expect(mapping).toEqual({ externalId: 0, receivedAt: 1, name: 2, phone: 3, district: 4, topic: 5, text: 6 });
    const rows = csvRows(table, mapping, t);
    expect(rows.map((r) => [r.line, r.error])).toEqual([
      [2, null],
      [3, null],
      [4, 'Неизвестный район «Калкаман».'],
      [5, 'Пожалуйста, напишите вопрос.'],
      [6, 'Не удалось прочитать дату «32.13.2026 25:00».'],
      [7, null],
    ]);
    expect(rows[0]!.message).toMatchObject({
      channel: 'csv',
      externalId: 'id:CC-1001',
      senderName: 'Алия Нурлановна',
      senderContact: '+7 701 111 22 33',
      district: 'medeu',
      topic: 'ЖКХ',
      text: 'Нет горячей воды уже неделю; когда дадут?',
      receivedAt: Date.parse('2026-11-21T13:05:00Z'),
    });
    expect(rows[1]!.message?.text).toBe('Автобус 92 ходит раз в час.\nМожно чаще?');
    expect(rows[1]!.message?.district).toBe('auezov');
    expect(rows[5]!.message?.district).toBe('alatau');
  });

  it('decodes Windows-1251 exports and gives content-derived ids that repeat on re-import', () => {
    const bytes = readFileSync(join(REPO_ROOT, 'tests/fixtures/csv/social-cp1251.csv'));
    const table = readCsv(bytes);
    expect(table.encoding).toBe('windows-1251');
    expect(table.columns).toEqual(['Имя', 'Вопрос', 'Район']);
    const mapping = suggestMapping(table.columns);
    expect(mapping).toEqual({ name: 0, text: 1, district: 2 });
    const first = csvRows(table, mapping, t).map((r) => r.message?.externalId);
    const again = csvRows(readCsv(bytes), mapping, t).map((r) => r.message?.externalId);
    expect(first).toEqual(again);
    expect(new Set(first).size).toBe(2);
  });

  it('understands district names in all three languages and Almaty dates', () => {
    expect(parseDistrict('Бостандық ауданы')).toBe('bostandyk');
    expect(parseDistrict('Жетысуский район')).toBe('zhetysu');
    expect(parseDistrict('TURKSIB')).toBe('turksib');
    expect(parseDistrict('')).toBeNull();
    expect(parseDistrict('Москва')).toBe('unknown');
    // Almaty was UTC+6 before 2024-03-01 and is UTC+5 since: no hard-coded offset.
    expect(parseCsvDate('15.01.2024 10:00')).toBe(Date.parse('2024-01-15T04:00:00Z'));
    expect(parseCsvDate('15.01.2025 10:00')).toBe(Date.parse('2025-01-15T05:00:00Z'));
    expect(parseCsvDate('2025-01-15T10:00:00Z')).toBe(Date.parse('2025-01-15T10:00:00Z'));
    expect(parseCsvDate('yesterday')).toBeNull();
  });
});

describe('Telegram commands and button presses are not questions (issue 12)', () => {
  const message = (text: string) => ({
    update_id: 7,
    message: { message_id: 3, date: 1_763_700_000, chat: { id: 42, type: 'private' }, from: { id: 42, first_name: 'Асель', language_code: 'ru' }, text },
  });

  it('answers /start and other commands with a greeting instead of storing them', () => {
    for (const text of ['/start', '/start ref-abc', '/help@akimat_desk_bot']) {
      expect(decideTelegramUpdate(message(text))).toEqual({ kind: 'command', chatId: 42, replyTo: 3, language: 'ru' });
    }
    expect(translate('ru', 'intake.reply.welcome')).toMatch(/^Здравствуйте!/);
  });

  it('still takes a question that merely contains a slash', () => {
    expect(decideTelegramUpdate(message('Автобус 32/1 не ходит')).kind).toBe('question');
    expect(decideTelegramUpdate(message('/ почему нет света?')).kind).toBe('question');
  });

  it('ignores a button press (callback query)', () => {
    const press = { update_id: 8, callback_query: { id: 'cb1', from: { id: 42, first_name: 'Асель' }, data: 'yes', message: { message_id: 3, date: 1, chat: { id: 42, type: 'private' } } } };
    expect(decideTelegramUpdate(press)).toEqual({ kind: 'ignore', reason: 'not a message' });
  });
});
