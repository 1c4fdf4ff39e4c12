import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * HTTP intake benchmark: the public form endpoint (validated, committed with synchronous=FULL,
 * acknowledged) against a bare node:http server answering 200, both in their own process, loaded
 * by autocannon at the same concurrency in the same run. Target (shared/design.md): ≥ 70 %.
 */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface IntakeBenchResult {
  connections: number;
  durationSeconds: number;
  bare: LoadResult;
  intake: LoadResult;
  /** intake req/s ÷ bare req/s */
  ratio: number;
  /** Questions in the database after the run: every 2xx must be one stored row. */
  stored: number;
}

const ROOT = join(import.meta.dirname, '..');

function startServer(script: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /URL (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BODY = JSON.stringify({
  name: 'Айгүл',
  district: 'medeu',
  text: 'Қашан Абай даңғылы жөнделеді? Когда закончат ремонт дороги на Абая?',
  language: 'kk',
  submissionId: 'b[<id>]',
});

async function load(url: string, connections: number, duration: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections,
    duration,
    idReplacement: true,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export async function runIntakeBench(options: { connections: number; durationSeconds: number }): Promise<IntakeBenchResult> {
  const { connections, durationSeconds } = options;
  const bareServer = await startServer('bench/bareServer.ts');
  // A short warm-up of each, so JIT and SQLite caches do not decide the result.
  await load(bareServer.url, connections, 2);
  const bare = await load(bareServer.url, connections, durationSeconds);
  await stop(bareServer.child);

  const intakeServer = await startServer('bench/intakeServer.ts');
  await load(`${intakeServer.url}/api/questions`, connections, 2);
  const intake = await load(`${intakeServer.url}/api/questions`, connections, durationSeconds);
  await stop(intakeServer.child);
  const stored = Number(/STORED (\d+)/.exec(intakeServer.output())?.[1] ?? -1);
  return { connections, durationSeconds, bare, intake, ratio: intake.requestsPerSecond / bare.requestsPerSecond, stored };
}
