import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../../../shared/domain';
import { TOPICS } from '../../../shared/vocabulary';
import { CommandError } from '../../api';
import { useAirControl } from '../../components/AirControl';
import { AppNav } from '../../components/AppNav';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { useBacklog } from '../../components/useBacklog';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import './console.css';
import { clearSelection, setMode, setNotice, useConsoleUi, type Mode } from './consoleState';
import { DetailPanel } from './DetailPanel';
import { ConsoleTabs, FilterBar } from './FilterBar';
import { HelpOverlay } from './HelpOverlay';
import { InboxList } from './InboxList';
import { topicLabel } from './labels';
import { RulesEditor } from './RulesEditor';
import { useActions } from './useActions';
import { useInbox, useInboxStore } from './useInbox';
import { usePresence, type Activity } from './usePresence';
import { changeProducerName, producerName } from '../../components/producerName';
import { usePrompter } from '../prompter/usePrompter';
import { useShortcuts } from './useShortcuts';
import { shortcutKey } from '../../../shared/shortcutKey';

const ACTIVITY: Record<Mode, Activity> = {
  none: 'viewing',
  help: 'viewing',
  rules: 'viewing',
  edit: 'editing',
  reject: 'rejecting',
};

/** A notice speaks of the last action; it should not linger while the producer works on. */
const NOTICE_MS = 6000;

export function ConsolePage(): React.JSX.Element {
  const { t } = useTranslation();
  const [name] = useState(producerName);
  const client = useDeskClient('producer', () => name);
  const status = useConnectionStatus(client);
  useInbox(client);
  const air = useAirControl(client, (error) =>
    setNotice({ kind: 'error', text: error instanceof CommandError ? error.message : t('error.internal') }),
  );
  const actions = useActions(client, air.putOnAir);
  useShortcuts(actions, t('console.error.selectToMerge'));

  const ids = useInboxStore((s) => s.ids);
  const byId = useInboxStore((s) => s.byId);
  const loaded = useInboxStore((s) => s.loaded);
  const filter = useInboxStore((s) => s.filter);
  // The tab is where the producer is, not a filter they set.
  const filtered = Object.keys(filter).some((key) => key !== 'statuses');
  const { focusedId, selected, mode, notice } = useConsoleUi();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // A new search or filter is the producer moving on: the notice about what came before goes.
  useEffect(() => setNotice(null), [filter]);
  const focused = focusedId === null ? null : (byId.get(focusedId) ?? null);
  const others = usePresence(client, name, focusedId, ACTIVITY[mode]);
  // The same on-air projection the teleprompter and the rundown read.
  const prompterState = usePrompter(client);
  const onAir = prompterState.current;
  const backlog = useBacklog(client);
  const selection = [...selected].map((id) => byId.get(id)).filter((q) => q !== undefined);

  return (
    <div className="console">
      <header className="topbar">
        <h1>{t('console.title')}</h1>
        <ConnectionBadge status={status} />
        <label className="producer-name" title={t('console.yourNameHint')}>
          <span>{t('console.yourName')}</span>
          <input
            defaultValue={name}
            maxLength={60}
            onBlur={(e) => changeProducerName(e.target.value)}
            onKeyDown={(e) => {
              if (shortcutKey(e) === 'Enter') changeProducerName(e.currentTarget.value);
            }}
          />
        </label>
        {others.length > 0 && (
          <p className="others" data-testid="others">
            {t('console.presence.others')}{' '}
            {others.map((p) => {
              const q = p.questionId === null ? undefined : byId.get(p.questionId);
              return (
                <span key={p.session} className="other-producer">
                  {p.name}
                  {q ? ` · ${q.reference}` : ''}
                </span>
              );
            })}
          </p>
        )}
        <button type="button" onClick={() => void actions.undo()}>
          {t('console.undo')}
        </button>
        <button type="button" onClick={() => setMode(mode === 'help' ? 'none' : 'help')}>
          {t('console.help.open')}
        </button>
        <button type="button" onClick={() => setMode('rules')}>
          {t('console.rules.open')}
        </button>
        <AppNav />
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      {backlog > 0 && (
        <p className="backlog" role="status" data-testid="backlog">
          {t('console.backlog', { n: backlog })}
        </p>
      )}
      <section className={`on-air-panel${onAir ? ' live' : ''}`} aria-label={t('console.onAirNow')}>
        <h2>
          {t('console.onAirNow')}
          {prompterState.rehearsal && <span className="rehearsal-badge"> · {t('rundown.rehearsal')}</span>}
        </h2>
        <p data-testid="console-on-air">{onAir ? onAir.text : t('console.nothingOnAir')}</p>
      </section>
      <div aria-live="polite">
        {notice && (
          <p className={notice.kind === 'error' ? 'error' : 'info'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="console-notice">
            {notice.text}
          </p>
        )}
      </div>
      <FilterBar client={client} />
      <div className="console-main">
        <section className="inbox" aria-label={t('console.inbox')}>
          <div className="inbox-head">
            <ConsoleTabs client={client} />
            <h2>
              {t('console.inbox')} <small>{t('console.count', { count: ids.length })}</small>
            </h2>
          </div>
          {selection.length > 0 && (
            <div className="selection-bar" data-testid="selection-bar">
              <span>{t('console.selection.count', { count: selection.length })}</span>
              <button type="button" onClick={() => void actions.bulkApprove(selection)}>
                {t('console.selection.approve')}
              </button>
              <button type="button" onClick={() => setMode('reject')}>
                {t('console.selection.reject')}
              </button>
              <select
                aria-label={t('console.selection.tagTopic')}
                value=""
                onChange={(e) => {
                  if (e.target.value) void actions.bulkTag(selection, { topic: e.target.value });
                }}
              >
                <option value="">{t('console.selection.tagTopic')}…</option>
                {TOPICS.map((v) => (
                  <option key={v} value={v}>
                    {topicLabel(t, v)}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('console.selection.tagDistrict')}
                value=""
                onChange={(e) => {
                  const district = DISTRICTS.find((d) => d === e.target.value);
                  if (district) void actions.bulkTag(selection, { district });
                }}
              >
                <option value="">{t('console.selection.tagDistrict')}…</option>
                {DISTRICTS.map((v) => (
                  <option key={v} value={v}>
                    {t(`district.${v}`)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={clearSelection}>
                {t('console.selection.clear')}
              </button>
            </div>
          )}
          {loaded && ids.length === 0 ? (
            <p className="empty">{filtered ? t('console.emptyFiltered') : t('console.empty')}</p>
          ) : (
            <InboxList client={client} actions={actions} others={others} />
          )}
        </section>
        <DetailPanel client={client} actions={actions} question={focused} others={others.filter((p) => p.questionId !== null && p.questionId === focusedId)} />
      </div>
      {mode === 'help' && <HelpOverlay />}
      {mode === 'rules' && <RulesEditor client={client} onClose={() => setMode('none')} />}
      {air.view}
    </div>
  );
}
