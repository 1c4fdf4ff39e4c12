import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../components/pickers';
import { CHANNELS, DISTRICTS, LANGUAGES, QUESTION_STATUSES } from '../../../shared/domain';
import { QUESTION_FLAGS, type InboxFilter, type SavedView } from '../../../shared/protocol';
import { SUGGESTION_SPEAKERS } from '../../../shared/suggestionRules';
import { TOPICS } from '../../../shared/vocabulary';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';
import { speakerLabel, topicLabel } from './labels';
import { setFilter, useInboxStore } from './useInbox';
import { shortcutKey } from '../../../shared/shortcutKey';

export const SEARCH_INPUT_ID = 'console-search';
const SEARCH_DEBOUNCE_MS = 200;

type SelectKey = 'status' | 'channel' | 'district' | 'language' | 'topic' | 'speaker' | 'flag';

/** Search, filters and saved views; every change reloads the first page from the server. */
export function FilterBar({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const filter = useInboxStore((s) => s.filter);
  const [text, setText] = useState(filter.text ?? '');
  const [views, setViews] = useState<SavedView[]>([]);
  const [viewName, setViewName] = useState('');
  const [viewId, setViewId] = useState<number | null>(null);

  const apply = useCallback(
    (patch: Partial<InboxFilter>) => {
      const next: InboxFilter = { ...useInboxStore.getState().filter, ...patch };
      for (const key of Object.keys(next) as Array<keyof InboxFilter>) if (next[key] === undefined || next[key] === '') delete next[key];
      setViewId(null);
      setFilter(client, next);
    },
    [client],
  );

  useEffect(() => {
    if ((filter.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => apply({ text: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text, apply]);

  const loadViews = useCallback(() => {
    client.send('view.list', {}).then((r) => setViews(r.items), () => {});
  }, [client]);
  useOnConnect(client, loadViews);

  const options: Record<SelectKey, ReadonlyArray<{ value: string; label: string }>> = {
    status: QUESTION_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) })),
    channel: CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) })),
    district: DISTRICTS.map((v) => ({ value: v, label: t(`district.${v}`) })),
    language: LANGUAGES.map((v) => ({ value: v, label: t(`lang.${v}`) })),
    topic: TOPICS.map((v) => ({ value: v, label: topicLabel(t, v) })),
    speaker: SUGGESTION_SPEAKERS.map((v) => ({ value: v, label: speakerLabel(t, v) })),
    flag: QUESTION_FLAGS.map((v) => ({ value: v, label: t(`console.flag.${v}`) })),
  };

  return (
    <form className="filter-bar" aria-label={t('console.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="search">
        <span>{t('console.filter.search')}</span>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          value={text}
          placeholder={t('console.filter.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (shortcutKey(e) === 'Escape' || shortcutKey(e) === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      </label>
      {(Object.keys(options) as SelectKey[]).map((key) => (
        <label key={key}>
          <span>{t(`console.filter.${key}`)}</span>
          <select value={filter[key] ?? ''} onChange={(e) => apply({ [key]: e.target.value || undefined })}>
            <option value="">{t('console.filter.any')}</option>
            {options[key].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        <span>{t('console.filter.flagged')}</span>
        <select
          value={filter.flagged === undefined ? '' : String(filter.flagged)}
          onChange={(e) => apply({ flagged: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          <option value="">{t('console.filter.any')}</option>
          <option value="true">{t('console.filter.flaggedOnly')}</option>
          <option value="false">{t('console.filter.notFlagged')}</option>
        </select>
      </label>
      <DateTimeField label={t('console.filter.from')} value={filter.from} onChange={(from) => apply({ from })} />
      <DateTimeField label={t('console.filter.to')} value={filter.to} onChange={(to) => apply({ to })} />
      <button
        type="button"
        onClick={() => {
          setText('');
          setViewId(null);
          setFilter(client, {});
        }}
      >
        {t('console.filter.clear')}
      </button>
      <div className="views">
        <select
          aria-label={t('console.view.label')}
          value={viewId ?? ''}
          onChange={(e) => {
            const view = views.find((v) => v.id === Number(e.target.value));
            if (!view) return;
            setText(view.filter.text ?? '');
            setFilter(client, view.filter);
            setViewId(view.id);
          }}
        >
          <option value="">{t('console.view.none')}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        {viewId !== null && (
          <button
            type="button"
            onClick={() => {
              client.send('view.delete', { id: viewId }).then(loadViews, () => {});
              setViewId(null);
            }}
          >
            {t('console.view.delete')}
          </button>
        )}
        <input aria-label={t('console.view.name')} placeholder={t('console.view.name')} value={viewName} onChange={(e) => setViewName(e.target.value)} />
        <button
          type="button"
          disabled={viewName.trim() === ''}
          onClick={() => {
            client.send('view.save', { name: viewName.trim(), filter }).then((saved) => {
              setViewName('');
              loadViews();
              setViewId(saved.id);
            }, () => {});
          }}
        >
          {t('console.view.save')}
        </button>
      </div>
    </form>
  );
}
