import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDistrict } from '../../electron/core/channels/csv/adapter';
import { decideWhatsAppPayload, whatsappPayloadSchema } from '../../electron/core/channels/whatsapp/adapter';
import { openDatabase } from '../../electron/core/store/db';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { DISTRICTS, LANGUAGES } from '../../shared/domain';
import { createI18n } from '../../shared/i18n';
import { DEFAULT_SUGGESTION_RULES } from '../../shared/suggestionRules';
import { DISTRICT_TERMS, districtFrom, TOPIC_TERMS, topicFrom, TOPICS } from '../../shared/vocabulary';
import { startTestCore, type TestCore } from '../helpers/core';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('one vocabulary of topics, districts and languages', () => {
  it('names every topic and district in kk, ru and en, and the screens show those names', () => {
    for (const lang of LANGUAGES) {
      const t = createI18n(lang).t;
      for (const topic of TOPICS) {
        expect(TOPIC_TERMS[topic].names[lang]).not.toBe('');
        expect(t(`topic.${topic}`)).toBe(TOPIC_TERMS[topic].names[lang]);
      }
      for (const district of DISTRICTS) expect(t(`district.${district}`)).toBe(DISTRICT_TERMS[district].names[lang]);
    }
    expect(createI18n('kk').t('topic.healthcare')).toBe('Денсаулық сақтау');
  });

  it('gives the suggestion rules (the console) the same topic ids the public form offers', () => {
    const suggested = new Set(DEFAULT_SUGGESTION_RULES.filter((r) => r.kind === 'topic').map((r) => r.value));
    for (const value of suggested) expect(TOPICS).toContain(value);
    expect(TOPICS).toContain('healthcare');
    expect(TOPICS).not.toContain('health');
  });

  it('reads ids, names in any language, aliases and old ids', () => {
    expect(topicFrom('health')).toBe('healthcare');
    expect(topicFrom('Здравоохранение')).toBe('healthcare');
    expect(topicFrom('ДЕНСАУЛЫҚ САҚТАУ')).toBe('healthcare');
    expect(topicFrom('Roads and repairs')).toBe('roads');
    expect(topicFrom('погода')).toBeNull();
    expect(districtFrom('Түрксіб ауданы')).toBe('turksib');
    expect(districtFrom('Турксибский район')).toBe('turksib');
    expect(districtFrom('Alatau district')).toBe('alatau');
    expect(districtFrom('Ауезовский')).toBe('auezov');
    expect(parseDistrict('Әуезов')).toBe('auezov');
    expect(parseDistrict('Москва')).toBe('unknown');
  });
});

describe('stored values', () => {
  it('migrates the public form’s old topic ids to the vocabulary’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-vocab-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'desk.sqlite');
    const before = MIGRATIONS.filter((m) => m.version < 120);
    const raw = new Database(file);
    raw.transaction(() => {
      for (const m of before) m.up(raw);
      raw.pragma(`user_version = ${before.at(-1)!.version}`);
    })();
    const insert = raw.prepare(
      `INSERT INTO question (reference, channel, external_id, sender_name, topic, original_text, air_text, received_at, updated_at)
       VALUES (?, 'web', ?, 'Айгүл', ?, 'text', 'text', 0, 0)`,
    );
    insert.run('2026-1', 'a', 'health');
    insert.run('2026-2', 'b', 'roads');
    insert.run('2026-3', 'c', 'своя тема');
    raw.close();
    const db = openDatabase(file);
    cleanup.push(() => db.close());
    expect(db.prepare('SELECT topic FROM question ORDER BY id').pluck().all()).toEqual(['healthcare', 'roads', 'своя тема']);
  });

  it('stores the vocabulary id for a topic sent by name, and the language of a WhatsApp question (WhatsApp sends none)', async () => {
    const core: TestCore = await startTestCore();
    cleanup.push(() => core.stop());
    await core.intake.accept({ channel: 'webhook', externalId: 'w1', senderName: 'Ерлан', text: 'Когда отремонтируют поликлинику?', topic: 'health' });
    const payload = whatsappPayloadSchema.parse({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [{ from: '77011234567', id: 'wamid.short', type: 'text', text: { body: 'Қашан?' } }] } }] }],
    });
    const [decision] = decideWhatsAppPayload(payload);
    if (decision?.kind !== 'question') throw new Error('expected a question');
    await core.intake.accept(decision.message);
    const rows = core.db.prepare('SELECT channel, topic, language FROM question ORDER BY id').all();
    expect(rows).toEqual([
      { channel: 'webhook', topic: 'healthcare', language: 'ru' },
      { channel: 'whatsapp', topic: null, language: 'kk' },
    ]);
  });
});
