/**
 * A worker thread of the analysis pool (analysisPool.ts): analyses batches of texts with the
 * suggestion rules last sent to it. Bundled as dist/core/analysisWorker.mjs (scripts/buildCore.mjs).
 */
import { parentPort } from 'node:worker_threads';
import type { SuggestionRule } from '../../../shared/protocol';
import type { AnalysisReply, AnalysisRequest } from './analysisPool';
import { analyseText } from './textAnalysis';

let rules: readonly SuggestionRule[] = [];
parentPort!.on('message', (request: AnalysisRequest) => {
  if (request.rules) rules = request.rules;
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, results: request.texts.map((t) => analyseText(t, rules)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
