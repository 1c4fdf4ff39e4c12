import { useEffect, useState } from 'react';
import type { Language } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { Report, ReportEpisode, ReportFormat } from '../../../shared/protocol';

/** What the press officer picked: Almaty days (a week is Monday–Sunday) or one episode. */
export type ReportPick = { kind: 'range'; from: string; to: string } | { kind: 'episode'; episodeId: number };

export interface ReportOptions {
  pick: ReportPick;
  lang: Language;
  personal: boolean;
}

/** The `/api/reports` address of the report in `format` (a paired device's cookie goes with it, as with every request). */
export function reportUrl(options: ReportOptions, format: ReportFormat): string {
  const params = new URLSearchParams(
    options.pick.kind === 'range' ? { from: options.pick.from, to: options.pick.to } : { episode: String(options.pick.episodeId) },
  );
  params.set('lang', options.lang);
  params.set('format', format);
  if (options.personal) params.set('personal', '1');
  return `/api/reports?${params.toString()}`;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

async function getJson<T>(url: string, signal: AbortSignal): Promise<Answer<T>> {
  const response = await fetch(url, { signal });
  return (await response.json()) as Answer<T>;
}

export type ReportState = { kind: 'loading' } | { kind: 'ready'; report: Report } | { kind: 'failed'; error: AppErrorShape | null };

/** The report for the current pick, fetched again when the pick or the language changes. */
export function usePressReport(options: ReportOptions): ReportState {
  // Kept with the address it answers, so a new pick shows "loading" until its own answer arrives.
  const [answered, setAnswered] = useState<{ url: string; state: ReportState } | null>(null);
  const url = reportUrl(options, 'json');
  useEffect(() => {
    const controller = new AbortController();
    getJson<Report>(url, controller.signal)
      .then((answer) =>
        setAnswered({ url, state: answer.ok ? { kind: 'ready', report: answer.value } : { kind: 'failed', error: answer.error } }),
      )
      .catch(() => {
        if (!controller.signal.aborted) setAnswered({ url, state: { kind: 'failed', error: null } });
      });
    return () => controller.abort();
  }, [url]);
  return answered?.url === url ? answered.state : { kind: 'loading' };
}

/** Episodes to pick from, newest first (empty until loaded or when there are none). */
export function useReportEpisodes(): ReportEpisode[] {
  const [episodes, setEpisodes] = useState<ReportEpisode[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    getJson<ReportEpisode[]>('/api/reports/episodes', controller.signal)
      .then((answer) => {
        if (answer.ok) setEpisodes(answer.value);
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return episodes;
}
