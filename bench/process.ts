import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { DESK_COOKIE } from '../electron/core/http/access';

export const ROOT = join(import.meta.dirname, '..');

/** The desk secret the benchmark's cores run with, so its consoles sign in as the desk's own windows. */
export const BENCH_DESK_SECRET = 'bench-desk-secret';

/** What the desk's own window sends on its socket: its origin and the cookie `/login` sets. */
export function deskHeaders(url: string): Record<string, string> {
  return { origin: new URL(url).origin, cookie: `${DESK_COOKIE}=${BENCH_DESK_SECRET}` };
}

/** A server the benchmark loads, in a process of its own, and the lines it printed so far. */
export interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the first match of `pattern` printed after this call. */
  nextLine: (pattern: RegExp) => Promise<RegExpExecArray>;
}

/**
 * A benchmark's server script bundled as the desk itself ships (scripts/buildCore.mjs): plain
 * JavaScript next to the core's worker bundles, so a run measures the core that `npm start`
 * runs, not TypeScript compiled on the fly in every thread. Returns the bundle's path.
 */
async function bundleServer(script: string): Promise<string> {
  const outfile = join(ROOT, 'dist', 'core', `bench-${basename(script, '.ts')}.mjs`);
  const dependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  await build({
    entryPoints: [join(ROOT, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: dependencies.filter((name) => name !== 'dayjs'),
    logLevel: 'warning',
  });
  return outfile;
}

let coreBuilt = false;

/** Starts a benchmark's server script (bench/*.ts) from its bundle, the core's bundles built first. */
export async function startBundledServer(script: string): Promise<Server> {
  if (!coreBuilt) {
    spawnSync(process.execPath, ['scripts/buildCore.mjs'], { cwd: ROOT, stdio: 'inherit' });
    coreBuilt = true;
  }
  return startServer([await bundleServer(script)], { typescript: false });
}

/**
 * Starts `node [--import tsx] <args>` and resolves when it prints its address (`URL …` or the
 * desk's own `Producer console: …/console`). BENCH_CPU_PROF=<dir> profiles it (node --cpu-prof),
 * to see where a missed row's time goes.
 */
export function startServer(args: readonly string[], options: { typescript?: boolean } = {}): Promise<Server> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const loader = options.typescript === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...profile, ...loader, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DESK_SECRET: BENCH_DESK_SECRET } });
  let out = '';
  const waiters: Array<{ pattern: RegExp; from: number; resolve: (m: RegExpExecArray) => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      const match = w.pattern.exec(out.slice(w.from));
      if (match) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(match);
      }
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  const nextLine = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve) => waiters.push({ pattern, from: out.length, resolve }));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before listening`)));
    void nextLine(/(?:URL |Producer console: +)(http:\/\/[^/\s]+)/).then((m) =>
      resolve({ child, url: m[1]!, output: () => out, nextLine }),
    );
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The server's CPU time (user + system, µs) after it made everything it owed: it answers SIGUSR2 with `CPU_US n`. */
export async function cpuUs(server: Server): Promise<number> {
  const line = server.nextLine(/CPU_US (\d+)\n/);
  server.child.kill('SIGUSR2');
  return Number((await line)[1]);
}
