import { useCallback, useEffect, useState } from 'react';
import './rundown.css';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../theme/dayjsLocales';
import type { Episode, Outcome, OutcomeInput, OutcomeKind, Rundown, RundownItem } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { shortcutKey } from '../../../shared/shortcutKey';
import { CommandError } from '../../api';
import { useAirControl } from '../../components/AirControl';
import { AppNav } from '../../components/AppNav';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import { GraphicsPanel } from '../graphics/GraphicsPanel';
import { usePrompter } from '../prompter/usePrompter';
import { ApprovedList } from './ApprovedList';
import { CuePanel } from './CuePanel';
import { deferTargets } from './deferTargets';
import { draftFrom, EpisodeForm, type EpisodeDraft } from './EpisodeForm';
import { formatDuration } from './format';
import { OutcomeDialog } from './OutcomeDialog';
import { QueueBoard } from './QueueBoard';
import { ShowClock } from './ShowClock';
import { useDepartments, useEpisodes, useNow, useQueueable, useRundown, useWorkingCalendar } from './useRundown';

/** Why the outcome dialog is open: one question, before taking the next, or the end-of-show walk. */
type OutcomeMode = 'single' | 'thenNext' | 'walkthrough';

export function RundownPage(): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const client = useDeskClient('producer');
  const status = useConnectionStatus(client);
  const episodes = useEpisodes(client);
  const [selected, setSelected] = useState<number | null>(null);
  const { rundown, apply } = useRundown(client, selected);
  const queueable = useQueueable(client);
  const departments = useDepartments(client);
  const calendar = useWorkingCalendar(client);
  const prompter = usePrompter(client);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<EpisodeDraft | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ item: RundownItem; mode: OutcomeMode; left: number } | null>(null);

  const fail = useCallback(
    (e: unknown) => setError(e instanceof CommandError ? e.message : t('error.internal')),
    [t],
  );
  const run = useCallback(
    (action: Promise<unknown>): void => {
      setError(null);
      action.catch(fail);
    },
    [fail],
  );

  const episode = rundown?.episode ?? null;
  const isLive = episode?.status === 'live';
  const readOnly = episode?.status === 'done';
  // What the teleprompter shows is what the rundown calls on air: both read the one projection.
  const onAir = rundown?.items.find((i) => i.questionId === prompter.current?.id) ?? null;
  const next = rundown?.items.find((i) => i.questionId === prompter.next?.id) ?? null;
  const air = useAirControl(client, fail);
  const targets = episode ? deferTargets(episodes, episode) : [];

  const { putOnAir: airPut, offerUndo } = air;
  const putOnAir = useCallback(
    (item: RundownItem) => {
      setError(null);
      airPut({ id: item.questionId, version: item.version });
    },
    [airPut],
  );

  /** One keystroke (N): if a question is on air, its outcome is asked first, then the core's take next. */
  const takeNext = useCallback((): void => {
    if (!rundown || !isLive || dialog) return;
    setError(null);
    if (onAir) setDialog({ item: onAir, mode: 'thenNext', left: 0 });
    else if (next) client.send('show.next', {}).then(offerUndo, fail);
  }, [rundown, isLive, dialog, onAir, next, client, offerUndo, fail]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (shortcutKey(e) === 'n') {
        e.preventDefault();
        takeNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [takeNext]);

  const refresh = async (id: number): Promise<Rundown | null> => {
    const fresh = await client.send('episode.get', { id });
    if (fresh) apply(fresh);
    return fresh;
  };

  /** The end-of-show walk: what the core says is left, one outcome at a time, then the episode ends. */
  const walk = async (episodeId: number): Promise<void> => {
    const { items } = await client.send('episode.pending', { id: episodeId });
    const first = items[0];
    if (first) setDialog({ item: first, mode: 'walkthrough', left: items.length });
    else {
      setDialog(null);
      await client.send('episode.end', { id: episodeId });
    }
  };

  const submitOutcome = async (outcome: OutcomeInput): Promise<void> => {
    if (!dialog || !episode) return;
    setError(null);
    try {
      if (dialog.mode === 'thenNext') {
        setDialog(null);
        await client.send('show.next', { outcome });
        offerUndo();
        return;
      }
      await client.send('outcome.record', { id: dialog.item.questionId, version: dialog.item.version, outcome });
      const fresh = await refresh(episode.id);
      if (!fresh) return setDialog(null);
      if (dialog.mode === 'walkthrough') return await walk(episode.id);
      setDialog(null);
    } catch (e) {
      setDialog(null);
      fail(e);
    }
  };

  const saveEpisode = (draft: EpisodeDraft): void => {
    const base = { ...draft, speakers: draft.speakers.map((s) => ({ ...s, name: s.name.trim() })) };
    const request =
      editingId !== null && episode ? { ...base, id: editingId, version: episode.version } : base;
    setError(null);
    client.send('episode.save', request).then((saved) => {
      setEditing(null);
      setSelected(saved.episode.id);
      apply(saved);
    }, fail);
  };

  const outcomeHeading = (mode: OutcomeMode, left: number): string =>
    mode === 'walkthrough' ? t('rundown.walkthrough.heading', { count: left }) : t('rundown.outcome.title');

  return (
    <div className="rundown">
      <header className="topbar">
        <h1>{t('rundown.title')}</h1>
        <ConnectionBadge status={status} />
        <AppNav />
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="rundown-layout">
        <nav className="episode-list" aria-label={t('rundown.episodes')}>
          <h2>{t('rundown.episodes')}</h2>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setEditingId(null);
              setEditing(draftFrom(null));
            }}
          >
            {t('rundown.episode.new')}
          </button>
          <ul>
            {episodes.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  aria-current={episode?.id === e.id ? 'true' : undefined}
                  onClick={() => setSelected(e.id)}
                >
                  {e.title} <small>{`${fmt.date(e.airDate)}, ${e.startTime}`} · {t(`rundown.episodeStatus.${e.status}`)}</small>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="rundown-main">
          {editing ? (
            <EpisodeForm initial={editing} onSave={saveEpisode} onCancel={() => setEditing(null)} />
          ) : !rundown || !episode ? (
            <p className="empty">{t('rundown.noEpisode')}</p>
          ) : (
            <>
              <section className="episode-header" aria-label={episode.title}>
                <h2 data-testid="episode-title">{episode.title}</h2>
                <p>
                  {t('rundown.episode.when', {
                    date: fmt.date(episode.airDate),
                    time: episode.startTime,
                    duration: episode.durationMin,
                  })}{' '}
                  · <strong data-testid="episode-status">{t(`rundown.episodeStatus.${episode.status}`)}</strong>
                  {episode.rehearsal && (
                    <strong className="rehearsal-badge" data-testid="rehearsal-badge">
                      {' '}
                      {t('rundown.rehearsal')}
                    </strong>
                  )}
                </p>
                <ShowClock episode={episode} items={rundown.items} />
                <div className="episode-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setEditingId(episode.id);
                      setEditing(draftFrom(rundown));
                    }}
                  >
                    {t('rundown.episode.edit')}
                  </button>
                  {episode.status === 'planned' && (
                    <button type="button" className="primary" onClick={() => run(client.send('episode.start', { id: episode.id }))}>
                      {t('rundown.episode.startShow')}
                    </button>
                  )}
                  {isLive && (
                    <button type="button" onClick={() => void walk(episode.id).catch(fail)}>
                      {t('rundown.episode.endShow')}
                    </button>
                  )}
                </div>
              </section>
              {isLive && <OnAirPanel onAir={onAir} next={next} takeNext={takeNext} outcome={(item) => setDialog({ item, mode: 'single', left: 0 })} />}
              <div className={`rundown-work${readOnly ? ' read-only' : ''}`}>
                <div className="rundown-queues">
                  <QueueBoard
                    rundown={rundown}
                    readOnly={readOnly}
                    actions={{
                      move: (questionId, speakerId, index) => run(client.send('queue.move', { questionId, speakerId, index }).then(apply)),
                      putOnAir,
                      outcome: (item) => setDialog({ item, mode: 'single', left: 0 }),
                      remove: (item) => run(client.send('queue.remove', { id: item.questionId, version: item.version })),
                      activate: (speakerId) => run(client.send('episode.setActiveSpeaker', { id: episode.id, speakerId })),
                    }}
                  />
                  <p className="keyboard-help">{t('rundown.keyboardHelp')}</p>
                </div>
                {!readOnly && (
                  <ApprovedList
                    questions={queueable}
                    rundown={rundown}
                    add={(q, speakerId) => run(client.send('queue.add', { id: q.id, version: q.version, speakerId }))}
                  />
                )}
              </div>
              {isLive && (
                <div className="rundown-tools">
                  <CuePanel client={client} state={prompter} run={run} />
                  <GraphicsPanel client={client} onAirId={onAir?.questionId ?? null} run={run} />
                </div>
              )}
              <OutcomeTable outcomes={rundown.outcomes} departments={departments} episodes={episodes} />
            </>
          )}
        </main>
      </div>
      {dialog && (
        <OutcomeDialog
          key={`${dialog.item.questionId}-${dialog.mode}`}
          item={dialog.item}
          departments={departments}
          calendar={calendar}
          deferTargets={targets}
          heading={outcomeHeading(dialog.mode, dialog.left)}
          initialKind={dialog.item.status === 'on_air' ? 'answered' : ('deferred' satisfies OutcomeKind)}
          canAnswer={dialog.item.status === 'on_air' || dialog.item.airedMs > 0}
          onSubmit={(o) => void submitOutcome(o)}
          onCancel={() => setDialog(null)}
          {...(dialog.mode === 'walkthrough' && episode
            ? {
                onDeferRest: (rest: { toEpisodeId: number | null; note: string }) => {
                  setDialog(null);
                  client.send('episode.end', { id: episode.id, deferRest: rest }).then(apply, fail);
                },
              }
            : {})}
        />
      )}
      {air.view}
    </div>
  );
}

function OnAirPanel({
  onAir,
  next,
  takeNext,
  outcome,
}: {
  onAir: RundownItem | null;
  next: RundownItem | null;
  takeNext: () => void;
  outcome: (item: RundownItem) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <section className="on-air-panel rundown-on-air" aria-label={t('rundown.onAirNow')}>
      <div>
        <h2>{t('rundown.onAirNow')}</h2>
        <p data-testid="rundown-on-air">
          {onAir ? onAir.airText : t('rundown.nothingOnAir')}
          {onAir && onAir.askedBy > 1 && <span className="asked-by"> · {t('console.askedBy', { count: onAir.askedBy })}</span>}
        </p>
        {onAir && (
          <p className="aired" data-testid="on-air-time">
            {t('rundown.onAirFor', { time: formatDuration(onAir.airedMs + (onAir.onAirSince ? now - onAir.onAirSince : 0)) })}
          </p>
        )}
        {onAir && (
          <button type="button" onClick={() => outcome(onAir)}>
            {t('rundown.recordOutcome')}
          </button>
        )}
      </div>
      <div>
        <h2>{t('rundown.next')}</h2>
        <p data-testid="rundown-next">{next ? next.airText : t('rundown.nothingNext')}</p>
        <button type="button" className="primary" onClick={takeNext} disabled={!onAir && !next} aria-keyshortcuts="N">
          {t('rundown.takeNext')}
        </button>
      </div>
    </section>
  );
}

function OutcomeTable({
  outcomes,
  departments,
  episodes,
}: {
  outcomes: readonly Outcome[];
  departments: ReturnType<typeof useDepartments>;
  episodes: readonly Episode[];
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const fmt = useDateFormat();
  if (outcomes.length === 0) return null;
  const lang = (i18n.language === 'kk' || i18n.language === 'en' ? i18n.language : 'ru') as 'kk' | 'ru' | 'en';
  return (
    <section className="outcomes" aria-label={t('rundown.outcomes')}>
      <h2>{t('rundown.outcomes')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('rundown.table.question')}</th>
            <th>{t('rundown.table.outcome')}</th>
            <th>{t('rundown.table.details')}</th>
            <th>{t('rundown.table.onAir')}</th>
            <th>{t('rundown.table.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={`${o.questionId}-${o.decidedAt}`} data-question-id={o.questionId} data-outcome={o.kind}>
              <td>
                <span className="reference">{o.reference}</span> {o.airText}
                {o.askedBy > 1 && <span className="asked-by"> · {t('console.askedBy', { count: o.askedBy })}</span>}
              </td>
              <td>{t(`rundown.outcome.${o.kind}`)}</td>
              <td>
                {o.summary}
                {o.commitments.map((c, i) => (
                  <div key={i}>{t('rundown.commitmentLine', { what: c.what, who: c.who, due: c.due ? fmt.date(c.due) : '—' })}</div>
                ))}
                {o.handoffReference &&
                  t('rundown.handoffLine', {
                    department: departments.find((d) => d.id === o.departmentId)?.names[lang] ?? '',
                    reference: o.handoffReference,
                    due: o.dueDate,
                  })}
                {o.deferredToEpisodeId !== null && (
                  <DeferredTo episode={episodes.find((e) => e.id === o.deferredToEpisodeId)} />
                )}
                {o.reason}
              </td>
              <td>{o.airedMs > 0 ? formatDuration(o.airedMs) : '—'}</td>
              <td>{formatCityTime(o.decidedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DeferredTo({ episode }: { episode: Episode | undefined }): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  if (!episode) return null;
  return (
    <div className="deferred-to">
      {t('rundown.deferredToLine', { episode: t('rundown.episodeLabel', { title: episode.title, date: fmt.date(episode.airDate) }) })}
    </div>
  );
}
