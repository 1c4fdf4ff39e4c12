import type { Report, ReportFormat } from '../../../shared/protocol';
import { reportCsv } from './csvExport';
import { reportPdf } from './pdfExport';
import { reportXlsx } from './xlsxExport';

export type ReportFileFormat = Exclude<ReportFormat, 'json'>;

/** The report's bytes in `format` (the same for the desktop app and browser mode: rendered in the core). */
export async function renderReportFile(report: Report, format: ReportFileFormat): Promise<Buffer> {
  if (format === 'csv') return reportCsv(report);
  return format === 'xlsx' ? reportXlsx(report) : reportPdf(report);
}
