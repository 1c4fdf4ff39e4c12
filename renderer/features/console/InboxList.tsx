import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { focus, toggleSelected, useConsoleUi } from './consoleState';
import { QuestionRow, rowAttributes } from './QuestionRow';
import { searchTerms } from './textMatch';
import type { Actions } from './useActions';
import { loadMore, useInboxStore } from './useInbox';

const ESTIMATED_ROW_PX = 56;
/** Rows left below the viewport when the next page is fetched. */
const PREFETCH_ROWS = 20;

/** Only the rows on screen exist in the DOM, so 100,000 loaded questions scroll as smoothly as 10. */
export function InboxList({ client, actions, others }: { client: DeskClient; actions: Actions; others: readonly Presence[] }): React.JSX.Element {
  const { t } = useTranslation();
  const ids = useInboxStore((s) => s.ids);
  const byId = useInboxStore((s) => s.byId);
  const hasMore = useInboxStore((s) => s.hasMore);
  const loading = useInboxStore((s) => s.loading);
  const text = useInboxStore((s) => s.filter.text);
  const oldestFirst = useInboxStore((s) => s.filter.sort === 'oldest');
  const focusedId = useConsoleUi((s) => s.focusedId);
  const selected = useConsoleUi((s) => s.selected);
  const scrollRef = useRef<HTMLDivElement>(null);
  const terms = searchTerms(text);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    getItemKey: (index) => ids[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loading && lastVisible >= ids.length - PREFETCH_ROWS) loadMore(client);
  }, [client, hasMore, loading, lastVisible, ids.length]);

  const focusedIndex = focusedId === null ? -1 : ids.indexOf(focusedId);
  useEffect(() => {
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="inbox-scroll" data-testid="inbox-scroll">
      <ul className="question-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const q = byId.get(ids[item.index] ?? -1);
          if (!q) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => focus(q.id)}
              {...rowAttributes(q, q.id === focusedId, selected.has(q.id))}
            >
              <QuestionRow
                question={q}
                terms={terms}
                selected={selected.has(q.id)}
                others={others.filter((p) => p.questionId === q.id)}
                actions={actions}
                onToggle={() => toggleSelected(q.id)}
              />
            </li>
          );
        })}
      </ul>
      {loading && ids.length > 0 && <p className="loading-more">{t(oldestFirst ? 'console.loadingLater' : 'console.loadingMore')}</p>}
    </div>
  );
}
