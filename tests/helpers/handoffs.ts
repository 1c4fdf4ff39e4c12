import type { TestCore } from './core';
import { approvedQuestion, questionVersion, saveEpisode } from './episodes';
import type { TestWsClient } from './wsClient';

/** Tonight's show (20 May 2026), started once per core. */
async function liveEpisode(producer: TestWsClient): Promise<void> {
  const current = await producer.send('episode.get', {});
  if (current?.episode.status === 'live') return;
  const saved = await saveEpisode(producer, { speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }] });
  await producer.send('episode.start', { id: saved.episode.id });
}

export interface HandedOff {
  questionId: number;
  handoffId: number;
  reference: string;
}

/** A question sent through the form, queued in tonight's show and handed to `departmentCode` there. */
export async function handedOffQuestion(
  core: TestCore,
  producer: TestWsClient,
  text: string,
  departmentCode = 'mobility',
  dueDate?: string,
  extra: { language?: string } = {},
): Promise<HandedOff> {
  await liveEpisode(producer);
  const q = await approvedQuestion(core, producer, { name: 'Айжан', text, ...extra });
  await producer.send('queue.add', { id: q.id, version: questionVersion(core, q.id) });
  const department = (await producer.send('department.list', {})).items.find((d) => d.code === departmentCode)!;
  await producer.send('outcome.record', {
    id: q.id,
    version: questionVersion(core, q.id),
    outcome: { kind: 'handed_off', departmentId: department.id, ...(dueDate ? { dueDate } : {}) },
  });
  const row = core.db.prepare('SELECT id, reference FROM handoff WHERE question_id = ? ORDER BY id DESC').get(q.id) as {
    id: number;
    reference: string;
  };
  return { questionId: q.id, handoffId: row.id, reference: row.reference };
}
