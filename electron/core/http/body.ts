import { AppError } from '../../../shared/errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body from raw bytes, refusing broken UTF-8 instead of silently replacing it. */
export function parseJsonBody(raw: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw new AppError('malformed', { detail: 'Body is not valid UTF-8' });
  }
  if (text.trim() === '') throw new AppError('malformed', { detail: 'Empty body' });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('malformed', { detail: 'Body is not valid JSON' });
  }
}
