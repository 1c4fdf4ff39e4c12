/**
 * `npm run bench`'s grouping row (issue 13: keep grouping's latency in the bench): the analysis
 * each new question gets inside its commit — flags, suggestions, fingerprint and near-duplicate
 * grouping (moderation's `onInserted`) — timed per question while `--questions` realistic
 * messages (ru/kk/en texts of the grouping fixture with typos and greetings) go through the real
 * intake. Blocking keys are meant to bound the cost: the last 1,000 questions are compared with
 * the first 1,000 of the same run. Target: p95 no more than 2× the first thousand's.
 *
 *   node --import tsx bench/grouping.ts [--questions 20000] [--out bench/results/grouping.json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EventBus } from '../electron/core/events';
import { createIntake } from '../electron/core/intake/accept';
import { createModeration } from '../electron/core/moderation';
import { openDatabase } from '../electron/core/store/db';
import { mixBodies } from './messages';
import { ms, percentile, writePart } from './report';

const { values: args } = parseArgs({
  options: {
    questions: { type: 'string', default: '20000' },
    out: { type: 'string', default: 'bench/results/grouping.json' },
  },
});
const QUESTIONS = Number(args.questions);
const WINDOW = 1000;
const TARGET_RATIO = 2;

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-grouping-'));
const db = openDatabase(join(dir, 'desk.sqlite'));
const bus = new EventBus();
const moderation = createModeration({ db, bus, now: Date.now });
const samples: number[] = [];
const intake = createIntake({
  db,
  bus,
  now: Date.now,
  perSenderPerMinute: () => 0,
  onInserted: (tx, question) => {
    const t0 = performance.now();
    const analysed = moderation.onInserted(tx, question);
    samples.push(performance.now() - t0);
    return analysed;
  },
});
const body = mixBodies();
for (let sent = 0; sent < QUESTIONS; sent += 100) {
  await Promise.all(
    Array.from({ length: Math.min(100, QUESTIONS - sent) }, () => {
      const form = body();
      return intake.accept({ channel: 'web', externalId: form.submissionId, senderName: form.name, text: form.text, language: form.language });
    }),
  );
  intake.drain();
}
await intake.close();
moderation.close();
const groups = (db.prepare('SELECT COUNT(*) AS n FROM question_group').get() as { n: number }).n;
db.close();
rmSync(dir, { recursive: true, force: true });

const stats = (part: number[]) => {
  const sorted = [...part].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const first = stats(samples.slice(0, WINDOW));
const last = stats(samples.slice(-WINDOW));
const ratio = last.p95 / first.p95;
console.log(`grouping: ${samples.length} questions in ${groups} groups; p95 first ${WINDOW} ${first.p95.toFixed(2)} ms, last ${WINDOW} ${last.p95.toFixed(2)} ms`);
writePart(
  args.out,
  'grouping',
  [
    {
      name: `analysis + grouping per question, at ${samples.length.toLocaleString('en')}`,
      target: `p95 ≤ ${TARGET_RATIO}× first 1,000`,
      measured: `p50 ${ms(last.p50)} / p95 ${ms(last.p95)}`,
      baseline: `first 1,000: p95 ${ms(first.p95)}`,
      ratio,
      pass: ratio <= TARGET_RATIO,
    },
  ],
  { questions: samples.length, groups, first, last },
);
