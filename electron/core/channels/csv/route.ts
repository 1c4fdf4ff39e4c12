import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../../shared/errors';
import { pickLanguage } from '../../../../shared/i18n';
import { csvRequestSchema, type CsvImportResult, type CsvPreview } from '../../../../shared/protocol';
import type { Channels } from '..';
import { csvPreview, csvRows, readCsv, suggestMapping } from './adapter';
import { translate } from '../../messages';

export const CSV_PATH = '/api/intake/csv';
/** 10 MB of CSV, as base64 inside JSON. */
const CSV_BODY_LIMIT = 15 * 1024 * 1024;

/**
 * CSV import for producers: the same request previews (`commit: false`) or imports. Every valid
 * row goes through accept() in one group commit; rows already imported count as duplicates.
 */
export function registerCsvRoutes(app: FastifyInstance, channels: Channels): void {
  const { intake } = channels;
  app.post<{ Body: unknown }>(CSV_PATH, { bodyLimit: CSV_BODY_LIMIT }, async (request) => {
    const parsed = csvRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('validation', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
    const lang = pickLanguage(request.headers['accept-language']);
    const t = (key: string, vars?: Record<string, unknown>) => translate(lang, key, vars);
    const table = readCsv(Buffer.from(parsed.data.contentBase64, 'base64'));
    if (table.columns.length === 0) throw new AppError('validation', { field: 'file', messageKey: 'intake.csv.errorEmpty' });
    const mapping = parsed.data.mapping ?? suggestMapping(table.columns);
    const rows = csvRows(table, mapping, t);
    const preview: CsvPreview = csvPreview(table, mapping, rows);
    if (!parsed.data.commit) return { ok: true, value: preview };

    let created = 0;
    let duplicates = 0;
    const late: CsvPreview['errors'] = [];
    await Promise.all(
      rows.map(async (row) => {
        if (!row.message) return;
        try {
          const result = await intake.accept(row.message);
          if (result.created) created += 1;
          else duplicates += 1;
        } catch (error) {
          if (!(error instanceof AppError) || error.retryable) throw error;
          late.push({ line: row.line, values: row.values, error: t(error.messageKey) });
        }
      }),
    );
    const value: CsvImportResult = {
      ...preview,
      valid: preview.valid - late.length,
      errors: [...preview.errors, ...late].sort((a, b) => a.line - b.line),
      created,
      duplicates,
    };
    return { ok: true, value };
  });
}
