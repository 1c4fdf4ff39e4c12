import { useCallback, useEffect, useState } from 'react';
import type { Department, Episode, Question, Rundown } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';
import { formatCityTime } from '../../../shared/time';
import { WEEKENDS_ONLY, type WorkingCalendar } from '../../../shared/workingDays';

/** Episodes newest first; reloaded on connect and whenever any rundown changes. */
export function useEpisodes(client: DeskClient): Episode[] {
  const [episodes, setEpisodes] = useState<Episode[]>([]);
  const load = useCallback(() => {
    client.send('episode.list', {}).then((r) => setEpisodes(r.items), () => {});
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('rundown.changed', load), [client, load]);
  return episodes;
}

/**
 * One episode's rundown, shared live: every producer's change arrives as `rundown.changed`.
 * `selected` null follows the desk's current episode (live, else next planned).
 */
export function useRundown(
  client: DeskClient,
  selected: number | null,
): { rundown: Rundown | null; apply: (r: Rundown) => void } {
  const [rundown, setRundown] = useState<Rundown | null>(null);
  const load = useCallback(() => {
    client.send('episode.get', selected === null ? {} : { id: selected }).then(setRundown, () => setRundown(null));
  }, [client, selected]);
  useOnConnect(client, load);
  useEffect(() => {
    load();
    return client.on('rundown.changed', (next) => {
      setRundown((current) => (current === null || current.episode.id === next.episode.id ? next : current));
    });
  }, [client, load]);
  // An edit made in the console (on-air text, status) bumps a queued question's version: reload,
  // so the next command from the rundown carries the version the server has.
  const ids = rundown?.items.map((i) => i.questionId).join(',') ?? '';
  useEffect(() => {
    const queued = new Set(ids.split(',').map(Number));
    return client.on('question.updated', (q) => {
      if (queued.has(q.id)) load();
    });
  }, [client, ids, load]);
  return { rundown, apply: setRundown };
}

/** Approved (or deferred) questions a producer can still queue, kept fresh by question events. */
export function useQueueable(client: DeskClient): Question[] {
  const [byId, setById] = useState<ReadonlyMap<number, Question>>(new Map());
  const load = useCallback(() => {
    client.send('inbox.list', { limit: 500 }).then(
      (r) => setById(new Map(r.items.map((q) => [q.id, q]))),
      () => {},
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => {
    const upsert = (q: Question): void =>
      setById((current) => {
        const existing = current.get(q.id);
        if (existing && existing.version > q.version) return current;
        const next = new Map(current);
        next.set(q.id, q);
        return next;
      });
    const offCreated = client.on('question.created', upsert);
    const offUpdated = client.on('question.updated', upsert);
    return () => {
      offCreated();
      offUpdated();
    };
  }, [client]);
  return [...byId.values()]
    .filter((q) => q.status === 'approved' || q.status === 'deferred')
    .sort((a, b) => a.id - b.id);
}

export function useDepartments(client: DeskClient): Department[] {
  const [departments, setDepartments] = useState<Department[]>([]);
  const load = useCallback(() => {
    client.send('department.list', {}).then((r) => setDepartments(r.items), () => {});
  }, [client]);
  useOnConnect(client, load);
  return departments;
}

/**
 * The working-day calendar for this year and the next (a due date 15 working days out can cross
 * New Year), so the outcome dialog proposes the same default due date the core would compute.
 */
export function useWorkingCalendar(client: DeskClient): WorkingCalendar {
  const [calendar, setCalendar] = useState<WorkingCalendar>(WEEKENDS_ONLY);
  const load = useCallback(() => {
    const year = Number(formatCityTime(Date.now(), 'YYYY'));
    Promise.all([year, year + 1].map((y) => client.send('calendar.list', { year: y }))).then((years) => {
      const days = years.flatMap((r) => r.days);
      setCalendar({
        daysOff: new Set(days.filter((d) => d.kind === 'day_off').map((d) => d.day)),
        workingDays: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.day)),
      });
    }, () => {});
  }, [client]);
  useOnConnect(client, load);
  return calendar;
}

/** Re-renders every `ms` for clocks; one timer per component that shows time. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
