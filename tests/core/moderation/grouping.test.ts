import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getQuestion } from '../../../electron/core/store/questions';
import { startTestCore, type TestCore } from '../../helpers/core';
import { labelledSet, pairScores, type LabelledQuestion } from '../../helpers/labelledQuestions';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

/** Sends texts through intake one by one, in arrival order; returns the stored questions' ids. */
async function throughIntake(texts: readonly string[], prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, text] of texts.entries()) {
    const { questionId } = await core.intake.accept({
      channel: 'telegram',
      externalId: `${prefix}-${i}`,
      senderName: 'Тест',
      senderUserId: `${prefix}-user-${i}`,
      text,
    });
    ids.push(questionId);
  }
  return ids;
}

const groupOf = (id: number): number => getQuestion(core.db, id)!.groupId!;

describe('near-duplicate grouping as stored at intake (blocking keys in SQLite)', () => {
  it('reaches the issue’s floors on the held-out set, and stores each group’s size and each question’s language', async () => {
    const heldout: LabelledQuestion[] = labelledSet('heldout');
    const ids = await throughIntake(
      heldout.map((q) => q.text),
      'hold',
    );
    const s = pairScores(heldout, ids.map(groupOf));
    console.log(`stored grouping (held out, ${ids.length} questions): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} ru↔kk ${s.ruKkRecall.toFixed(3)}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.ruKkRecall).toBeGreaterThanOrEqual(0.75);

    const mismatched = core.db
      .prepare('SELECT g.id FROM question_group g WHERE g.size <> (SELECT COUNT(*) FROM question q WHERE q.group_id = g.id)')
      .all();
    expect(mismatched).toEqual([]);
    const languages = ids.map((id) => getQuestion(core.db, id)!.language);
    const right = languages.filter((lang, i) => lang === heldout[i]!.language).length;
    expect(right / ids.length).toBeGreaterThanOrEqual(0.97);
  });

  it('is not thrown off by a phone number or e-mail in the text', async () => {
    const [a, b] = await throughIntake(
      ['Когда отремонтируют дорогу на проспекте Абая?', 'Когда починят дорогу на Абая? Звоните +7 701 123 45 67, пишите aigul@mail.kz'],
      'pd',
    );
    expect(groupOf(b!)).toBe(groupOf(a!));
  });

  it('puts neither a question a producer split out nor its duplicates back into the old group', async () => {
    const producer = await TestWsClient.connect(core.url, 'producer', 'ru', 'Алия');
    try {
      const [a, b, c] = await throughIntake(['В Шугыле нет воды', 'Шұғылада су жоқ', 'Шугыла без воды уже неделю'], 'ev');
      expect(new Set([groupOf(a!), groupOf(b!), groupOf(c!)]).size).toBe(1);
      const old = groupOf(a!);
      const split = await producer.send('question.split', { id: c!, version: getQuestion(core.db, c!)!.version });
      expect(split.groupId).not.toBe(old);
      const [d] = await throughIntake(['Шугыла без воды уже неделю!'], 'ev2');
      expect(groupOf(d!)).toBe(split.groupId);
      expect(getQuestion(core.db, groupOf(a!) === old ? a! : b!)!.groupSize).toBe(2);
    } finally {
      producer.close();
    }
  });

  it('follows a producer’s merge: a later duplicate of the merged question joins its new group', async () => {
    const producer = await TestWsClient.connect(core.url, 'producer', 'ru', 'Алия');
    try {
      const [a, b] = await throughIntake(['Когда в Таусамалы проведут газ?', 'Таусамалы: свет отключают каждый вечер'], 'mg');
      expect(groupOf(b!)).not.toBe(groupOf(a!));
      await producer.send('question.merge', { id: b!, version: 1, intoId: a! });
      const [c] = await throughIntake(['Таусамалы: свет отключают каждый вечер!'], 'mg2');
      expect(groupOf(c!)).toBe(groupOf(a!));
    } finally {
      producer.close();
    }
  });
});
