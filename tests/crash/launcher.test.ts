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
  /** The process the test started and signals: the launcher itself, or npm. */
  top: ChildProcess;
  /** Every process of the tree the core is in, the core last. */
  tree: number[];
  core: number;
  port: number;
  output: () => string;
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

function descendants(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
}

/** Starts `command` (the launcher, `npm start` or `npm run serve`) and waits until its core answers. */
async function launch(command: string, args: string[], options: { detached?: boolean } = {}): Promise<Launched> {
  const top = spawn(command, [...args, '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    // Its own process group, as a terminal gives the command it runs (Ctrl+C signals the group).
    detached: options.detached ?? false,
    // `--open` is the launcher's own: `true` stands in for a browser, so none is opened.
    env: { ...process.env, BROWSER: 'true', DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(top);
  let out = '';
  top.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  top.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let port = 0;
  await until(
    'the core prints its address',
    () => {
      if (top.exitCode !== null) throw new Error(`${command} exited (${top.exitCode}): ${out}`);
      const match = /Public form: +http:\/\/127\.0\.0\.1:(\d+)\/ask/.exec(out);
      if (match) port = Number(match[1]);
      return port > 0;
    },
    READY_MS,
  );
  await until('the port answers', () => portAnswers(port), GONE_MS);
  // Other processes in the tree may be a shell (npm's `sh -c`) and esbuild's service from building the bundle.
  const nodeRunning = (pid: number, script: string): boolean => {
    const [program = '', ...args] = commandOf(pid).split('\0');
    return /(^|\/)node(\.exe)?$/.test(program) && args.some((arg) => arg.endsWith(script));
  };
  const deskTree = (): number[] => descendants(top.pid!).filter((pid) => nodeRunning(pid, 'start.mjs') || nodeRunning(pid, 'serve.mjs'));
  // Polled: on a loaded machine the process listing once caught a second, short-lived match.
  await until('exactly one core runs', () => deskTree().filter((pid) => nodeRunning(pid, 'serve.mjs')).length === 1, GONE_MS).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}: ${deskTree().map((pid) => `${pid} ${commandOf(pid)}`).join('; ')}\n${out}`);
  });
  const tree = deskTree();
  const cores = tree.filter((pid) => nodeRunning(pid, 'serve.mjs'));
  corePids.push(...tree);
  return { top, tree, core: cores[0]!, port, output: () => out };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const launcher = (): Promise<Launched> => launch(process.execPath, ['scripts/start.mjs', '--browser']);

/** How the started process ended; a generous wait, so a hang fails here instead of at the test's timeout. */
async function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  await until(`${child.spawnargs.join(' ')} exits`, () => child.exitCode !== null || child.signalCode !== null, GONE_MS);
  return { code: child.exitCode, signal: child.signalCode };
}

describe('npm start stops the desk with itself', { timeout: READY_MS + 4 * GONE_MS }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`closes the core and frees the port on ${signal} to the launcher alone`, async () => {
      const desk = await launcher();
      desk.top.kill(signal);
      const exit = await exited(desk.top);
      // The launcher exits only after its core has: by then the core closed cleanly and the port is free.
      expect(exit, desk.output()).toEqual({ code: 0, signal: null });
      expect(alive(desk.core)).toBe(false);
      expect(await portAnswers(desk.port)).toBe(false);
      expect(desk.output()).toContain(`${signal} received: closing the desk`);
    });
  }

  it('closes the launcher and the core on SIGTERM to the npm start process alone', async () => {
    const desk = await launch(npm, ['start', '--', '--browser']);
    expect(desk.tree).toHaveLength(2);
    desk.top.kill('SIGTERM');
    await exited(desk.top);
    await allGone(desk);
    expect(desk.output()).toContain('npm has stopped: closing the desk');
  });

  it('closes everything on Ctrl+C in the terminal (SIGINT to npm start’s whole process group)', async () => {
    const desk = await launch(npm, ['start', '--', '--browser'], { detached: true });
    process.kill(-desk.top.pid!, 'SIGINT');
    await exited(desk.top);
    await allGone(desk);
    expect(desk.output()).toContain('SIGINT received: closing the desk');
  });

  it('the core stops itself when the launcher is killed with SIGKILL', async () => {
    const desk = await launcher();
    desk.top.kill('SIGKILL');
    await exited(desk.top);
    await allGone(desk);
    expect(desk.output()).toContain('The launcher has gone: closing the desk');
  });

  it('npm run serve: SIGTERM to the npm process alone closes the core', async () => {
    const desk = await launch(npm, ['run', 'serve', '--']);
    desk.top.kill('SIGTERM');
    await exited(desk.top);
    await allGone(desk);
    expect(desk.output()).toContain('npm has stopped: closing the desk');
  });
});

async function allGone(desk: Launched): Promise<void> {
  for (const pid of desk.tree) await until(`process ${pid} exits`, () => !alive(pid), GONE_MS);
  await until('the port is free', async () => !(await portAnswers(desk.port)), GONE_MS);
}
