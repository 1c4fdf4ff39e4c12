import type { Report, ReportEpisode, ReportFormat, ReportQuery } from '../../../shared/protocol';
import type { Db } from '../store/db';
import { episodesForReports } from '../store/reports';
import { buildReport, type ReportScope } from './buildReport';
import { reportCsv } from './csvExport';
import { reportPdf } from './pdfExport';
import { reportXlsx } from './xlsxExport';

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export interface Reports {
  /** The report a validated query asks for. */
  report(query: ReportQuery): Report;
  /** The same report as a file in `format`. */
  file(report: Report, format: Exclude<ReportFormat, 'json'>): Promise<ReportFile>;
  /** Episodes a report can be made for, newest first. */
  episodes(): ReportEpisode[];
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

function scopeOf(query: ReportQuery): ReportScope {
  if (query.episode !== undefined) return { kind: 'episode', episodeId: query.episode };
  // The schema has made sure both dates are there when no episode is.
  return { kind: 'range', range: { from: query.from!, to: query.to! } };
}

/** "akimat-live-2026-11-23_2026-11-29-ru.pdf": what a press officer sees in Downloads. */
export function reportFileName(report: Report, format: Exclude<ReportFormat, 'json'>): string {
  const span = report.range.from === report.range.to ? report.range.from : `${report.range.from}_${report.range.to}`;
  const episode = report.episode ? `episode-${report.episode.id}-` : '';
  return `akimat-live-${episode}${span}-${report.lang}.${format}`;
}

export function createReports(deps: { db: Db; now: () => number }): Reports {
  return {
    report(query) {
      return buildReport(deps.db, { scope: scopeOf(query), lang: query.lang, personal: query.personal, now: deps.now() });
    },
    episodes() {
      return episodesForReports(deps.db);
    },
    async file(report, format) {
      const body = format === 'csv' ? reportCsv(report) : format === 'xlsx' ? await reportXlsx(report) : await reportPdf(report);
      return { body, contentType: CONTENT_TYPES[format], fileName: reportFileName(report, format) };
    },
  };
}
