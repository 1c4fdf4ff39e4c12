/**
 * `npm run bench`'s CPU row (issue 15): the desk's CPU time per acknowledged message — form post
 * validated, entered in the ledger, acknowledged, and its question made (analysis, grouping,
 * search index) — against the physical floor of the same work measured in the same run: a bare
 * node:http request plus a raw better-sqlite3 group-commit insert of the same row
 * (intakeFloorServer.ts). Both at the same steady rate, no consoles; each server's CPU is read
 * after a warm-up and again once everything acknowledged is made. Target: ≤ 2× the floor.
 *
 * The floor itself varies by a fifth from run to run on a shared machine (most of it is the
 * kernel's fsync), so floor and desk run in turns, `--rounds` times, and the row reports the
 * median of the rounds' ratios with their range.
 *
 *   node --import tsx bench/cpu.ts [--rate 1000] [--duration 10] [--rounds 3] [--out bench/results/cpu.json]
 */
import { parseArgs } from 'node:util';
import { pacedLoad } from './pacedLoad';
import { cpuUs, startBundledServer, stop } from './process';
import { writePart } from './report';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results/cpu.json' },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.duration);
const TARGET_RATIO = 2;

async function cpuPerMessage(script: string): Promise<{ usPerMessage: number; acknowledged: number; failed: number }> {
  const server = await startBundledServer(script);
  await pacedLoad({ url: server.url, rate: RATE, seconds: 2, warmUpSeconds: 0, tag: 'warm-' });
  const before = await cpuUs(server);
  const load = await pacedLoad({ url: server.url, rate: RATE, seconds: SECONDS, warmUpSeconds: 0, tag: 'load-' });
  const after = await cpuUs(server);
  await stop(server.child);
  return { usPerMessage: Math.round((after - before) / Math.max(1, load.acked.size)), acknowledged: load.acked.size, failed: load.failed };
}

type Measured = Awaited<ReturnType<typeof cpuPerMessage>>;
const rounds: Array<{ floor: Measured; desk: Measured; ratio: number }> = [];
for (let i = 0; i < Number(args.rounds); i++) {
  const floor = await cpuPerMessage('bench/intakeFloorServer.ts');
  const desk = await cpuPerMessage('bench/intakeServer.ts');
  rounds.push({ floor, desk, ratio: desk.usPerMessage / floor.usPerMessage });
  console.log(`intake CPU, round ${i + 1}: desk ${desk.usPerMessage} µs/message, floor ${floor.usPerMessage} µs/message`);
}
const median = <T>(list: readonly T[], value: (item: T) => number): T => [...list].sort((a, b) => value(a) - value(b))[Math.floor(list.length / 2)]!;
const typical = median(rounds, (r) => r.ratio);
const ratios = rounds.map((r) => r.ratio);
const failed = rounds.reduce((sum, r) => sum + r.desk.failed, 0);
const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
writePart(
  args.out,
  'cpu',
  [
    {
      name: `intake CPU per acknowledged message, ${RATE.toLocaleString('en')} msg/s (median of ${rounds.length})`,
      target: `≤ ${TARGET_RATIO}× floor`,
      measured: `${typical.desk.usPerMessage} µs (rounds ${range})${failed > 0 ? `, ${failed} failed` : ''}`,
      baseline: `http + raw insert ${typical.floor.usPerMessage} µs`,
      ratio: typical.ratio,
      pass: typical.ratio <= TARGET_RATIO && failed === 0,
    },
  ],
  { rate: RATE, seconds: SECONDS, rounds },
);
