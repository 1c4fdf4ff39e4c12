import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../../../shared/domain';
import { REJECT_REASONS, type CommandReply, type Presence, type Question } from '../../../shared/protocol';
import { SUGGESTION_SPEAKERS } from '../../../shared/suggestionRules';
import { TOPICS } from '../../../shared/vocabulary';
import { formatCityTime } from '../../../shared/time';
import type { DeskClient } from '../../api';
import { setMode, useConsoleUi } from './consoleState';
import { clearDraft, loadDraft, saveDraft } from './editDraft';
import { actionLabel, fieldLabel, fieldValue } from './historyLabels';
import { rejectReasonLabel, speakerLabel, topicLabel } from './labels';
import type { Actions, TagPatch } from './useActions';
import { useInboxStore } from './useInbox';
import { shortcutKey } from '../../../shared/shortcutKey';

type History = CommandReply<'question.history'>;

const HISTORY_SETTLE_MS = 120;

/** The suggestions not yet applied, as a tag patch; empty when there is nothing to confirm. */
export function pendingSuggestions(q: Question): TagPatch {
  const patch: TagPatch = {};
  if (q.suggestions.topic && q.suggestions.topic !== q.topic) patch.topic = q.suggestions.topic;
  if (q.suggestions.district && q.suggestions.district !== q.district) patch.district = q.suggestions.district;
  if (q.suggestions.speaker && q.suggestions.speaker !== q.speaker) patch.speaker = q.suggestions.speaker;
  return patch;
}

interface DetailProps {
  client: DeskClient;
  actions: Actions;
  question: Question | null;
  /** Other producers on this same question: a warning before editing it too. */
  others: readonly Presence[];
}

export function DetailPanel({ client, actions, question: q, others }: DetailProps): React.JSX.Element {
  const { t } = useTranslation();
  const mode = useConsoleUi((s) => s.mode);
  const selected = useConsoleUi((s) => s.selected);
  const [history, setHistory] = useState<History | null>(null);
  const groupSize = useInboxStore((s) => (q?.groupId == null ? undefined : s.groupSizes.get(q.groupId)) ?? q?.groupSize ?? 1);

  const id = q?.id;
  const version = q?.version;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    // Wait until the producer stops on a question before asking for its history.
    const timer = setTimeout(() => {
      client.send('question.history', { id }).then(
        (h) => {
          if (live) setHistory(h);
        },
        () => {},
      );
    }, HISTORY_SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, id, version]);

  if (!q) return <aside className="detail empty">{t('console.pickQuestion')}</aside>;
  const suggestions = pendingSuggestions(q);
  const duplicates = [...selected].filter((x) => x !== q.id).map((x) => useInboxStore.getState().byId.get(x)).filter((x) => x !== undefined);

  return (
    <aside className="detail" aria-label={q.reference} data-testid="detail">
      <h2>
        {q.reference} · {t(`status.${q.status}`)}
        {q.rejectReason && <small> ({rejectReasonLabel(t, q.rejectReason)})</small>}
      </h2>
      {others.length > 0 && (
        <p className="presence-warning" role="status">
          {others.map((p) => t(`console.presence.${p.activity}`, { name: p.name })).join(' · ')}
        </p>
      )}
      <section>
        <h3>{t('console.originalText')}</h3>
        <p className="original-text" data-testid="original-text">
          {q.originalText}
        </p>
        <h3>{t('console.airText')}</h3>
        <p className="air-text" data-testid="air-text">
          {q.airText}
        </p>
        {mode === 'edit' ? (
          <AirTextEditor key={q.id} question={q} actions={actions} />
        ) : (
          <button type="button" onClick={() => setMode('edit')}>
            {t('console.edit')} (e)
          </button>
        )}
      </section>

      <AirNameField key={`${q.id}:${q.version}`} question={q} actions={actions} />

      {mode === 'reject' && (
        <RejectChooser question={q} actions={actions} count={selected.size} />
      )}

      <section className="tags">
        <h3>{t('console.tag.title')}</h3>
        <TagSelect label={t('console.filter.topic')} value={q.topic} options={TOPICS.map((v) => [v, topicLabel(t, v)])} onChange={(topic) => void actions.tag(q, { topic })} />
        <TagSelect label={t('district.label')} value={q.district} options={DISTRICTS.map((v) => [v, t(`district.${v}`)])} onChange={(d) => void actions.tag(q, { district: DISTRICTS.find((x) => x === d) ?? null })} />
        <TagSelect label={t('console.filter.speaker')} value={q.speaker} options={SUGGESTION_SPEAKERS.map((v) => [v, speakerLabel(t, v)])} onChange={(speaker) => void actions.tag(q, { speaker })} />
      </section>

      <section className="suggestions" data-testid="suggestions">
        <h3>{t('console.suggestion.title')}</h3>
        {Object.keys(suggestions).length === 0 ? (
          <p>{t('console.suggestion.none')}</p>
        ) : (
          <>
            <ul>
              {suggestions.topic && (
                <li>
                  {t('console.filter.topic')}: {topicLabel(t, suggestions.topic)}{' '}
                  <button type="button" onClick={() => void actions.tag(q, { topic: suggestions.topic })}>{t('console.suggestion.confirm')}</button>
                </li>
              )}
              {suggestions.district && (
                <li>
                  {t('district.label')}: {t(`district.${suggestions.district}`)}{' '}
                  <button type="button" onClick={() => void actions.tag(q, { district: suggestions.district })}>{t('console.suggestion.confirm')}</button>
                </li>
              )}
              {suggestions.speaker && (
                <li>
                  {t('console.filter.speaker')}: {speakerLabel(t, suggestions.speaker)}{' '}
                  <button type="button" onClick={() => void actions.tag(q, { speaker: suggestions.speaker })}>{t('console.suggestion.confirm')}</button>
                </li>
              )}
            </ul>
            <button type="button" onClick={() => void actions.tag(q, suggestions)}>
              {t('console.suggestion.confirmAll')}
            </button>
          </>
        )}
      </section>

      <section className="group" data-testid="group">
        <h3>
          {t('console.group.title')} · {t('console.askedBy', { count: groupSize })}
        </h3>
        {duplicates.length > 0 && (
          <button type="button" onClick={() => void actions.merge(q, duplicates)}>
            {t('console.group.merge')} ({duplicates.length})
          </button>
        )}
        {history && history.group.length > 1 ? (
          <ul>
            {history.group.map((m) => (
              <li key={m.id}>
                <span className="reference">{m.reference}</span> {m.originalText}{' '}
                {m.groupSize > 1 && (
                  <button type="button" onClick={() => void actions.split(m)}>
                    {t('console.group.split')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('console.group.alone')}</p>
        )}
      </section>

      <section className="history" data-testid="history">
        <h3>{t('console.history.title')}</h3>
        {history && history.audit.length > 0 ? (
          <ol>
            {history.audit.map((a) => (
              <li key={a.id}>
                {t('console.history.change', {
                  actor: a.actor,
                  time: formatCityTime(a.at, 'DD.MM HH:mm:ss'),
                  action: actionLabel(t, a.action, a.after),
                })}
                <ChangeDiff before={a.before} after={a.after} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('console.history.none')}</p>
        )}
        <h3>{t('console.history.earlier')}</h3>
        {history && history.earlier.length > 0 ? (
          <ul data-testid="earlier">
            {history.earlier.map((e) => (
              <li key={e.id}>
                <span className="reference">{e.reference}</span> {formatCityTime(e.receivedAt, 'DD.MM.YYYY')} · {t(`status.${e.status}`)}
                {e.rejectReason ? ` (${rejectReasonLabel(t, e.rejectReason)})` : ''} — {e.originalText}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('console.history.noEarlier')}</p>
        )}
      </section>
    </aside>
  );
}

function ChangeDiff({ before, after }: { before: unknown; after: unknown }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return null;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return null;
  return (
    <dl className="diff">
      {keys.map((k) => (
        <div key={k}>
          <dt>{fieldLabel(t, k)}</dt>
          <dd>
            <del>{fieldValue(t, k, b[k])}</del> → <ins>{fieldValue(t, k, a[k])}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A tag chosen from the vocabulary by typing a few letters; a value outside it is still shown. */
function TagSelect({ label, value, options, onChange }: { label: string; value: string | null; options: ReadonlyArray<readonly [string, string]>; onChange: (value: string | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const known = value === null || options.some(([v]) => v === value);
  const data = [...(known || value === null ? [] : [{ value, label: value }]), ...options.map(([v, l]) => ({ value: v, label: l }))];
  return (
    <Select
      className="tag-select"
      label={label}
      placeholder={t('console.tag.none')}
      data={data}
      value={value}
      searchable
      clearable
      size="xs"
      comboboxProps={{ withinPortal: true }}
      onChange={(v) => onChange(v)}
    />
  );
}

/**
 * The first name the speaker reads out. Parsed from the sender's name at intake; when the parser
 * was unsure the producer is asked to check it, and saving (even unchanged) confirms it.
 */
function AirNameField({ question, actions }: { question: Question; actions: Actions }): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(question.airName);
  const trimmed = draft.trim();
  const changed = trimmed !== question.airName;
  const save = (): void => {
    if (trimmed.length > 0 && (changed || question.airNameToCheck)) void actions.setAirName(question, trimmed);
  };
  return (
    <section className="air-name" data-testid="air-name">
      <h3>
        {t('console.airName')}
        {question.airNameToCheck && (
          <span className="flag" data-testid="air-name-to-check">
            {' '}
            {t('console.airNameToCheck')}
          </span>
        )}
      </h3>
      <p className="hint">{t('console.airNameHint')}</p>
      <input
        aria-label={t('console.airName')}
        value={draft}
        maxLength={60}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (shortcutKey(e) === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
      <button type="button" disabled={trimmed.length === 0 || (!changed && !question.airNameToCheck)} onClick={save}>
        {changed ? t('console.save') : t('console.airNameConfirm')}
      </button>
    </section>
  );
}

/** Keeps the version the edit started from: if someone else saves first, this save is refused. */
function AirTextEditor({ question, actions }: { question: Question; actions: Actions }): React.JSX.Element {
  const { t } = useTranslation();
  const [saved] = useState(() => loadDraft(question.id));
  const [draft, setDraft] = useState(saved?.text ?? question.airText);
  const [baseVersion] = useState(saved?.baseVersion ?? question.version);
  const close = (): void => {
    clearDraft();
    setMode('none');
  };
  const save = (): void => {
    void actions.edit(question.id, baseVersion, draft).then((ok) => {
      if (ok) close();
    });
  };
  return (
    <div className="air-editor">
      <textarea
        aria-label={t('console.airText')}
        autoFocus
        rows={4}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          saveDraft({ questionId: question.id, baseVersion, text: e.target.value });
        }}
        onKeyDown={(e) => {
          if (shortcutKey(e) === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          } else if (shortcutKey(e) === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <button type="button" className="primary" onClick={save}>
        {t('console.save')} (Ctrl+Enter)
      </button>
      <button type="button" onClick={close}>
        {t('console.cancel')} (Esc)
      </button>
    </div>
  );
}

function RejectChooser({ question, actions, count }: { question: Question; actions: Actions; count: number }): React.JSX.Element {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <section className="reject-chooser" data-testid="reject-chooser">
      <h3>{count > 0 ? `${t('console.selection.reject')} ${t('console.selection.count', { count })}` : t('console.rejectTitle')}</h3>
      <div className="reasons">
        {REJECT_REASONS.map((r, i) => (
          <button
            key={r}
            type="button"
            onClick={() => {
              void (count > 0
                ? actions.bulkReject([...useConsoleUi.getState().selected].map((id) => useInboxStore.getState().byId.get(id)).filter((x) => x !== undefined), r)
                : actions.reject(question, r, note.trim() || undefined)
              ).then(() => setMode('none'));
            }}
          >
            <kbd>{i + 1}</kbd> {t(`console.rejectReason.${r}`)}
          </button>
        ))}
      </div>
      {count === 0 && (
        <label>
          <span>{t('console.rejectNote')}</span>
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
    </section>
  );
}
