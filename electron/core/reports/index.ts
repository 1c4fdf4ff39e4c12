import type { Report, ReportEpisode, ReportFormat, ReportQuery } from '../../../shared/protocol';
import type { Db } from '../store/db';
import { episodesForReports } from '../store/reports';
import type { ReportScope } from './buildReport';
import type { ReportFileFormat } from './reportFiles';
import { ReportThread } from './reportThread';

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export interface Reports {
  /** The report a validated query asks for, counted on the report thread. */
  report(query: ReportQuery): Promise<Report>;
  /** The same report as a file in `format`, rendered on the report thread. */
  file(report: Report, format: ReportFileFormat): Promise<ReportFile>;
  /** Episodes a report can be made for, newest first. */
  episodes(): ReportEpisode[];
  /** Stops the report thread (the core's close). */
  close(): Promise<void>;
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

/**
 * Reports for the press. Counting a week and rendering a PDF take long enough to matter, so both
 * run on a thread of their own over a read-only connection to the same database file; the main
 * thread, which acknowledges intake, only passes the request on.
 */
export function createReports(deps: { db: Db; now: () => number; nativeBinding?: string }): Reports {
  const thread = new ReportThread({ file: deps.db.name, ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}) });
  return {
    report(query) {
      return thread.report({ scope: scopeOf(query), lang: query.lang, personal: query.personal, now: deps.now() });
    },
    episodes() {
      return episodesForReports(deps.db);
    },
    async file(report, format) {
      return { body: await thread.file(report, format), contentType: CONTENT_TYPES[format], fileName: reportFileName(report, format) };
    },
    close: () => thread.close(),
  };
}
