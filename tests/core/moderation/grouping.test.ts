import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getQuestion } from '../../../electron/core/store/questions';
import { startTestCore, type TestCore } from '../../helpers/core';

interface LabelledQuestion {
  text: string;
  group: string | null;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/questions/near-duplicates.json', import.meta.url), 'utf8'),
) as { questions: LabelledQuestion[]; holdout: LabelledQuestion[] };

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

/** Sends the questions through intake one by one, in arrival order; returns their stored groups. */
async function groupThroughIntake(questions: readonly LabelledQuestion[], prefix: string): Promise<number[]> {
  const groups: number[] = [];
  for (const [i, q] of questions.entries()) {
    const { questionId } = await core.intake.accept({
      channel: 'telegram',
      externalId: `${prefix}-${i}`,
      senderName: 'Тест',
      senderUserId: `${prefix}-user-${i}`,
      text: q.text,
    });
    groups.push(getQuestion(core.db, questionId)!.groupId!);
  }
  return groups;
}

/** Pairwise precision and recall of the stored groups against the hand-made labels. */
function scores(questions: readonly LabelledQuestion[], groups: readonly number[]) {
  let truePairs = 0;
  let predicted = 0;
  let correct = 0;
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const label = questions[i]!.group;
      const same = label !== null && label === questions[j]!.group;
      const together = groups[i] === groups[j];
      if (same) truePairs++;
      if (together) predicted++;
      if (same && together) correct++;
    }
  }
  return { precision: predicted === 0 ? 1 : correct / predicted, recall: truePairs === 0 ? 1 : correct / truePairs };
}

describe('near-duplicate grouping as stored at intake (blocking keys in SQLite)', () => {
  it('groups the labelled fixture with the same floors as the pure algorithm', async () => {
    const groups = await groupThroughIntake(fixture.questions, 'tune');
    const { precision, recall } = scores(fixture.questions, groups);
    console.log(`stored grouping (tuning set, ${groups.length} questions): precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);

    // Every group's stored size is its number of members.
    const mismatched = core.db
      .prepare('SELECT g.id FROM question_group g WHERE g.size <> (SELECT COUNT(*) FROM question q WHERE q.group_id = g.id)')
      .all();
    expect(mismatched).toEqual([]);
  });

  it('keeps precision on the held-out questions', async () => {
    const groups = await groupThroughIntake(fixture.holdout, 'hold');
    const { precision, recall } = scores(fixture.holdout, groups);
    console.log(`stored grouping (holdout, ${groups.length} questions): precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.25);
  });

  it('is not thrown off by a phone number or e-mail in the text', async () => {
    const [a, b] = await groupThroughIntake(
      [
        { text: 'Когда отремонтируют дорогу на проспекте Абая?', group: 'abay' },
        { text: 'Когда починят дорогу на Абая? Звоните +7 701 123 45 67, пишите aigul@mail.kz', group: 'abay' },
      ],
      'pd',
    );
    expect(b).toBe(a);
  });
});
