import type { Handoff } from '../../../shared/protocol';

/** What the board shows: one status (overdue is derived), all open ones, or everything. */
export const BOARD_VIEWS = ['open', 'overdue', 'handed_off', 'in_progress', 'answered', 'all'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export interface BoardFilter {
  view: BoardView;
  /** null: every department. */
  departmentId: number | null;
  /** Due on or before this day ('' for any). */
  dueBy: string;
}

export const DEFAULT_FILTER: BoardFilter = { view: 'open', departmentId: null, dueBy: '' };

function inView(h: Handoff, view: BoardView): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'open':
      return h.status !== 'answered';
    case 'overdue':
      return h.overdue;
    default:
      return h.status === view;
  }
}

/** The hand-offs a filter keeps: late ones first, then by due date, answered ones last. */
export function filterBoard(items: readonly Handoff[], filter: BoardFilter): Handoff[] {
  const rank = (h: Handoff): number => (h.overdue ? 0 : h.status === 'answered' ? 2 : 1);
  return items
    .filter(
      (h) =>
        inView(h, filter.view) &&
        (filter.departmentId === null || h.departmentId === filter.departmentId) &&
        (filter.dueBy === '' || h.dueDate <= filter.dueBy),
    )
    .sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

/** Replaces a hand-off by id, or adds one the board has not seen. */
export function upsertHandoff(items: readonly Handoff[], changed: Handoff): Handoff[] {
  const at = items.findIndex((h) => h.id === changed.id);
  if (at === -1) return [changed, ...items];
  // An older event arriving after a newer reply must not undo it.
  if (items[at]!.version > changed.version) return [...items];
  return items.map((h, i) => (i === at ? changed : h));
}
