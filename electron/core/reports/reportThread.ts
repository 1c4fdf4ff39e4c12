import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorOptions, type ErrorCode } from '../../../shared/errors';
import type { Report } from '../../../shared/protocol';
import type { ReportRequest } from './buildReport';
import type { ReportFileFormat } from './reportFiles';

/** What the report thread is started with. */
export interface ReportThreadData {
  /** The desk's database file, opened read-only. */
  file: string;
  /** The Electron-ABI build of better-sqlite3, when the core runs inside Electron. */
  nativeBinding?: string;
}

type ReportTask = { kind: 'report'; request: ReportRequest } | { kind: 'file'; report: Report; format: ReportFileFormat };

export type ReportThreadRequest = ReportTask & { id: number };

export type ReportThreadReply =
  | { id: number; ok: true; value: Report | Uint8Array }
  | { id: number; ok: false; code: ErrorCode; options: AppErrorOptions };

/**
 * Run from TypeScript (tests, tsx) the entry is the .ts beside this file, loaded through tsx's
 * loader, which a worker does not inherit; bundled (scripts/buildCore.mjs) this code sits in
 * dist/core/serve.mjs and the entry is its sibling dist/core/reportWorker.mjs.
 */
function startWorker(data: ReportThreadData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./reportWorker.mjs', import.meta.url), { workerData: data });
  const entry = new URL('./reportWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

type Waiting = { resolve: (value: Report | Uint8Array) => void; reject: (error: Error) => void };

/**
 * The thread reports are made on, started at the first request. Requests are answered in turn; if
 * the thread dies, what it held fails as internal errors and the next request starts a new one.
 */
export class ReportThread {
  private current: { worker: Worker; pending: Map<number, Waiting> } | null = null;
  private nextId = 1;

  constructor(private readonly data: ReportThreadData) {}

  report(request: ReportRequest): Promise<Report> {
    return this.ask({ kind: 'report', request }) as Promise<Report>;
  }

  async file(report: Report, format: ReportFileFormat): Promise<Buffer> {
    const bytes = (await this.ask({ kind: 'file', report, format })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (current) await current.worker.terminate();
  }

  private ask(task: ReportTask): Promise<Report | Uint8Array> {
    const { worker, pending } = this.current ?? this.start();
    const id = this.nextId++;
    // Kept alive while it owes an answer; an idle report thread does not hold the process open.
    worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...task, id } satisfies ReportThreadRequest);
    });
  }

  private start(): { worker: Worker; pending: Map<number, Waiting> } {
    const current = { worker: startWorker(this.data), pending: new Map<number, Waiting>() };
    const { worker, pending } = current;
    worker.on('message', (reply: ReportThreadReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new AppError(reply.code, reply.options));
    });
    const failAll = (detail: string) => {
      if (this.current === current) this.current = null;
      for (const { reject } of pending.values()) reject(new AppError('internal', { detail }));
      pending.clear();
    };
    worker.on('error', (error) => failAll(`report thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => failAll(`report thread exited (${code})`));
    this.current = current;
    return current;
  }
}
