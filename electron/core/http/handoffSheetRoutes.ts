import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors';
import { HANDOFF_SHEET_PATH, handoffSheetImportSchema, handoffSheetQuerySchema, PRODUCERS } from '../../../shared/protocol';
import type { HandoffDeps } from '../handoffs/lifecycle';
import { handoffSheet } from '../handoffs/sheet';
import { applySheet, readSheet, reviewSheet } from '../handoffs/sheetImport';
import type { AccessPolicy } from './access';

/** A filled sheet of a few thousand rows is well under 1 MB; 10 MB as base64 inside JSON. */
const SHEET_BODY_LIMIT = 15 * 1024 * 1024;

/**
 * `GET /api/handoffs/sheet?department=<id>&format=xlsx|csv&lang=ru`: the department's open
 * hand-offs to send it. `POST /api/handoffs/sheet` with the filled sheet: a preview of each row
 * (`commit: false`), or the answers recorded (`commit: true`). Producers only (server.ts's
 * STAFF_API checks the role before either runs).
 */
export function registerHandoffSheetRoutes(app: FastifyInstance, deps: HandoffDeps, access: AccessPolicy): void {
  const actorOf = (request: FastifyRequest): string => {
    const who = access.identify(request, 'producer');
    if (!who || !(PRODUCERS as readonly string[]).includes(who.role)) throw new AppError('forbidden');
    return who.actor;
  };

  app.get<{ Querystring: Record<string, unknown> }>(HANDOFF_SHEET_PATH, async (request, reply) => {
    const { token: _token, ...params } = request.query;
    const parsed = handoffSheetQuerySchema.safeParse(params);
    if (!parsed.success) throw new AppError('validation', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
    const file = await handoffSheet(deps.db, {
      departmentId: parsed.data.department,
      format: parsed.data.format,
      lang: parsed.data.lang,
      now: deps.now(),
    });
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'no-store')
      .send(file.body);
  });

  app.post<{ Body: unknown }>(HANDOFF_SHEET_PATH, { bodyLimit: SHEET_BODY_LIMIT }, async (request) => {
    const actor = actorOf(request);
    const parsed = handoffSheetImportSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('validation', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
    const { departmentId, fileName, contentBase64, commit } = parsed.data;
    const lines = await readSheet(Buffer.from(contentBase64, 'base64'));
    const value = commit ? applySheet(deps, { departmentId, fileName, lines }, actor) : reviewSheet(deps, departmentId, lines);
    return { ok: true, value };
  });
}
