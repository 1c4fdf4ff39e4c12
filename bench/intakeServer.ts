/**
 * The core as the intake benchmark loads it, in its own process: a real createCore on a fresh
 * data dir, per-sender limits off (0) and the per-IP limit set out of reach, so the benchmark
 * measures validation, commit and acknowledgement rather than the limiter's refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, DATABASE_FILE } from '../electron/core/createCore';
import { openDatabase } from '../electron/core/store/db';
import { DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../electron/core/store/settings';
import { BENCH_DESK_SECRET } from './process';

const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
const db = openDatabase(join(dataDir, DATABASE_FILE));
saveIntakeSettings(db, { ...DEFAULT_INTAKE_SETTINGS, limits: { perSenderPerMinute: 0 } }, Date.now());
db.close();

const core = await createCore({ dataDir, host: '127.0.0.1', port: 0, intakePerIpPerMinute: 1_000_000_000, deskSecret: BENCH_DESK_SECRET, log: () => {} });
console.log(`URL ${core.url}`);
// The benchmark's CPU reading: everything acknowledged so far made into questions first, so
// the time counted includes making them.
process.on('SIGUSR2', () => {
  core.intake.drain();
  const cpu = process.cpuUsage();
  console.log(`CPU_US ${cpu.user + cpu.system}`);
});
// A stop does not wait for a flood's backlog: core.close() makes what it can in a few seconds,
// the rest would wait in the ledger for the next start.
process.on('SIGTERM', () => {
  void core.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
// BENCH_TRACE=1: every second, questions made, the backlog, the loop's use and the process's CPU (all threads).
if (process.env.BENCH_TRACE) {
  let created = 0;
  core.bus.on('question.created', () => created++);
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const now = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    console.error(`trace made/s ${created} waiting ${core.intake.waiting()} elu ${now.utilization.toFixed(2)} cores ${((used.user + used.system) / 1e6).toFixed(2)}`);
    created = 0;
  }, 1000).unref();
}
