import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/core';

/**
 * `npm start` (scripts/start.mjs) in browser mode as a real process tree: launcher → core. Every
 * wait below is a generous poll for an outcome, never a fixed sleep: the first launch may build the
 * UI and the core bundle, and the machine is shared.
 */

const READY_MS = 240_000;
const GONE_MS = 30_000;

const dataDir = mkdtempSync(join(tmpdir(), 'desk-launcher-'));
const started: ChildProcess[] = [];
const corePids: number[] = [];

afterEach(() => {
  // Whatever a failed case left behind must not hold a port for the next one.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of corePids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Alive and not a zombie (an orphan's zombie may never be reaped in a container). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return children;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Launched {
  launcher: ChildProcess;
  core: number;
  port: number;
  output: () => string;
}

/** Starts `node scripts/start.mjs --browser --port 0` and waits until its core answers. */
async function launch(): Promise<Launched> {
  const launcher = spawn(process.execPath, ['scripts/start.mjs', '--browser', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    // `--open` is the launcher's own: `true` stands in for a browser, so none is opened.
    env: { ...process.env, BROWSER: 'true', DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(launcher);
  let out = '';
  launcher.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let port = 0;
  await until(
    'the core prints its address',
    () => {
      if (launcher.exitCode !== null) throw new Error(`the launcher exited (${launcher.exitCode}): ${out}`);
      const match = /Public form: +http:\/\/127\.0\.0\.1:(\d+)\/ask/.exec(out);
      if (match) port = Number(match[1]);
      return port > 0;
    },
    READY_MS,
  );
  await until('the port answers', () => portAnswers(port), GONE_MS);
  // The launcher's other child, if any, is esbuild's service from building the core bundle.
  const cores = childrenOf(launcher.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('serve.mjs'));
  expect(cores, out).toHaveLength(1);
  corePids.push(cores[0]!);
  return { launcher, core: cores[0]!, port, output: () => out };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('npm start stops the desk with itself', { timeout: READY_MS + 4 * GONE_MS }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`closes the core and frees the port on ${signal} to the launcher alone`, async () => {
      const desk = await launch();
      desk.launcher.kill(signal);
      const exit = await exited(desk.launcher);
      // The launcher exits only after its core has: by then the core closed cleanly and the port is free.
      expect(exit, desk.output()).toEqual({ code: 0, signal: null });
      expect(alive(desk.core)).toBe(false);
      expect(await portAnswers(desk.port)).toBe(false);
      expect(desk.output()).toContain(`${signal} received: closing the desk`);
    });
  }

  it('the core stops itself when the launcher is killed with SIGKILL', async () => {
    const desk = await launch();
    desk.launcher.kill('SIGKILL');
    await exited(desk.launcher);
    await until('the orphaned core exits', () => !alive(desk.core), GONE_MS);
    await until('the port is free', async () => !(await portAnswers(desk.port)), GONE_MS);
    expect(desk.output()).toContain('The launcher has gone: closing the desk');
  });
});
