import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/protocol';
import { getQuestion } from '../../../electron/core/store/questions';
import { startTestCore, type TestCore } from '../../helpers/core';
import { questionVersion, saveEpisode } from '../../helpers/episodes';
import { askedId, ROAD_GROUP } from '../../helpers/questions';
import { TestWsClient } from '../../helpers/wsClient';

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

async function ask(name: string, text: string): Promise<Question> {
  return getQuestion(core.db, await askedId(core, name, text))!;
}

const statusOf = (id: number): string =>
  (core.db.prepare('SELECT status FROM question WHERE id = ?').get(id) as { status: string }).status;

async function groupOfFour(): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, text] of ROAD_GROUP.entries()) ids.push((await ask(['Асель', 'Болат', 'Dana', 'Ерлан'][i]!, text)).id);
  const groups = new Set(ids.map((id) => (core.db.prepare('SELECT group_id AS g FROM question WHERE id = ?').get(id) as { g: number }).g));
  expect(groups.size, 'the four texts form one near-duplicate group').toBe(1);
  return ids;
}

async function inboxIds(filter: Record<string, unknown> = {}): Promise<number[]> {
  const reply = await producer.send('inbox.list', { limit: 100, filter });
  return reply.items.map((q) => q.id);
}

describe('a duplicate group is one item from inbox to outcome', () => {
  it('lists a group as one row, its oldest waiting member, with the count', async () => {
    const ids = await groupOfFour();
    const other = await ask('Гульнара', 'Будет ли новая школа в микрорайоне Алатау в следующем году?');
    expect(await inboxIds()).toEqual([other.id, ids[0]]);
    expect(await inboxIds({ status: 'new' })).toEqual([other.id, ids[0]]);
    const reply = await producer.send('inbox.list', { limit: 100, filter: { status: 'new' } });
    expect(reply.items.find((q) => q.id === ids[0])?.groupSize).toBe(4);
    // A search lists every matching message.
    expect((await inboxIds({ text: 'Толе би' })).sort()).toEqual([...ids].sort());
  });

  it('approving one member approves the group: the others fold into it, and undo unfolds them', async () => {
    const ids = await groupOfFour();
    const approved = await producer.send('question.approve', { id: ids[1]!, version: questionVersion(core, ids[1]!) });
    expect(approved.status).toBe('approved');
    expect(ids.map(statusOf)).toEqual(['merged', 'approved', 'merged', 'merged']);
    // Folded members are no new work: they cannot be approved again.
    await expect(producer.send('question.approve', { id: ids[0]!, version: questionVersion(core, ids[0]!) })).rejects.toThrow();
    expect(await inboxIds()).toEqual([ids[1]]);
    await producer.send('question.undo', {});
    expect(ids.map(statusOf)).toEqual(['new', 'new', 'new', 'new']);
  });

  it('bulk-approving two members of one group approves it once', async () => {
    const ids = await groupOfFour();
    const reply = await producer.send('question.bulk', {
      items: [ids[0]!, ids[2]!].map((id) => ({ id, version: questionVersion(core, id) })),
      action: 'approve',
    });
    expect(reply.items.length).toBeGreaterThan(0);
    expect(ids.map(statusOf)).toEqual(['approved', 'merged', 'merged', 'merged']);
  });

  it('rejecting one member leaves the group waiting, under its next member', async () => {
    const ids = await groupOfFour();
    await producer.send('question.reject', { id: ids[0]!, version: questionVersion(core, ids[0]!), reason: 'abuse' });
    expect(ids.map(statusOf)).toEqual(['rejected', 'new', 'new', 'new']);
    expect(await inboxIds({ status: 'new' })).toEqual([ids[1]]);
  });

  it('a folded member can be split out, as work of its own', async () => {
    const ids = await groupOfFour();
    await producer.send('question.approve', { id: ids[0]!, version: questionVersion(core, ids[0]!) });
    const split = await producer.send('question.split', { id: ids[3]!, version: questionVersion(core, ids[3]!) });
    expect(split.status).toBe('new');
    expect(split.groupSize).toBe(1);
    expect(ids.map(statusOf)).toEqual(['approved', 'merged', 'merged', 'new']);
    expect(await inboxIds({ status: 'new' })).toEqual([ids[3]]);
  });

  it('the group goes to air as one item: asked by N on the rundown, the teleprompter and the outcome; a late asker joins it', async () => {
    const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await producer.send('episode.start', { id: rundown.episode.id });
    const ids = await groupOfFour();
    const lead = await producer.send('question.approve', { id: ids[0]!, version: questionVersion(core, ids[0]!) });
    await producer.send('queue.add', { id: lead.id, version: lead.version });
    await producer.send('question.putOnAir', { id: lead.id, version: questionVersion(core, lead.id) });
    const prompter = await producer.send('prompter.get', {});
    expect(prompter.current).toMatchObject({ id: lead.id, askedBy: 4 });

    // A fifth viewer asks the same while it is on air: no new work, the counts grow everywhere.
    const grown = producer.waitForEvent('prompter.state', (s) => s.current?.askedBy === 5);
    const grownRundown = producer.waitForEvent('rundown.changed', (r) => r.items.some((i: { askedBy: number }) => i.askedBy === 5));
    const late = await ask('Жанар', 'Когда отремонтируют дорогу на Толе би у дома 45? Ямы огромные');
    expect(late.status).toBe('merged');
    await grown;
    await grownRundown;
    expect(await inboxIds({ status: 'new' })).toEqual([]);

    const done = await producer.send('outcome.record', {
      id: lead.id,
      version: questionVersion(core, lead.id),
      outcome: { kind: 'answered', summary: 'Ремонт в июне', commitments: [] },
    });
    expect(done.status).toBe('answered');
    const after = await producer.send('episode.get', { id: rundown.episode.id });
    expect(after?.outcomes).toEqual([expect.objectContaining({ questionId: lead.id, askedBy: 5 })]);
    expect([...ids, late.id].map(statusOf)).toEqual(['answered', 'merged', 'merged', 'merged', 'merged']);
  });
});
