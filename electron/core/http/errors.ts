import { AppError, type ErrorCode } from '../../../shared/errors';
import { assertNever } from '../../../shared/domain';

export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'validation':
    case 'empty_text':
    case 'text_too_long':
    case 'name_required':
    case 'malformed':
    case 'unknown_command':
      return 400;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'stale':
    case 'invalid_transition':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    case 'unavailable':
      return 503;
    default:
      return assertNever(code);
  }
}

/** Maps fastify's own parser and limit errors onto our codes, so every answer has one shape. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number; status?: number };
  if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (e.statusCode === 415 || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type');
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.code?.startsWith('FST_ERR_CTP') || e.statusCode === 400) return new AppError('malformed');
  const status = e.statusCode ?? e.status ?? 500;
  if (status === 404) return new AppError('not_found');
  if (status === 403) return new AppError('forbidden');
  // Any other client error a library reports (static files, parsers) is the request's fault.
  if (status >= 400 && status < 500) return new AppError('malformed', { detail: String((error as Error).message) });
  return new AppError('internal');
}
