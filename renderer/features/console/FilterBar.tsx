import { Select } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DISTRICTS, LANGUAGES } from '../../../shared/domain';
import { GROUP_SIZE_SORT_LIMIT, INBOX_SORTS, QUESTION_FLAGS, type InboxFilter, type InboxSort, type SavedView } from '../../../shared/protocol';
import { SUGGESTION_SPEAKERS } from '../../../shared/suggestionRules';
import { TOPICS } from '../../../shared/vocabulary';
import type { DeskClient } from '../../api';
import { DateTimeField } from '../../components/pickers';
import { useOnConnect } from '../../components/useDeskClient';
import { useDateFormat } from '../../theme/dayjsLocales';
import { DEFAULT_FILTER, tabOf, TAB_ORDER, withTab } from './consoleTabs';
import { speakerLabel, topicLabel } from './labels';
import { setFilter, useInboxStore } from './useInbox';
import { shortcutKey } from '../../../shared/shortcutKey';

export const SEARCH_INPUT_ID = 'console-search';
const SEARCH_DEBOUNCE_MS = 200;

type SelectKey = 'channel' | 'district' | 'language' | 'topic' | 'speaker' | 'flag';
/** Long lists get a search box in their dropdown. */
const SEARCHABLE: ReadonlySet<SelectKey> = new Set(['district', 'topic', 'speaker']);

/** Review / Approved / On air & done / Rejected: each tab is a set of statuses, other filters kept. */
export function ConsoleTabs({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const filter = useInboxStore((s) => s.filter);
  const current = tabOf(filter);
  return (
    <div className="console-tabs" role="tablist" aria-label={t('console.tabs.label')}>
      {TAB_ORDER.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          data-tab={tab}
          aria-selected={current === tab}
          className={`console-tab tab-${tab}`}
          onClick={() => setFilter(client, withTab(useInboxStore.getState().filter, tab))}
        >
          {t(`console.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * One bar: search, the active filters as removable chips, saved views; the rarer filters fold
 * out under "More filters". Every change reloads the first page from the server.
 */
export function FilterBar({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const filter = useInboxStore((s) => s.filter);
  const [text, setText] = useState(filter.text ?? '');
  const [views, setViews] = useState<SavedView[]>([]);
  const [viewName, setViewName] = useState('');
  const [viewId, setViewId] = useState<number | null>(null);
  const [open, setOpen] = useState(false);

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

  const options: Record<SelectKey, Array<{ value: string; label: string }>> = {
    channel: CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) })),
    district: DISTRICTS.map((v) => ({ value: v, label: t(`district.${v}`) })),
    language: LANGUAGES.map((v) => ({ value: v, label: t(`lang.${v}`) })),
    topic: TOPICS.map((v) => ({ value: v, label: topicLabel(t, v) })),
    speaker: SUGGESTION_SPEAKERS.map((v) => ({ value: v, label: speakerLabel(t, v) })),
    flag: QUESTION_FLAGS.map((v) => ({ value: v, label: t(`console.flag.${v}`) })),
  };
  const selectKeys = Object.keys(options) as SelectKey[];

  // What is narrowing the list now, each with its own way out.
  const chips: Array<{ key: string; name: string; value: string; clear: Partial<InboxFilter> }> = [];
  for (const key of selectKeys) {
    const value = filter[key];
    if (value === undefined) continue;
    chips.push({ key, name: t(`console.filter.${key}`), value: options[key].find((o) => o.value === value)?.label ?? value, clear: { [key]: undefined } });
  }
  if (filter.status !== undefined) chips.push({ key: 'status', name: t('console.filter.status'), value: t(`status.${filter.status}`), clear: { status: undefined } });
  if (filter.flagged !== undefined)
    chips.push({ key: 'flagged', name: t('console.filter.flagged'), value: t(filter.flagged ? 'console.filter.flaggedOnly' : 'console.filter.notFlagged'), clear: { flagged: undefined } });
  if (filter.from !== undefined) chips.push({ key: 'from', name: t('console.filter.from'), value: fmt.dateTime(filter.from), clear: { from: undefined } });
  if (filter.to !== undefined) chips.push({ key: 'to', name: t('console.filter.to'), value: fmt.dateTime(filter.to), clear: { to: undefined } });

  return (
    <form className="filter-bar" aria-label={t('console.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="filter-row">
        <input
          id={SEARCH_INPUT_ID}
          className="search"
          type="search"
          aria-label={t('console.filter.search')}
          value={text}
          placeholder={t('console.filter.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (shortcutKey(e) === 'Escape' || shortcutKey(e) === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
        <Select
          className="sort-select"
          aria-label={t('console.filter.sort.label')}
          data={INBOX_SORTS.map((v) => ({ value: v, label: t(`console.filter.sort.${v}`) }))}
          value={filter.sort ?? 'newest'}
          allowDeselect={false}
          size="xs"
          comboboxProps={{ withinPortal: true }}
          // Newest is the default order, so it is not stored in the filter (or in saved views).
          onChange={(value) => apply({ sort: value === 'newest' || value === null ? undefined : (value as InboxSort) })}
        />
        <button type="button" className="more-filters" aria-expanded={open} aria-controls="filter-panel" onClick={() => setOpen(!open)}>
          {t('console.filter.more')}
          {chips.length > 0 && <span className="chip-count"> · {chips.length}</span>}
        </button>
        <ul className="filter-chips" aria-label={t('console.filter.label')}>
          {chips.map((chip) => (
            <li key={chip.key}>
              <button type="button" className="filter-chip" aria-label={t('console.filter.remove', { name: `${chip.name} — ${chip.value}` })} onClick={() => apply(chip.clear)}>
                {chip.name}: {chip.value} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        {chips.length > 0 && (
          <button
            type="button"
            onClick={() => {
              setText('');
              setViewId(null);
              // The order is not a filter: clearing the filters keeps it.
              setFilter(client, withTab(filter.sort ? { sort: filter.sort } : {}, tabOf(filter) ?? 'review'));
            }}
          >
            {t('console.filter.clear')}
          </button>
        )}
        <div className="views">
          <select
            aria-label={t('console.view.label')}
            value={viewId ?? ''}
            onChange={(e) => {
              const view = views.find((v) => v.id === Number(e.target.value));
              if (!view) return;
              setText(view.filter.text ?? '');
              // A view saved before the tabs existed lists every status; it opens on review.
              setFilter(client, view.filter.statuses || view.filter.status ? view.filter : { ...view.filter, ...DEFAULT_FILTER });
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
      </div>
      {filter.sort === 'groupSize' && (
        <p className="sort-hint" data-testid="sort-hint">
          {t('console.filter.sort.groupSizeHint', { n: GROUP_SIZE_SORT_LIMIT })}
        </p>
      )}
      {open && (
        <div className="filter-panel" id="filter-panel">
          {selectKeys.map((key) => (
            <Select
              key={key}
              className="filter-select"
              label={t(`console.filter.${key}`)}
              placeholder={t('console.filter.any')}
              data={options[key]}
              value={filter[key] ?? null}
              searchable={SEARCHABLE.has(key)}
              clearable
              size="xs"
              comboboxProps={{ withinPortal: true }}
              onChange={(value) => apply({ [key]: value ?? undefined })}
            />
          ))}
          <Select
            className="filter-select"
            label={t('console.filter.flagged')}
            placeholder={t('console.filter.any')}
            data={[
              { value: 'true', label: t('console.filter.flaggedOnly') },
              { value: 'false', label: t('console.filter.notFlagged') },
            ]}
            value={filter.flagged === undefined ? null : String(filter.flagged)}
            clearable
            size="xs"
            onChange={(value) => apply({ flagged: value === null ? undefined : value === 'true' })}
          />
          <DateTimeField label={t('console.filter.from')} value={filter.from} onChange={(from) => apply({ from })} />
          <DateTimeField label={t('console.filter.to')} value={filter.to} onChange={(to) => apply({ to })} />
        </div>
      )}
    </form>
  );
}
