import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let alice: TestWsClient;
beforeEach(async () => {
  core = await startTestCore();
  alice = await TestWsClient.connect(core.url, 'producer', 'en', 'Alice');
});
afterEach(async () => {
  alice.close();
  await core.stop();
});

async function ask(text: string, extra: Record<string, unknown> = {}): Promise<number> {
  const { json } = await postJson(`${core.url}/api/questions`, { name: 'Асель', text, ...extra });
  const row = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
  return row.id;
}

const get = (id: number) =>
  core.db.prepare('SELECT status, air_text, original_text, topic, district, speaker, version, group_id FROM question WHERE id = ?').get(id) as any;

describe('analysis at intake', () => {

  it('flags, suggests and groups near-duplicates in the same commit as the question', async () => {
    const a = await ask('Когда отремонтируют дорогу на проспекте Абая?');
    const b = await ask('Қашан Абай даңғылындағы жол жөнделеді?');
    const c = await ask('В Медеуском районе в школе нет отопления, звоните +7 701 123 45 67');
    // By text: the inbox lists a group as one row, a search every message.
    const q = (id: number) => alice.send('inbox.list', { limit: 10, filter: { text: String(id) } }).then((r) => r.items.find((x) => x.id === id)!);
    const qa = await q(a);
    expect(qa.flags).toEqual([]);
    expect(qa.suggestions.topic).toBe('roads');
    expect(qa.suggestions.speaker).toBe('deputy_transport');
    expect(qa.topic).toBeNull();
    const qb = await q(b);
    expect(qb.groupId).toBe(qa.groupId);
    expect(qb.groupSize).toBe(2);
    const qc = await q(c);
    expect(qc.groupId).not.toBe(qa.groupId);
    expect(qc.suggestions.district).toBe('medeu');
    expect(qc.flags).toEqual(['phone']);
    expect(core.db.prepare('SELECT flagged FROM question WHERE id = ?').get(c)).toEqual({ flagged: 1 });
    const keys = core.db.prepare('SELECT COUNT(*) AS n FROM group_key WHERE question_id = ?').get(a) as { n: number };
    expect(keys.n).toBeGreaterThan(0);
  });
});

describe('obscene and rude questions', () => {
  it('flags them apart, so a producer filters on either', async () => {
    const obscene = await ask('Когда уберут эту бл*дскую свалку в Алатау?');
    const rude = await ask('Дебилы в КСК опять отключили воду');
    const clean = await ask('Когда починят лифт на Тимирязева 42?');
    const list = (filter: Record<string, unknown>) => alice.send('inbox.list', { limit: 10, filter }).then((r) => r.items.map((x) => x.id));
    expect(await list({ flag: 'profanity' })).toEqual([obscene]);
    expect(await list({ flag: 'rude' })).toEqual([rude]);
    expect(await list({ flagged: false })).toEqual([clean]);
  });
});

describe('producer actions', () => {
  it('edits the on-air wording, keeps the original, and audits before/after', async () => {
    const id = await ask('Почему нет света в Турксибе???');
    const edited = await alice.send('question.edit', { id, version: 1, airText: 'Почему в Турксибском районе нет света?' });
    expect(edited.originalText).toBe('Почему нет света в Турксибе???');
    expect(get(id)).toMatchObject({ air_text: 'Почему в Турксибском районе нет света?', original_text: 'Почему нет света в Турксибе???', version: 2 });
    const history = await alice.send('question.history', { id });
    expect(history.audit.at(-1)).toMatchObject({
      actor: 'Alice',
      action: 'question.edit',
      before: { airText: 'Почему нет света в Турксибе???' },
      after: { airText: 'Почему в Турксибском районе нет света?' },
    });
  });

  it('confirms a suggestion by tagging, and undoes the last action', async () => {
    const id = await ask('В Медеуском районе в школе нет отопления');
    await alice.send('question.tag', { id, version: 1, district: 'medeu', topic: 'utilities' });
    expect(get(id)).toMatchObject({ district: 'medeu', topic: 'utilities', version: 2 });
    await alice.send('question.approve', { id, version: 2 });
    const undone = await alice.send('question.undo', {});
    expect(undone.action).toBe('approve');
    expect(get(id)).toMatchObject({ status: 'new', district: 'medeu', version: 4 });
    const again = await alice.request('question.undo', {});
    expect(again.ok).toBe(false);
  });

  it('refuses an undo when another producer changed the question since', async () => {
    const id = await ask('Вопрос про парк');
    const bob = await TestWsClient.connect(core.url, 'producer', 'en', 'Bob');
    await alice.send('question.approve', { id, version: 1 });
    await bob.send('question.reject', { id, version: 2, reason: 'off_topic' });
    const reply = await alice.request('question.undo', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('stale');
      expect(reply.error.current.status).toBe('rejected');
    }
    expect(get(id).status).toBe('rejected');
    bob.close();
  });

  it('merges a duplicate into a question’s group and splits a wrong member out', async () => {
    const a = await ask('Когда построят школу в Алатауском районе?');
    const b = await ask('Бродячие собаки в Жетысу');
    const merged = await alice.send('question.merge', { id: b, version: 1, intoId: a });
    expect(merged.status).toBe('merged');
    expect(merged.groupId).toBe(get(a).group_id);
    expect(merged.groupSize).toBe(2);
    // Its blocking keys follow it, so later arrivals like it find the merged group.
    const keyGroups = core.db.prepare('SELECT DISTINCT group_id FROM group_key WHERE question_id = ?').pluck().all(b);
    expect(keyGroups).toEqual([get(a).group_id]);
    const split = await alice.send('question.split', { id: b, version: merged.version });
    expect(split.groupSize).toBe(1);
    expect(split.groupId).not.toBe(get(a).group_id);
    const size = core.db.prepare('SELECT size FROM question_group WHERE id = ?').get(get(a).group_id);
    expect(size).toEqual({ size: 1 });
    await alice.send('question.undo', {});
    expect(get(b).group_id).toBe(get(a).group_id);
  });

  it('applies a bulk action all or nothing', async () => {
    const ids = [await ask('один'), await ask('два'), await ask('три')];
    await alice.send('question.approve', { id: ids[2]!, version: 1 });
    const refused = await alice.request('question.bulk', { action: 'reject', reason: 'spam', items: ids.map((id) => ({ id, version: 1 })) });
    expect(refused.ok).toBe(false);
    expect(ids.map((id) => get(id).status)).toEqual(['new', 'new', 'approved']);
    const done = await alice.send('question.bulk', {
      action: 'reject',
      reason: 'spam',
      items: ids.map((id) => ({ id, version: get(id).version })),
    });
    expect(done.items.map((q) => q.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('shows the asker’s earlier questions by phone with their outcomes', async () => {
    const first = await ask('Первый вопрос о мусоре', { phone: '+77011234567', consent: true });
    await alice.send('question.reject', { id: first, version: 1, reason: 'duplicate' });
    await ask('Другой человек', { phone: '+77019999999', consent: true });
    const second = await ask('Второй вопрос о мусоре', { phone: '+77011234567', consent: true });
    const history = await alice.send('question.history', { id: second });
    expect(history.earlier).toEqual([expect.objectContaining({ id: first, status: 'rejected', rejectReason: 'duplicate' })]);
  });
});

describe('two producers', () => {
  it('tells each producer what the other is looking at', async () => {
    const bob = await TestWsClient.connect(core.url, 'producer', 'en', 'Bob');
    await alice.send('presence.update', { session: 'alice-session', name: 'Alice', questionId: 7, activity: 'editing' });
    const seen = await bob.waitForEvent('presence.changed', (p) => p.producers.some((x: any) => x.name === 'Alice'));
    expect(seen.payload.producers).toEqual([expect.objectContaining({ name: 'Alice', questionId: 7, activity: 'editing' })]);
    bob.close();
  });

  it('saves views and edits suggestion rules that then apply to new questions', async () => {
    const view = await alice.send('view.save', { name: 'Medeu flagged', filter: { district: 'medeu', flagged: true } });
    expect((await alice.send('view.list', {})).items).toEqual([view]);
    await alice.send('rule.save', { items: [{ kind: 'topic', value: 'zoo', keywords: ['зоопарк', 'хайуанат'] }] });
    const id = await ask('Когда откроют зоопарк после ремонта?');
    const row = core.db.prepare('SELECT suggestions FROM question WHERE id = ?').get(id) as { suggestions: string };
    expect(JSON.parse(row.suggestions)).toMatchObject({ topic: 'zoo' });
  });
});
