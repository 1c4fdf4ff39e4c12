import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { reportQuerySchema } from '../../../shared/protocol';
import type { Reports } from '../reports';
import type { AccessPolicy } from './access';

export const REPORTS_PATH = '/api/reports';
export const REPORT_EPISODES_PATH = '/api/reports/episodes';

/** The parameter an invalid query is about and the words that explain it (press.error.*). */
function queryError(issue: z.core.$ZodIssue | undefined): AppError {
  const field = String(issue?.path[0] ?? '');
  const messageKey =
    issue?.code === 'unrecognized_keys'
      ? 'press.error.unknown'
      : field === 'format'
        ? 'press.error.format'
        : field === 'lang'
          ? 'press.error.lang'
          : issue?.message === 'required' || field === 'episode'
            ? 'press.error.required'
            : issue?.code === 'custom' && field === 'to'
              ? 'press.error.range'
              : 'press.error.date';
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : field;
  return new AppError('validation', { field: unknown, messageKey, detail: issue?.message ?? '' });
}

/**
 * `GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD&lang=ru&format=csv|xlsx|pdf|json` (or
 * `episode=<id>` instead of the dates), for the press screen and for scripts. Press or producer
 * access: the desk's own screens (desk secret) or a press or producer token.
 */
export function registerReportRoutes(app: FastifyInstance, reports: Reports, access: AccessPolicy): void {
  const mayRead = (request: FastifyRequest) => {
    const role = access.identify(request, 'press')?.role;
    if (role !== 'press' && role !== 'producer' && role !== 'admin') throw new AppError('forbidden');
  };
  app.get(REPORT_EPISODES_PATH, async (request) => {
    mayRead(request);
    return { ok: true, value: reports.episodes() };
  });
  app.get<{ Querystring: Record<string, unknown> }>(REPORTS_PATH, async (request, reply) => {
    mayRead(request);
    // The token is the access check's, not the report's.
    const { token: _token, ...params } = request.query;
    const parsed = reportQuerySchema.safeParse(params);
    if (!parsed.success) throw queryError(parsed.error.issues[0]);
    const report = await reports.report(parsed.data);
    if (parsed.data.format === 'json') return { ok: true, value: report };
    const file = await reports.file(report, parsed.data.format);
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'no-store')
      .send(file.body);
  });
}
