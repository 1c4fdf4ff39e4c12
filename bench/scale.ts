/**
 * `npm run bench`'s scale rows (issue 15, shared/design.md): the core as it ships (the esbuild
 * bundle, dist/core/serve.mjs) started on a database of 1,000,000 questions (bench/scaleDatabase.ts,
 * built once and reused) and on an empty one in the same run. Start-up: from spawning the process to
 * its address printed. Memory: the core's peak RSS (VmHWM) after 20 consoles connected, each loaded
 * the inbox's first page, and a round of searches and filters ran. Targets: RSS ≤ 300 MB; start-up
 * no more than 2× the empty database's (it must not grow with the data).
 *
 *   node --import tsx bench/scale.ts [--rows 1000000] [--out bench/results/scale.json]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../electron/core/createCore';
import WebSocket from 'ws';
import type { InboxFilter } from '../shared/protocol';
import { deskHeaders, ROOT, startServer, stop } from './process';
import { ms, writePart } from './report';
import { cachedDatabase } from './scaleDatabase';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/results/scale.json' },
  },
});
const ROWS = Number(args.rows);
const CONSOLES = 20;
const RSS_TARGET_MB = 300;
const START_TARGET_RATIO = 2;
const SEARCHES = ['абая', 'әкімдік', 'светофор', 'балабақша', 'дорог', 'қаңғыбас иттер', 'отоплен', 'ремонт абая'];

interface CoreRun {
  startMs: number;
  peakRssMb: number;
  inboxPageMs: number;
}

/** A producer console's socket, signed in as the desk's own window, that pages the inbox. */
async function openConsole(url: string): Promise<{ inbox: (filter: InboxFilter) => Promise<void>; close: () => void }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?role=producer&lang=en&name=bench`, { headers: deskHeaders(url) });
  const replies = new Map<number, () => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: number };
    if (message.type === 'reply' && message.id !== undefined) replies.get(message.id)?.();
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  return {
    inbox: (filter) =>
      new Promise<void>((resolve) => {
        const id = nextId++;
        replies.set(id, resolve);
        socket.send(JSON.stringify({ type: 'command', id, name: 'inbox.list', payload: { limit: 200, filter } }));
      }),
    close: () => socket.close(),
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024);
}

async function runCore(dataDir: string): Promise<CoreRun> {
  const t0 = performance.now();
  const server = await startServer(['dist/core/serve.mjs', '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], { typescript: false });
  const startMs = performance.now() - t0;
  const consoles = await Promise.all(Array.from({ length: CONSOLES }, () => openConsole(server.url)));
  const t1 = performance.now();
  await Promise.all(consoles.map((c) => c.inbox({})));
  const inboxPageMs = (performance.now() - t1) / CONSOLES;
  for (const [i, text] of SEARCHES.entries()) {
    await consoles[i % CONSOLES]!.inbox({ text });
    await consoles[i % CONSOLES]!.inbox({ text, status: 'new' });
  }
  await consoles[0]!.inbox({ flagged: true });
  const peak = peakRssMb(server.child.pid!);
  for (const c of consoles) c.close();
  await stop(server.child);
  return { startMs, peakRssMb: peak, inboxPageMs };
}

spawnSync(process.execPath, ['scripts/buildCore.mjs'], { cwd: ROOT, stdio: 'inherit' });
const cached = cachedDatabase(ROWS);
// A copy per run (a reflink where the file system has them): the core writes to its database.
const bigDir = mkdtempSync(join(tmpdir(), 'desk-bench-scale-'));
copyFileSync(cached.file, join(bigDir, DATABASE_FILE), constants.COPYFILE_FICLONE);
const emptyDir = mkdtempSync(join(tmpdir(), 'desk-bench-empty-'));
try {
  const empty = await runCore(emptyDir);
  const big = await runCore(bigDir);
  console.log(`scale: start ${Math.round(big.startMs)} ms (empty ${Math.round(empty.startMs)} ms), peak RSS ${big.peakRssMb} MB (empty ${empty.peakRssMb} MB)`);
  const rowsLabel = ROWS.toLocaleString('en');
  writePart(
    args.out,
    'scale',
    [
      {
        name: `core RSS (peak), ${rowsLabel} questions, ${CONSOLES} consoles`,
        target: `≤ ${RSS_TARGET_MB} MB`,
        measured: `${big.peakRssMb} MB`,
        baseline: `empty database ${empty.peakRssMb} MB`,
        ratio: big.peakRssMb / empty.peakRssMb,
        pass: big.peakRssMb <= RSS_TARGET_MB,
      },
      {
        name: `core start-up (bundle), ${rowsLabel} questions`,
        target: `≤ ${START_TARGET_RATIO}× empty database`,
        measured: ms(big.startMs),
        baseline: `empty database ${ms(empty.startMs)}`,
        ratio: big.startMs / empty.startMs,
        pass: big.startMs / empty.startMs <= START_TARGET_RATIO,
      },
    ],
    { rows: ROWS, databaseBuiltMs: cached.builtMs, empty, big },
  );
} finally {
  rmSync(bigDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
}
