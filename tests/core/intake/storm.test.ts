import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/protocol';
import { createIntake, type AcceptResult } from '../../../electron/core/intake/accept';
import { createModeration } from '../../../electron/core/moderation';
import { analyseText, type TextAnalysis, type TextToAnalyse } from '../../../electron/core/moderation/textAnalysis';
import { getQuestion } from '../../../electron/core/store/questions';
import { DEFAULT_SUGGESTION_RULES } from '../../../shared/suggestionRules';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

/** A flood as far as pacing goes: nothing is made inside the acknowledging commit, one question a turn. */
const FLOODED = { alwaysInlineUpTo: 0, maxSliceMs: 0.01 };
const instantDisk = { sync: () => Promise.resolve(), close: async () => {} };

describe('a storm on air', () => {
  it('makes the backlog first in first out while more keeps arriving, and says how much waits until it is empty', async () => {
    core = await startTestCore();
    const intake = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, durability: instantDisk });
    const made: Question[] = [];
    core.bus.on('question.created', (q) => made.push(q));
    const reports: number[] = [];
    core.bus.on('intake.waiting', ({ waiting }) => reports.push(waiting));
    const send = (wave: number) =>
      Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          intake.accept({ channel: 'webhook', externalId: `w${wave}-${i}`, senderName: 'Зритель', text: `Волна ${wave}, вопрос ${i} про дороги` }),
        ),
      );
    // A second and third wave arrive while the first is still being made: sent as its first question appears.
    let later: Promise<AcceptResult[]> | null = null;
    let madeWhenMoreArrived = -1;
    core.bus.on('question.created', () => {
      if (later) return;
      madeWhenMoreArrived = made.length;
      later = send(2).then(async (two) => [...two, ...(await send(3))]);
    });
    const acknowledged: AcceptResult[] = [...(await send(1))];
    expect(intake.waiting()).toBe(25);
    await expect.poll(() => later).not.toBeNull();
    acknowledged.push(...(await later!));
    expect(madeWhenMoreArrived).toBeLessThan(25);
    await expect.poll(() => made.length, { timeout: 10_000 }).toBe(75);
    // Oldest first, each once: the order questions were acknowledged in.
    expect(made.map((q) => q.reference)).toEqual(acknowledged.map((r) => r.reference));
    expect(intake.waiting()).toBe(0);
    // The console heard the backlog while it lasted (a live count), and last that it is empty.
    expect(Math.max(...reports)).toBeGreaterThanOrEqual(25);
    await expect.poll(() => reports.at(-1)).toBe(0);
    await intake.close();
  });

  it('leaves nothing acknowledged out: every 2xx of a flood reaches a connected console, once', async () => {
    core = await startTestCore({ intakePerIpPerMinute: 1_000_000 });
    const consoles = await Promise.all([TestWsClient.connect(core.url), TestWsClient.connect(core.url)]);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postJson(`${core!.url}/api/questions`, { name: `Зритель ${i}`, text: `Когда отремонтируют двор номер ${i}?`, district: 'medeu' }),
      ),
    );
    const references = answers.filter((a) => a.status === 201).map((a) => a.json.value.reference as string);
    expect(references).toHaveLength(200);
    for (const client of consoles) {
      await expect
        .poll(() => client.events.filter((e) => e.name === 'question.created').length, { timeout: 20_000 })
        .toBe(200);
      const seen = client.events.filter((e) => e.name === 'question.created').map((e) => e.payload.reference as string);
      expect(new Set(seen).size).toBe(200);
      expect([...seen].sort()).toEqual([...references].sort());
      client.close();
    }
    expect(core.intake.waiting()).toBe(0);
  }, 60_000);

  it('makes a storm from analyses done ahead off the main thread, and analyses itself what was edited meanwhile or when they fail', async () => {
    core = await startTestCore();
    const moderation = createModeration({ db: core.db, bus: core.bus, now: Date.now });
    const batches: TextToAnalyse[][] = [];
    let hold = false;
    let release = (): void => {};
    // Stands in for the worker pool; marks each analysis (a flag no clean text raises), to tell
    // which questions were made from it.
    const marked = (texts: readonly TextToAnalyse[]): TextAnalysis[] =>
      texts.map((t) => ({ ...analyseText(t, DEFAULT_SUGGESTION_RULES), flags: ['profanity'] }));
    const analyse = (texts: readonly TextToAnalyse[]) => {
      batches.push([...texts]);
      if (!hold) return Promise.resolve(marked(texts));
      return new Promise<TextAnalysis[]>((resolve) => (release = () => resolve(marked(texts))));
    };
    const intake = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, durability: instantDisk, onInserted: moderation.onInserted, analyse, analyseWaitMs: 60_000, analyseFromBacklog: 32 });
    const made: Question[] = [];
    core.bus.on('question.created', (q) => made.push(q));
    const storm = (prefix: string) =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          intake.accept({ channel: 'webhook', externalId: `${prefix}-${i}`, senderName: 'Зритель', text: `Когда починят лифт в доме ${i} на Абая?` }),
        ),
      );
    // A first storm: the workers answer (until then this thread makes what waits).
    await storm('warm');
    await expect.poll(() => made.length, { timeout: 10_000 }).toBe(40);
    expect(batches.length).toBeGreaterThan(0);
    made.length = 0;
    batches.length = 0;
    hold = true;
    const acknowledged = await storm('a');
    // Nothing is made on the main thread while the analysis is on its way.
    await expect.poll(() => batches.length).toBe(1);
    expect(batches[0]!.map((t) => t.text)).toEqual(acknowledged.map((_, i) => `Когда починят лифт в доме ${i} на Абая?`));
    await new Promise((r) => setTimeout(r, 50));
    expect(made).toHaveLength(0);
    // One sender edits a waiting message: its analysis is stale.
    expect(intake.edit({ channel: 'webhook', externalId: 'a-3', text: 'Когда уберут снег во дворе на Сатпаева?' }).kind).toBe('updatedWaiting');
    release();
    await expect.poll(() => made.length, { timeout: 10_000 }).toBe(40);
    expect(made.map((q) => q.reference)).toEqual(acknowledged.map((r) => r.reference));
    for (const q of made) {
      const stored = getQuestion(core.db, q.id)!;
      expect(stored.flags).toEqual(q.id === acknowledged[3]!.questionId ? [] : ['profanity']);
      expect(stored.groupId).not.toBeNull();
    }

    // A few waiting messages are made at once, without a round trip to the workers.
    const idle = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, durability: instantDisk, onInserted: moderation.onInserted, analyse: () => new Promise<TextAnalysis[]>(() => {}) });
    made.length = 0;
    await Promise.all(Array.from({ length: 5 }, (_, i) => idle.accept({ channel: 'webhook', externalId: `c-${i}`, senderName: 'Зритель', text: `Когда уберут снег во дворе ${i}?` })));
    await expect.poll(() => made.length).toBe(5);
    await idle.close();

    // The pool fails: the next storm is analysed on the main thread, and nothing is lost.
    const logged: string[] = [];
    const failing = createIntake({
      db: core.db,
      bus: core.bus,
      now: Date.now,
      pace: FLOODED,
      durability: instantDisk,
      onInserted: moderation.onInserted,
      analyse: () => Promise.reject(new Error('worker gone')),
      analyseFromBacklog: 32,
      log: (message) => logged.push(message),
    });
    made.length = 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => failing.accept({ channel: 'webhook', externalId: `b-${i}`, senderName: 'Зритель', text: `Когда починят лифт в доме ${i} на Абая?` })),
    );
    await expect.poll(() => made.length, { timeout: 10_000 }).toBe(40);
    expect(made.every((q) => getQuestion(core!.db, q.id)!.flags.length === 0)).toBe(true);
    expect(logged.some((m) => m.includes('analysis workers failed'))).toBe(true);
    await intake.close();
    await failing.close();
    moderation.close();
  });
});
