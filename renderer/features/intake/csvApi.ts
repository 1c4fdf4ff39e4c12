import type { CsvImportResult, CsvMapping, CsvPreview } from '../../../shared/protocol';
import { postToDesk, toBase64 } from '../../components/fileUpload';

/** Sends the file's raw bytes (the core detects UTF-8 or Windows-1251) for preview or import. */
export async function postCsv(
  file: File,
  mapping: CsvMapping | undefined,
  commit: boolean,
): Promise<CsvPreview | CsvImportResult> {
  const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
  return postToDesk('/api/intake/csv', { fileName: file.name, contentBase64, commit, ...(mapping ? { mapping } : {}) });
}
