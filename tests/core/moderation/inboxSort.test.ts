import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxFilter } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';
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

const ask = (text: string): Promise<number> => askedId(core, 'Зритель', text);

/** A single question, a group of four asked after it, and another single asked last. */
async function seed(): Promise<{ first: number; group: number[]; last: number }> {
  const first = await ask('Будет ли новая школа в микрорайоне Алатау в следующем году?');
  const group: number[] = [];
  for (const text of ROAD_GROUP) group.push(await ask(text));
  const last = await ask('Почему в Наурызбайском районе вечером нет автобусов номер 99?');
  return { first, group, last };
}

async function page(filter: InboxFilter, cursor: { limit?: number; beforeId?: number; afterId?: number } = {}) {
  const reply = await producer.send('inbox.list', { limit: cursor.limit ?? 100, filter, ...cursor });
  return { ids: reply.items.map((q) => q.id), hasMore: reply.hasMore };
}

describe('the inbox sorts', () => {
  it('lists newest first by default, the group as one row', async () => {
    const { first, group, last } = await seed();
    expect((await page({})).ids).toEqual([last, group[0], first]);
    expect((await page({ sort: 'newest' })).ids).toEqual([last, group[0], first]);
  });

  it('lists oldest first and pages forward by afterId', async () => {
    const { first, group, last } = await seed();
    expect((await page({ sort: 'oldest' })).ids).toEqual([first, group[0], last]);
    const one = await page({ sort: 'oldest' }, { limit: 1 });
    expect(one).toEqual({ ids: [first], hasMore: true });
    const two = await page({ sort: 'oldest' }, { limit: 1, afterId: first });
    expect(two).toEqual({ ids: [group[0]], hasMore: true });
    const three = await page({ sort: 'oldest' }, { limit: 1, afterId: group[0] });
    expect(three).toEqual({ ids: [last], hasMore: false });
    // A text search lists every match, oldest first too.
    expect((await page({ sort: 'oldest', text: 'Толе би' })).ids).toEqual(group);
  });

  it('lists the most asked group first, then newest, as one page', async () => {
    const { first, group, last } = await seed();
    const reply = await producer.send('inbox.list', { limit: 100, filter: { sort: 'groupSize' } });
    expect(reply.items.map((q) => [q.id, q.groupSize])).toEqual([
      [group[0], 4],
      [last, 1],
      [first, 1],
    ]);
    // No further page in this order: a cursor is not a way to walk it.
    expect(await page({ sort: 'groupSize' }, { limit: 2 })).toEqual({ ids: [group[0], last], hasMore: false });
    expect((await page({ sort: 'groupSize', statuses: ['new'] })).ids).toEqual([group[0], last, first]);
  });
});
