/**
 * The report thread's entry: its own read-only connection to the desk's database (WAL lets it read
 * while the main thread writes), where the figures are counted and the files rendered, so a long
 * report never holds up the thread that acknowledges intake. Bundled as dist/core/reportWorker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { buildReport } from './buildReport';
import { renderReportFile } from './reportFiles';
import type { ReportThreadData, ReportThreadReply, ReportThreadRequest } from './reportThread';

const { file, nativeBinding } = workerData as ReportThreadData;
const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
db.pragma('busy_timeout = 5000');

async function answer(request: ReportThreadRequest): Promise<ReportThreadReply> {
  try {
    if (request.kind === 'report') return { id: request.id, ok: true, value: buildReport(db, request.request) };
    const body = await renderReportFile(request.report, request.format);
    return { id: request.id, ok: true, value: body };
  } catch (error) {
    // An AppError (an episode that does not exist) crosses as its code and options; anything else is internal.
    if (error instanceof AppError) return { id: request.id, ok: false, code: error.code, options: error.options };
    return { id: request.id, ok: false, code: 'internal', options: { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
}

parentPort!.on('message', (request: ReportThreadRequest) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});
