import type { AppErrorShape } from '../../../shared/errors';
import type { CsvImportResult, CsvMapping, CsvPreview } from '../../../shared/protocol';
import { errorText, i18n } from '../../i18n';

type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends the file's raw bytes (the core detects UTF-8 or Windows-1251) for preview or import. */
export async function postCsv(
  file: File,
  mapping: CsvMapping | undefined,
  commit: boolean,
): Promise<CsvPreview | CsvImportResult> {
  const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
  let response: Response;
  try {
    response = await fetch('/api/intake/csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
      body: JSON.stringify({ fileName: file.name, contentBase64, commit, ...(mapping ? { mapping } : {}) }),
    });
  } catch {
    throw new Error(i18n.t('error.network'));
  }
  const reply = (await response.json().catch(() => null)) as Reply<CsvPreview | CsvImportResult> | null;
  if (reply?.ok) return reply.value;
  throw new Error(reply ? errorText(reply.error) : i18n.t('error.internal'));
}
