import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../helpers/core';
import { saveEpisode } from '../helpers/episodes';
import { TestWsClient } from '../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
beforeEach(async () => {
  core = await startTestCore();
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

/** A live episode with one speaker: nothing goes on air outside one. */
async function startShow(): Promise<void> {
  const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким' }] });
  await producer.send('episode.start', { id: rundown.episode.id });
}

async function ask(name: string, text: string, district = 'auezov'): Promise<number> {
  const { json } = await postJson(`${core.url}/api/questions`, { name, text, district });
  const row = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
  return row.id;
}

describe('moderation commands', () => {
  it('approves, puts on air, and shows the speaker only the first name and masked text', async () => {
    const speaker = await TestWsClient.connect(core.url, 'speaker');
    const id = await ask('Ерлан Жақсыбеков', 'Позвоните мне +7 701 123 45 67, когда починят лифт?');
    const approved = await producer.send('question.approve', { id, version: 1 });
    expect(approved.status).toBe('approved');
    await startShow();
    const onAir = await producer.send('question.putOnAir', { id, version: approved.version });
    expect(onAir.status).toBe('on_air');

    const state = await speaker.waitForEvent('prompter.state', (p) => p.current?.id === id);
    expect(state.payload.current.askerFirstName).toBe('Ерлан');
    expect(state.payload.current.district).toBe('auezov');
    expect(state.payload.current.text).not.toContain('123 45 67');
    expect(JSON.stringify(state.payload)).not.toContain('Жақсыбеков');
    expect(speaker.events.some((e) => e.name.startsWith('question.'))).toBe(false);

    const row = core.db.prepare('SELECT status, version FROM question WHERE id = ?').get(id);
    expect(row).toEqual({ status: 'on_air', version: 3 });
    const audit = core.db.prepare("SELECT action FROM audit WHERE entity = 'question' AND entity_id = ? ORDER BY id").all(id);
    expect(audit).toEqual([{ action: 'question.approved' }, { action: 'question.on_air' }]);
    speaker.close();
  });

  it('puts the previous on-air question back, not answered, only when the replacement is confirmed', async () => {
    await startShow();
    const a = await ask('Аня', 'Первый вопрос о транспорте');
    const b = await ask('Болат', 'Второй вопрос о парках');
    for (const id of [a, b]) await producer.send('question.approve', { id, version: 1 });
    await producer.send('question.putOnAir', { id: a, version: 2 });
    const refused = await producer.request('question.putOnAir', { id: b, version: 2 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.messageKey).toBe('rundown.error.replaceOnAir');
    await producer.send('question.putOnAir', { id: b, version: 2, confirm: true });
    const statuses = core.db.prepare('SELECT id, status FROM question ORDER BY id').all();
    // Queued by going on air, so it goes back to the front of the queue; its outcome is still to be recorded.
    expect(statuses).toEqual([
      { id: a, status: 'queued' },
      { id: b, status: 'on_air' },
    ]);
  });

  it('refuses a change made on a stale version and returns the fresh question', async () => {
    const id = await ask('Дана', 'Когда откроют школу в Наурызбайском районе?');
    const other = await TestWsClient.connect(core.url, 'producer');
    await other.send('question.approve', { id, version: 1 });
    const reply = await producer.request('question.reject', { id, version: 1, reason: 'spam' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('stale');
    expect(reply.error.current.status).toBe('approved');
    expect(core.db.prepare('SELECT status FROM question WHERE id = ?').get(id)).toEqual({ status: 'approved' });
    other.close();
  });

  it('refuses a transition the status flow does not allow', async () => {
    const id = await ask('Ержан', 'Вопрос про свет');
    const reply = await producer.request('question.putOnAir', { id, version: 1 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_transition');
  });

  it('lets a speaker read the prompter but not moderate', async () => {
    const id = await ask('Гүлназ', 'Вопрос');
    const speaker = await TestWsClient.connect(core.url, 'speaker');
    const reply = await speaker.request('question.approve', { id, version: 1 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('forbidden');
    expect((await speaker.request('prompter.get', {})).ok).toBe(true);
    speaker.close();
  });

  it('answers malformed and invalid commands with a typed error', async () => {
    const bad = await producer.request('question.approve', { id: -1, version: 0 } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('validation');
    const unknown = await producer.request('question.explode' as never, {} as never);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('unknown_command');
  });

  it('pages the inbox newest first', async () => {
    for (let i = 0; i < 5; i++) await ask(`Житель${i}`, `Вопрос ${i}`);
    const first = await producer.send('inbox.list', { limit: 3 });
    expect(first.items.map((q) => q.originalText)).toEqual(['Вопрос 4', 'Вопрос 3', 'Вопрос 2']);
    const rest = await producer.send('inbox.list', { limit: 3, beforeId: first.items[2]!.id });
    expect(rest.items.map((q) => q.originalText)).toEqual(['Вопрос 1', 'Вопрос 0']);
  });
});
