import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SuggestionRule } from '../../../shared/protocol';
import type { TextAnalysis, TextToAnalyse } from './textAnalysis';

/** A batch sent to a worker; `rules` only when they changed since its last batch. */
export interface AnalysisRequest {
  id: number;
  rules?: readonly SuggestionRule[];
  texts: TextToAnalyse[];
}

export type AnalysisReply = { id: number; results: TextAnalysis[] } | { id: number; error: string };

/**
 * Worker threads that analyse texts (textAnalysis.ts) off the main thread, so that during a storm
 * the main thread only accepts and writes. A batch is split among the workers and answered in
 * order. Once a worker fails every later batch is refused, and intake analyses on its own thread.
 */
export interface AnalysisPool {
  analyse(texts: readonly TextToAnalyse[], rules: readonly SuggestionRule[]): Promise<TextAnalysis[]>;
  close(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  rulesSent: readonly SuggestionRule[] | null;
  waiting: Map<number, { resolve: (results: TextAnalysis[]) => void; reject: (error: Error) => void }>;
}

// One worker per core besides the main thread's, at least one.
const defaultSize = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

function startWorker(): Worker {
  const here = import.meta.url;
  // Bundled: the worker is bundled next to the core (dist/core/analysisWorker.mjs).
  if (!here.endsWith('.ts')) return new Worker(new URL('./analysisWorker.mjs', here));
  // Run from TypeScript (tsx, vitest): a worker thread does not inherit the loader, so it registers
  // tsx's (its ESM API, the package's declared "./esm/api" next to its "." loader) before the entry.
  const tsx = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(here).resolve('tsx'))).href;
  const entry = new URL('./analysisWorker.ts', here).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

export function createAnalysisPool(size = defaultSize()): AnalysisPool {
  let nextId = 0;
  let failure: Error | null = null;
  const workers: PoolWorker[] = [];
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of workers) {
      for (const { reject } of w.waiting.values()) reject(error);
      w.waiting.clear();
    }
  };
  // Started at the first batch, so a quiet desk never pays for them.
  const start = (): void => {
    for (let i = 0; i < size; i++) {
      const w: PoolWorker = { worker: startWorker(), rulesSent: null, waiting: new Map() };
      w.worker.on('message', (reply: AnalysisReply) => {
        const waiter = w.waiting.get(reply.id);
        w.waiting.delete(reply.id);
        if ('error' in reply) waiter?.reject(new Error(reply.error));
        else waiter?.resolve(reply.results);
      });
      w.worker.on('error', fail);
      w.worker.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
      // Idle workers never keep the process alive.
      w.worker.unref();
      workers.push(w);
    }
  };
  const send = (w: PoolWorker, texts: TextToAnalyse[], rules: readonly SuggestionRule[]): Promise<TextAnalysis[]> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const request: AnalysisRequest = { id, texts, ...(w.rulesSent === rules ? {} : { rules }) };
      w.rulesSent = rules;
      w.waiting.set(id, { resolve, reject });
      w.worker.postMessage(request);
    });
  return {
    async analyse(texts, rules) {
      if (failure) throw failure;
      if (workers.length === 0) start();
      const chunk = Math.ceil(texts.length / workers.length);
      const parts = workers.flatMap((w, i) => (i * chunk < texts.length ? [send(w, texts.slice(i * chunk, (i + 1) * chunk), rules)] : []));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      failure ??= new Error('analysis pool closed');
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
