import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../../../electron/core/hub/eventLog';
import { startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function ask(text: string, id: string): Promise<string> {
  return (await core!.intake.accept({ channel: 'web', externalId: id, senderName: 'Айгүл', text })).reference;
}

const createdReferences = (client: TestWsClient) =>
  client.events.filter((e) => e.name === 'question.created').map((e) => e.payload.reference as string);

describe('resuming a console after its socket dropped', () => {
  it('replays every event made while it was away, in order, and nothing it already had', async () => {
    core = await startTestCore();
    const first = await TestWsClient.connect(core.url, 'producer');
    expect(first.hello?.resumed).toBe(false);
    const before = [await ask('Когда починят лифт?', 'r1'), await ask('Қашан жол жөнделеді?', 'r2')];
    await first.waitForEvent('question.created', (q) => q.reference === before[1]);
    const cursor = first.cursor;
    first.close();

    const missed: string[] = [];
    for (let i = 0; i < 7; i++) missed.push(await ask(`Вопрос номер ${i} про парк Горького`, `m${i}`));

    const again = await TestWsClient.connect(core.url, 'producer', 'en', undefined, cursor);
    expect(again.hello?.resumed).toBe(true);
    await again.waitForEvent('question.created', (q) => q.reference === missed.at(-1));
    expect(createdReferences(again)).toEqual(missed);
    const seqs = again.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    again.close();
  });

  it('replays only what the role may see: a teleprompter never receives questions', async () => {
    core = await startTestCore();
    const prompter = await TestWsClient.connect(core.url, 'speaker');
    const cursor = prompter.cursor;
    prompter.close();
    await ask('Когда откроют новую школу?', 's1');
    const again = await TestWsClient.connect(core.url, 'speaker', 'en', undefined, cursor);
    expect(again.hello?.resumed).toBe(true);
    // A producer connected after the question sees it in a fresh load, not as an event: flush the turn.
    const producer = await TestWsClient.connect(core.url, 'producer');
    await ask('И ещё один вопрос', 's2');
    await producer.waitForEvent('question.created');
    expect(again.events.filter((e) => e.name.startsWith('question.'))).toEqual([]);
    again.close();
    producer.close();
  });

  it('tells a client from another run of the core to reload instead of resuming', async () => {
    core = await startTestCore();
    const client = await TestWsClient.connect(core.url, 'producer', 'en', undefined, 'otherrun.5');
    expect(client.hello?.resumed).toBe(false);
    expect(client.hello?.cursor.epoch).not.toBe('otherrun');
    const future = await TestWsClient.connect(core.url, 'producer', 'en', undefined, `${client.hello!.cursor.epoch}.999999`);
    expect(future.hello?.resumed).toBe(false);
    client.close();
    future.close();
  });
});

describe('EventLog', () => {
  it('numbers events and refuses a cursor whose missed events were already dropped', () => {
    const log = new EventLog(3);
    const start = log.cursor;
    for (let i = 1; i <= 5; i++) log.append('intake.waiting', { waiting: i });
    expect(log.cursor.seq).toBe(5);
    // Events 1 and 2 are gone: a client that saw none of them cannot be made whole.
    expect(log.since(start, 'producer')).toBeNull();
    expect(log.since({ epoch: log.epoch, seq: 1 }, 'producer')).toBeNull();
    expect(log.since({ epoch: log.epoch, seq: 2 }, 'producer')!.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(log.since({ epoch: log.epoch, seq: 5 }, 'producer')).toEqual([]);
    expect(log.since({ epoch: log.epoch, seq: 2 }, 'speaker')).toEqual([]);
  });
});
