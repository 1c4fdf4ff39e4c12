import type { QuestionStatus } from '../../../shared/domain';
import type { InboxFilter } from '../../../shared/protocol';

/**
 * The console's tabs: what is waiting for a decision (the default), what can go to air, what has
 * been on air or is settled, and what was turned away. Merged questions are inside their group.
 */
export const CONSOLE_TABS = {
  review: ['new'],
  approved: ['approved', 'queued'],
  done: ['on_air', 'answered', 'handed_off', 'deferred'],
  rejected: ['rejected', 'dropped'],
} as const satisfies Record<string, readonly QuestionStatus[]>;
export type ConsoleTab = keyof typeof CONSOLE_TABS;
export const TAB_ORDER = Object.keys(CONSOLE_TABS) as ConsoleTab[];

export const DEFAULT_FILTER: InboxFilter = { statuses: [...CONSOLE_TABS.review] };

/** The tab a filter's status list is, or null when it is none of them (an old saved view). */
export function tabOf(filter: InboxFilter): ConsoleTab | null {
  const statuses = filter.statuses ?? [];
  return TAB_ORDER.find((tab) => CONSOLE_TABS[tab].length === statuses.length && CONSOLE_TABS[tab].every((s) => statuses.includes(s))) ?? null;
}

export function withTab(filter: InboxFilter, tab: ConsoleTab): InboxFilter {
  return { ...filter, statuses: [...CONSOLE_TABS[tab]] };
}
