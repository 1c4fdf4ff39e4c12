import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient } from '../helpers/wsClient';

let core: TestCore;

beforeAll(async () => {
  core = await startTestCore();
});
afterAll(async () => {
  await core?.stop();
});

const names = (payload: { producers: Array<{ name: string }> }): string[] => payload.producers.map((p) => p.name);

/** The first `presence.changed` the client receives after it had `seen` events that matches. */
async function nextPresence(client: TestWsClient, seen: number, match: (names: string[]) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = client.events.slice(seen).find((e) => e.name === 'presence.changed' && match(names(e.payload)));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No matching presence.changed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('presence', () => {
  it('drops a producer the moment their socket closes, not after the 30 s timeout', async () => {
    const alice = await TestWsClient.connect(core.url, 'producer', 'ru', 'Айгерим');
    const bob = await TestWsClient.connect(core.url, 'producer', 'ru', 'Бекзат');
    await bob.send('presence.update', { session: 's-bob-0001', name: 'Бекзат', questionId: null, activity: 'viewing' });
    await alice.send('presence.update', { session: 's-alice-0001', name: 'Айгерим', questionId: 3, activity: 'editing' });
    await bob.waitForEvent('presence.changed', (p) => names(p).includes('Айгерим'));

    const closedAt = Date.now();
    const seen = bob.events.length;
    alice.close();
    const after = await nextPresence(bob, seen, (list) => !list.includes('Айгерим'), 3000);
    expect(Date.now() - closedAt).toBeLessThan(3000);
    expect(names(after.payload)).toEqual(['Бекзат']);
    expect(names(await bob.send('presence.update', { session: 's-bob-0001', name: 'Бекзат', questionId: null, activity: 'viewing' }))).toEqual(['Бекзат']);
    bob.close();
  });

  it('keeps a session that a newer socket reported when the old socket closes (a reconnection)', async () => {
    const watcher = await TestWsClient.connect(core.url, 'producer', 'ru', 'Бекзат');
    const before = await TestWsClient.connect(core.url, 'producer', 'ru', 'Айгерим');
    await before.send('presence.update', { session: 's-tab-00001', name: 'Айгерим', questionId: null, activity: 'viewing' });
    const after = await TestWsClient.connect(core.url, 'producer', 'ru', 'Айгерим');
    await after.send('presence.update', { session: 's-tab-00001', name: 'Айгерим', questionId: 5, activity: 'viewing' });
    before.close();
    // A later change from another socket shows the list as the server has it once the old close is handled.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const list = await watcher.send('presence.update', { session: 's-watch-0001', name: 'Бекзат', questionId: null, activity: 'viewing' });
    expect(list.producers.filter((p) => p.session === 's-tab-00001').map((p) => p.questionId)).toEqual([5]);
    after.close();
    watcher.close();
  });
});
