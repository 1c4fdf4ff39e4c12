import type { Report, ReportCount } from '../../../shared/protocol';
import { HANDOFF_STATES, COMMITMENT_STATES, REPORT_TOTALS } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { translate } from '../messages';

/**
 * The report as the tables every export writes (CSV stacks them, XLSX gives each a sheet, PDF
 * prints them), so the three files always hold the same numbers under the same headers.
 */

/** `date`: an Almaty day (YYYY-MM-DD); `datetime`: UTC epoch ms shown in Almaty time. */
export type CellKind = 'text' | 'number' | 'date' | 'datetime';
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: CellKind;
  /** Width in characters, for XLSX and the PDF's proportions. */
  width: number;
}

export type SectionId =
  | 'totals'
  | 'rejectedByReason'
  | 'byChannel'
  | 'byTopic'
  | 'byDistrict'
  | 'byLanguage'
  | 'bySpeaker'
  | 'byDepartment'
  | 'handoffs'
  | 'commitments'
  | 'answered'
  | 'handoffList';

export interface Section {
  id: SectionId;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Counts worth a chart: the section's label and count columns. */
  chart: ReportCount[] | null;
}

/** Almaty wall-clock time of an instant, for cells and headings. */
export function cityDateTime(ms: number): string {
  return formatCityTime(ms, 'YYYY-MM-DD HH:mm');
}

export function reportSections(report: Report): Section[] {
  const t = (key: string, vars?: Record<string, unknown>) => translate(report.lang, key, vars);
  const col = (key: string, kind: CellKind, width: number): Column => ({ header: t(`press.column.${key}`), kind, width });
  const counts = (id: SectionId, items: ReportCount[], nameKey = 'name'): Section => ({
    id,
    title: t(`press.section.${id}`),
    columns: [col(nameKey, 'text', 40), col('count', 'number', 12)],
    rows: items.map((c) => [c.label, c.count]),
    chart: items,
  });
  const stateCounts = (id: SectionId, states: readonly string[], values: Record<string, number>, prefix: string): Section =>
    counts(
      id,
      states.map((s) => ({ key: s, label: t(`press.${prefix}.${s}`), count: values[s] ?? 0 })),
      'state',
    );

  return [
    {
      id: 'totals',
      title: t('press.section.totals'),
      columns: [col('figure', 'text', 34), col('count', 'number', 12), col('previous', 'number', 16), col('change', 'number', 12)],
      rows: REPORT_TOTALS.map((k) => [t(`press.totals.${k}`), report.totals[k], report.previousTotals[k], report.totals[k] - report.previousTotals[k]]),
      chart: null,
    },
    counts('rejectedByReason', report.rejectedByReason),
    counts('byChannel', report.byChannel),
    counts('byTopic', report.byTopic),
    counts('byDistrict', report.byDistrict),
    counts('byLanguage', report.byLanguage),
    counts('bySpeaker', report.bySpeaker),
    counts('byDepartment', report.byDepartment),
    stateCounts('handoffs', HANDOFF_STATES, report.handoffs, 'handoffState'),
    stateCounts('commitments', COMMITMENT_STATES, report.commitments, 'commitmentState'),
    {
      id: 'answered',
      title: t('press.section.answered'),
      columns: [
        col('reference', 'text', 12),
        col('decidedAt', 'datetime', 17),
        col('topic', 'text', 16),
        col('district', 'text', 16),
        col('speaker', 'text', 20),
        col('question', 'text', 50),
        col('summary', 'text', 50),
        col('askedBy', 'number', 10),
        col('commitments', 'text', 40),
        ...(report.personal ? [col('asker', 'text', 14)] : []),
      ],
      rows: report.answered.map((a) => [
        a.reference,
        a.decidedAt,
        a.topic,
        a.district,
        a.speaker,
        a.question,
        a.summary,
        a.askedBy,
        a.commitments
          .map((c) => `${c.what} — ${c.who}${c.due ? ` (${c.due}, ${t(`press.commitmentState.${c.state}`)})` : ''}`)
          .join('\n'),
        ...(report.personal ? [a.asker] : []),
      ]),
      chart: null,
    },
    {
      id: 'handoffList',
      title: t('press.section.handoffList'),
      columns: [
        col('reference', 'text', 20),
        col('questionReference', 'text', 12),
        col('department', 'text', 40),
        col('createdAt', 'datetime', 17),
        col('due', 'date', 12),
        col('state', 'text', 20),
        col('question', 'text', 50),
      ],
      rows: report.handoffList.map((h) => [
        h.reference,
        h.questionReference,
        h.department,
        h.createdAt,
        h.due,
        t(`press.handoffState.${h.state}`),
        h.question,
      ]),
      chart: null,
    },
  ];
}

/** The report's heading lines: title, period, comparison, when it was made. */
export function reportHeading(report: Report): { title: string; lines: string[] } {
  const t = (key: string, vars?: Record<string, unknown>) => translate(report.lang, key, vars);
  const period = report.episode
    ? `${report.episode.title} (${report.episode.airDate})`
    : t('press.period', { from: report.range.from, to: report.range.to });
  return {
    title: t('press.reportTitle'),
    lines: [
      period,
      report.previousEpisode
        ? t('press.previousEpisode', { ...report.previousEpisode })
        : t('press.previousPeriod', { from: report.previousRange.from, to: report.previousRange.to }),
      t('press.generated', { at: cityDateTime(report.generatedAt) }),
    ],
  };
}
