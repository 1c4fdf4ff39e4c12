import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../theme/dayjsLocales';
import { DateField } from '../../components/pickers';
import dayjs from 'dayjs';
import {
  COMMITMENT_STATES,
  HANDOFF_STATES,
  REPORT_TOTALS,
  weekOf,
  type Report,
  type ReportCount,
  type ReportFormat,
} from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { currentLanguage, errorText } from '../../i18n';
import { CountsChart } from './CountsChart';
import { reportUrl, usePressReport, useReportEpisodes, type ReportOptions, type ReportPick } from './usePressReport';
import './press.css';

type Mode = 'week' | 'episode' | 'range';
const MODES: readonly Mode[] = ['week', 'episode', 'range'];
const FILES: ReadonlyArray<Exclude<ReportFormat, 'json'>> = ['pdf', 'xlsx', 'csv'];
type ReportSection =
  | 'byTopic'
  | 'byDistrict'
  | 'byChannel'
  | 'byLanguage'
  | 'rejectedByReason'
  | 'bySpeaker'
  | 'byDepartment'
  | 'handoffs'
  | 'commitments';

const today = () => formatCityTime(Date.now(), 'YYYY-MM-DD');
const shiftWeek = (from: string, weeks: number) => dayjs(from).add(weeks * 7, 'day').format('YYYY-MM-DD');

/** The press screen: pick a week, an episode or dates; read the figures; download the files. */
export function PressPage(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const [mode, setMode] = useState<Mode>('week');
  const [week, setWeek] = useState(() => weekOf(today()));
  const [range, setRange] = useState(() => weekOf(today()));
  const [episodeId, setEpisodeId] = useState<number | null>(null);
  const [personal, setPersonal] = useState(false);
  const episodes = useReportEpisodes();
  const chosenEpisode = episodeId ?? episodes[0]?.id ?? null;

  const pick: ReportPick | null =
    mode === 'week'
      ? { kind: 'range', ...week }
      : mode === 'range'
        ? { kind: 'range', ...range }
        : chosenEpisode === null
          ? null
          : { kind: 'episode', episodeId: chosenEpisode };
  // useTranslation re-renders on a language switch, so the report is asked for in the new language.
  const lang = currentLanguage();

  return (
    <div className="press">
      <header className="topbar">
        <h1>{t('press.title')}</h1>
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      <section className="press-pick" aria-label={t('press.pick.label')}>
        <div role="group" aria-label={t('press.pick.label')} className="press-modes">
          {MODES.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(`press.pick.${m}`)}
            </button>
          ))}
        </div>
        {mode === 'week' && (
          <div className="press-week">
            <button type="button" onClick={() => setWeek(weekOf(shiftWeek(week.from, -1)))}>
              ← {t('press.pick.previous')}
            </button>
            <strong data-testid="press-week">{t('press.period', { from: fmt.date(week.from), to: fmt.date(week.to) })}</strong>
            <button type="button" onClick={() => setWeek(weekOf(shiftWeek(week.from, 1)))}>
              {t('press.pick.next')} →
            </button>
          </div>
        )}
        {mode === 'episode' &&
          (episodes.length === 0 ? (
            <p>{t('press.pick.noEpisodes')}</p>
          ) : (
            <label>
              {t('press.pick.episode')}{' '}
              <select value={chosenEpisode ?? ''} onChange={(e) => setEpisodeId(Number(e.target.value))}>
                {episodes.map((ep) => (
                  <option key={ep.id} value={ep.id}>
                    {fmt.date(ep.airDate)} · {ep.title}
                  </option>
                ))}
              </select>
            </label>
          ))}
        {mode === 'range' && (
          <div className="press-range">
            <DateField label={t('press.pick.from')} value={range.from} onChange={(from) => from && setRange({ ...range, from })} />
            <DateField label={t('press.pick.to')} value={range.to} minDate={range.from} onChange={(to) => to && setRange({ ...range, to })} />
          </div>
        )}
        <label className="press-personal">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} /> {t('press.pick.personal')}
        </label>
      </section>
      {pick && <ReportView options={{ pick, lang, personal }} />}
    </div>
  );
}

function ReportView({ options }: { options: ReportOptions }): React.JSX.Element {
  const { t } = useTranslation();
  const state = usePressReport(options);
  return (
    <>
      <nav className="press-files" aria-label={t('press.download')}>
        <span>{t('press.download')}:</span>
        {FILES.map((format) => (
          <a key={format} href={reportUrl(options, format)} download data-format={format}>
            {t(`press.format.${format}`)}
          </a>
        ))}
      </nav>
      {state.kind === 'loading' && <p aria-live="polite">{t('press.loading')}</p>}
      {state.kind === 'failed' && (
        <p className="error" role="alert">
          {t('press.failed', { message: state.error ? errorText(state.error) : '' })}
        </p>
      )}
      {state.kind === 'ready' && <ReportBody report={state.report} />}
    </>
  );
}

function CountsFigure({ title, counts, id }: { title: string; counts: readonly ReportCount[]; id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const shown = counts.some((c) => c.count > 0);
  return (
    <figure className="press-figure" data-testid={`press-${id}`}>
      <figcaption>{title}</figcaption>
      {shown ? (
        <div className="press-figure-body">
          <CountsChart counts={counts} title={title} />
          <table>
            <tbody>
              {counts.map((c) => (
                <tr key={String(c.key)}>
                  <th scope="row">{c.label}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="press-none">{t('press.none')}</p>
      )}
    </figure>
  );
}

function ReportBody({ report }: { report: Report }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const breakdowns: Array<[ReportSection, ReportCount[]]> = [
    ['byTopic', report.byTopic],
    ['byDistrict', report.byDistrict],
    ['byChannel', report.byChannel],
    ['byLanguage', report.byLanguage],
    ['rejectedByReason', report.rejectedByReason],
    ['bySpeaker', report.bySpeaker],
    ['byDepartment', report.byDepartment],
    ['handoffs', HANDOFF_STATES.map((k) => ({ key: k, label: t(`press.handoffState.${k}`), count: report.handoffs[k] }))],
    ['commitments', COMMITMENT_STATES.map((k) => ({ key: k, label: t(`press.commitmentState.${k}`), count: report.commitments[k] }))],
  ];
  return (
    <main className="press-report">
      <p className="press-period">
        {report.episode ? `${report.episode.title} (${fmt.date(report.episode.airDate)})` : t('press.period', { from: fmt.date(report.range.from), to: fmt.date(report.range.to) })} ·{' '}
        {report.previousEpisode
          ? t('press.previousEpisode', { title: report.previousEpisode.title, airDate: fmt.date(report.previousEpisode.airDate) })
          : t('press.previousPeriod', { ...report.previousRange })}
      </p>
      <section aria-labelledby="press-totals">
        <h2 id="press-totals">{t('press.section.totals')}</h2>
        <table className="press-totals" data-testid="press-totals">
          <thead>
            <tr>
              <th>{t('press.column.figure')}</th>
              <th>{t('press.column.count')}</th>
              <th>{t('press.column.previous')}</th>
              <th>{t('press.column.change')}</th>
            </tr>
          </thead>
          <tbody>
            {REPORT_TOTALS.map((k) => {
              const change = report.totals[k] - report.previousTotals[k];
              return (
                <tr key={k} data-total={k}>
                  <th scope="row">{t(`press.totals.${k}`)}</th>
                  <td>{report.totals[k]}</td>
                  <td>{report.previousTotals[k]}</td>
                  <td className={change > 0 ? 'up' : change < 0 ? 'down' : undefined}>{change > 0 ? `+${change}` : change}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="press-charts" aria-label={t('press.charts')}>
        {breakdowns.map(([id, counts]) => (
          <CountsFigure key={id} id={id} title={t(`press.section.${id}`)} counts={counts} />
        ))}
      </section>
      <section aria-labelledby="press-answered">
        <h2 id="press-answered">{t('press.section.answered')}</h2>
        {report.answered.length === 0 ? (
          <p className="press-none">{t('press.none')}</p>
        ) : (
          <table className="press-list" data-testid="press-answered">
            <thead>
              <tr>
                <th>{t('press.column.reference')}</th>
                <th>{t('press.column.decidedAt')}</th>
                <th>{t('press.column.speaker')}</th>
                <th>{t('press.column.question')}</th>
                <th>{t('press.column.summary')}</th>
                <th>{t('press.column.askedBy')}</th>
                <th>{t('press.column.commitments')}</th>
                {report.personal && <th>{t('press.column.asker')}</th>}
              </tr>
            </thead>
            <tbody>
              {report.answered.map((a) => (
                <tr key={`${a.reference}-${a.decidedAt}`}>
                  <td>{a.reference}</td>
                  <td>{formatCityTime(a.decidedAt, 'YYYY-MM-DD HH:mm')}</td>
                  <td>{a.speaker}</td>
                  <td>{a.question}</td>
                  <td>{a.summary}</td>
                  <td>{a.askedBy}</td>
                  <td>
                    <ul>
                      {a.commitments.map((c, i) => (
                        <li key={i}>
                          {c.what} — {c.who}
                          {c.due && ` (${fmt.date(c.due)}, ${t(`press.commitmentState.${c.state}`)})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  {report.personal && <td>{a.asker}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="press-handoffs">
        <h2 id="press-handoffs">{t('press.section.handoffList')}</h2>
        {report.handoffList.length === 0 ? (
          <p className="press-none">{t('press.none')}</p>
        ) : (
          <table className="press-list" data-testid="press-handoff-list">
            <thead>
              <tr>
                <th>{t('press.column.reference')}</th>
                <th>{t('press.column.department')}</th>
                <th>{t('press.column.createdAt')}</th>
                <th>{t('press.column.due')}</th>
                <th>{t('press.column.state')}</th>
              </tr>
            </thead>
            <tbody>
              {report.handoffList.map((h) => (
                <tr key={h.reference}>
                  <td>{h.reference}</td>
                  <td>{h.department}</td>
                  <td>{formatCityTime(h.createdAt, 'YYYY-MM-DD HH:mm')}</td>
                  <td>{fmt.date(h.due)}</td>
                  <td>{t(`press.handoffState.${h.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
