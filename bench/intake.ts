import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon, { type Options } from 'autocannon';

/**
 * HTTP intake benchmark: the public form endpoint (validated, committed with synchronous=FULL,
 * acknowledged) against a bare node:http server answering 200, both in their own process, loaded
 * by autocannon at the same concurrency in the same run. Target (shared/design.md): ≥ 70 %.
 */
export interface LoadResult {
  requestsPerSecond: number;
  /**
   * The server process's CPU time per request, warm-up included (start-up cost spread over
   * them): steadier than req/s on a shared machine, where other work takes cores at random.
   */
  cpuUsPerRequest?: number;
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
  /** Worst case for grouping: the same text every time, every message a near-duplicate of all. */
  intake: LoadResult;
  /** intake req/s ÷ bare req/s (worst case) */
  ratio: number;
  /** Questions in the database after the worst-case run: every 2xx must be one stored row. */
  stored: number;
  /** Acknowledged but not yet made into questions when the worst-case load stopped, and the time to make them. */
  drain: Drain;
  /** Realistic mix: texts drawn from the near-duplicate fixture with random variation. */
  mix: LoadResult;
  mixRatio: number;
  mixStored: number;
  mixDrain: Drain;
}

export interface Drain {
  waiting: number;
  ms: number;
}

const ROOT = join(import.meta.dirname, '..');

export function startServer(script: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // BENCH_CPU_PROF=<dir> profiles the server under load (node --cpu-prof), to see where a missed row's time goes.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
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

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function cpuPerRequest(output: string, ...loads: LoadResult[]): number {
  const cpuUs = Number(/CPU_US (\d+)/.exec(output)?.[1] ?? NaN);
  return Math.round(cpuUs / loads.reduce((sum, l) => sum + l.total, 0));
}

const BODY = JSON.stringify({
  name: 'Айгүл',
  district: 'medeu',
  text: 'Қашан Абай даңғылы жөнделеді? Когда закончат ремонт дороги на Абая?',
  language: 'kk',
  submissionId: 'b[<id>]',
});

// A small seeded PRNG (mulberry32), so every run sends the same sequence of texts.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ['tuning', 'heldout'].flatMap((part) =>
  (JSON.parse(readFileSync(join(ROOT, `tests/fixtures/grouping/${part}.json`), 'utf8')) as { questions: Array<{ text: string }> }).questions.map((q) => q.text),
);
const OPENINGS = ['', '', '', 'Здравствуйте! ', 'Сәлеметсіз бе! ', 'Уважаемый аким, ', 'Добрый день. '];
const ENDINGS = ['', '', '', ' Спасибо.', ' Рахмет!', ' Когда?', ' Жители ждут ответа.'];
const DISTRICT_IDS = ['alatau', 'almaly', 'auezov', 'bostandyk', 'zhetysu', 'medeu', 'nauryzbay', 'turksib'];

/**
 * One realistic question: a fixture text with a greeting or a closing, sometimes a typo
 * (a letter dropped or doubled), sometimes a house number, in any case.
 */
function variedText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let text = pick(TEXTS);
  const r = next();
  if (r < 0.25) {
    const at = 1 + Math.floor(next() * (text.length - 2));
    text = text.slice(0, at) + text.slice(at + 1);
  } else if (r < 0.4) {
    const at = Math.floor(next() * text.length);
    text = text.slice(0, at) + text.charAt(at) + text.slice(at);
  }
  if (next() < 0.2) text += ` Дом ${1 + Math.floor(next() * 200)}.`;
  if (next() < 0.1) text = text.toLowerCase();
  return pick(OPENINGS) + text + pick(ENDINGS);
}

export type Scenario = 'same-text' | 'mix';

/** Form bodies of the realistic mix, the same sequence every run. */
export function mixBodies(): () => string {
  const next = random(20_260_101);
  let n = 0;
  return () => {
    n++;
    return JSON.stringify({
      name: `Зритель ${n % 997}`,
      district: DISTRICT_IDS[n % DISTRICT_IDS.length],
      text: variedText(next),
      language: next() < 0.5 ? 'kk' : 'ru',
      submissionId: `mix-${process.pid}-${String(n).padStart(8, '0')}`,
    });
  };
}

function requestOptions(scenario: Scenario): Partial<Options> {
  if (scenario === 'same-text') return { method: 'POST', body: BODY, idReplacement: true };
  const body = mixBodies();
  return {
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, method: 'POST', headers: { 'content-type': 'application/json' }, body: body() }),
      },
    ],
  };
}

export async function load(url: string, connections: number, duration: number, scenario: Scenario = 'same-text'): Promise<LoadResult> {
  const result = await autocannon({
    url,
    headers: { 'content-type': 'application/json' },
    connections,
    duration,
    ...requestOptions(scenario),
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
  const bareWarmUp = await load(bareServer.url, connections, 2);
  const bare = await load(bareServer.url, connections, durationSeconds);
  await stop(bareServer.child);
  bare.cpuUsPerRequest = cpuPerRequest(bareServer.output(), bareWarmUp, bare);

  const runIntake = async (scenario: Scenario): Promise<{ result: LoadResult; stored: number; drain: Drain }> => {
    const server = await startServer('bench/intakeServer.ts');
    const warmUp = await load(`${server.url}/api/questions`, connections, 2, scenario);
    const result = await load(`${server.url}/api/questions`, connections, durationSeconds, scenario);
    await stop(server.child);
    result.cpuUsPerRequest = cpuPerRequest(server.output(), warmUp, result);
    const drained = /WAITING (\d+) DRAIN_MS (\d+)/.exec(server.output());
    return {
      result,
      stored: Number(/STORED (\d+)/.exec(server.output())?.[1] ?? -1),
      drain: { waiting: Number(drained?.[1] ?? -1), ms: Number(drained?.[2] ?? -1) },
    };
  };
  const worst = await runIntake('same-text');
  const mix = await runIntake('mix');
  return {
    connections,
    durationSeconds,
    bare,
    intake: worst.result,
    ratio: worst.result.requestsPerSecond / bare.requestsPerSecond,
    stored: worst.stored,
    drain: worst.drain,
    mix: mix.result,
    mixRatio: mix.result.requestsPerSecond / bare.requestsPerSecond,
    mixStored: mix.stored,
    mixDrain: mix.drain,
  };
}
