/**
 * The live-update benchmark in a process of its own (`npm run bench` starts it): the consoles'
 * socket clients and the paced sender must not share a thread with what the other benchmarks
 * left behind, or their own delays would be measured as the desk's.
 *
 *   node --import tsx bench/liveUpdateRun.ts --duration 10 --out bench/results/live.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runLiveUpdateBench } from './liveUpdate';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, out: { type: 'string' } },
});
const live = await runLiveUpdateBench({ clients: 20, rate: 1000, durationSeconds: Number(args.duration) });
console.log(`\nLive update: ${live.clients} consoles, ${live.rate} messages/s for ${live.durationSeconds} s (acknowledgement → question.created at each console)`);
console.log(
  `  ${live.acknowledged} acknowledged, ${live.missing} events missing; p50 ${live.p50Ms} ms, p95 ${live.p95Ms} ms, p99 ${live.p99Ms} ms ` +
    `(target p95 ≤ 50 ms) ${live.p95Ms <= 50 && live.missing === 0 ? 'OK' : 'BELOW TARGET'}`,
);
if (args.out) writeFileSync(args.out, `${JSON.stringify({ at: new Date().toISOString(), ...live }, null, 2)}\n`);
