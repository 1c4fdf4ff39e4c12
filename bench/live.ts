/**
 * `npm run bench`'s live-update rows (issue 15): acknowledgement → `question.created` on 20
 * consoles at a sustained 200, 1,000 and 2,000 messages a second, each against the bare floor
 * (liveFloorServer.ts) at the same rate in the same run. Target: p95 ≤ 1 s and no event missing
 * up to 1,000 msg/s; beyond that the desk may shed to a backlog, so 2,000 is reported. Each rate
 * starts on a warm desk (liveUpdate.ts); the senders' own wait for their acknowledgement is
 * reported beside it, since a desk that cannot accept a rate shows it there first.
 *
 *   node --import tsx bench/live.ts [--duration 30] [--floor-duration 5] [--rates 200,1000,2000] [--out bench/results/live.json]
 */
import { parseArgs } from 'node:util';
import { runLiveUpdate, type LiveUpdateResult } from './liveUpdate';
import { ms, writePart, type BenchRow } from './report';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    'floor-duration': { type: 'string', default: '5' },
    rates: { type: 'string', default: '200,1000,2000' },
    out: { type: 'string', default: 'bench/results/live.json' },
  },
});
const RATES = args.rates.split(',').map(Number);
const CLIENTS = 20;
const TARGET_P95_MS = 1000;
const KEEPS_UP_TO = 1000;

const rows: BenchRow[] = [];
const details: Array<{ desk: LiveUpdateResult; floor: LiveUpdateResult }> = [];
for (const rate of RATES) {
  const floor = await runLiveUpdate({ server: 'bench/liveFloorServer.ts', clients: CLIENTS, rate, durationSeconds: Number(args['floor-duration']) });
  const desk = await runLiveUpdate({ server: 'bench/intakeServer.ts', clients: CLIENTS, rate, durationSeconds: Number(args.duration) });
  details.push({ desk, floor });
  const held = rate <= KEEPS_UP_TO;
  const missingShare = desk.missing / Math.max(1, desk.acknowledged * CLIENTS);
  rows.push({
    name: `ack → on ${CLIENTS} consoles, ${rate.toLocaleString('en')} msg/s, ${desk.durationSeconds} s`,
    target: held ? `p95 ≤ ${ms(TARGET_P95_MS)}, 0 missing` : 'reported (backlog allowed)',
    measured:
      `p50 ${ms(desk.p50Ms)} / p95 ${ms(desk.p95Ms)} / p99 ${ms(desk.p99Ms)}, ` +
      `${desk.missing.toLocaleString('en')} missing${desk.missing > 0 ? ` (${(missingShare * 100).toFixed(1)} %)` : ''}` +
      `${desk.failed > 0 ? `, ${desk.failed} failed` : ''}; senders acknowledged p50 ${ms(desk.ackP50Ms)} / p95 ${ms(desk.ackP95Ms)}`,
    baseline: `bare floor p95 ${ms(floor.p95Ms)}, ${floor.missing} missing`,
    ratio: desk.p95Ms / Math.max(floor.p95Ms, 1),
    pass: held ? desk.p95Ms <= TARGET_P95_MS && desk.missing === 0 && desk.failed === 0 : null,
  });
  console.log(`live ${rate} msg/s: desk p95 ${desk.p95Ms} ms, ${desk.missing} missing; floor p95 ${floor.p95Ms} ms`);
}
writePart(args.out, 'live', rows, details);
