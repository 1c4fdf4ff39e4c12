import { useEffect } from 'react';
import { create } from 'zustand';
import { GROUP_SIZE_SORT_LIMIT, type InboxFilter, type Question } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { DEFAULT_FILTER } from './consoleTabs';
import { matchesFilter } from './textMatch';

export const PAGE_SIZE = 100;

interface InboxState {
  filter: InboxFilter;
  /** Loaded questions in the filter's sort: only the pages scrolled to, never the whole table. */
  ids: readonly number[];
  byId: ReadonlyMap<number, Question>;
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  /** Bumped on every new filter, so a late reply for an old filter is dropped. */
  generation: number;
  groupSizes: ReadonlyMap<number, number>;
}

export const useInboxStore = create<InboxState>(() => ({
  filter: DEFAULT_FILTER,
  ids: [],
  byId: new Map(),
  hasMore: false,
  loading: false,
  loaded: false,
  generation: 0,
  groupSizes: new Map(),
}));

/** Inserts an id where the list's id order puts it: descending when newest first, else ascending. */
function insertSorted(ids: readonly number[], id: number, newestFirst: boolean): number[] {
  const out = [...ids];
  const at = out.findIndex((x) => (newestFirst ? x < id : x > id));
  out.splice(at === -1 ? out.length : at, 0, id);
  return out;
}

/**
 * Applies questions from events or replies. An older version never replaces a newer one; a
 * question new to the list joins it only if it matches the filter. Group sizes are kept per
 * group, so one arrival updates "asked by N" on every loaded member without touching them.
 */
export function applyQuestions(questions: readonly Question[]): void {
  useInboxStore.setState((state) => {
    const byId = new Map(state.byId);
    const groupSizes = new Map(state.groupSizes);
    let ids = state.ids;
    const sort = state.filter.sort ?? 'newest';
    const lastLoaded = ids.at(-1);
    const arrivals = new Set<number>();
    for (const question of questions) {
      const existing = byId.get(question.id);
      if (existing && existing.version > question.version) continue;
      byId.set(question.id, question);
      if (question.groupId !== null) groupSizes.set(question.groupId, question.groupSize);
      // Beyond the last loaded page it will come with that page, in order. The group-size order
      // is a snapshot of its one page: a newcomer appears when the producer sorts again.
      const withinLoaded =
        sort !== 'groupSize' &&
        (!state.hasMore || lastLoaded === undefined || (sort === 'newest' ? question.id > lastLoaded : question.id < lastLoaded));
      if (!existing && withinLoaded) arrivals.add(question.id);
    }
    // Decided on the batch's final state: a rejected row and the member taking its place come together.
    const rows = groupRows({ ids, byId, filter: state.filter });
    for (const id of [...arrivals].sort((a, b) => a - b)) {
      const question = byId.get(id)!;
      if (!matchesFilter(question, state.filter) || rows.folds(question)) continue;
      ids = insertSorted(ids, id, sort === 'newest');
      rows.listed(question);
    }
    return { byId, ids, groupSizes };
  });
}

/**
 * The inbox's rule for groups, as the server applies it (store/questions.ts COLLAPSE_GROUPS): a
 * member folded into another is not listed, and a waiting member is not when an older waiting
 * member of its group already is. A text search lists every match.
 */
function groupRows(state: Pick<InboxState, 'ids' | 'byId' | 'filter'>): {
  folds(question: Question): boolean;
  listed(question: Question): void;
} {
  const collapse = state.filter.status !== 'merged' && !state.filter.text?.trim();
  let waiting: Map<number, number> | null = null;
  const waitingRows = (): Map<number, number> => {
    if (waiting) return waiting;
    waiting = new Map();
    for (const id of state.ids) {
      const q = state.byId.get(id);
      if (q?.status === 'new' && q.groupId !== null) waiting.set(q.groupId, Math.min(id, waiting.get(q.groupId) ?? id));
    }
    return waiting;
  };
  return {
    folds: (q) => {
      if (!collapse) return false;
      if (q.status === 'merged') return true;
      if (q.status !== 'new' || q.groupId === null) return false;
      const row = waitingRows().get(q.groupId);
      return row !== undefined && row < q.id;
    },
    listed: (q) => {
      if (q.status === 'new' && q.groupId !== null && waiting) waiting.set(q.groupId, Math.min(q.id, waiting.get(q.groupId) ?? q.id));
    },
  };
}

export function applyQuestion(question: Question): void {
  applyQuestions([question]);
}

// Live events are applied in batches: hundreds of arrivals a second cost a few renders, not hundreds.
const EVENT_BATCH_MS = 50;
let queued: Question[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function queueQuestion(question: Question): void {
  queued.push(question);
  flushTimer ??= setTimeout(() => {
    flushTimer = null;
    const batch = queued;
    queued = [];
    applyQuestions(batch);
  }, EVENT_BATCH_MS);
}

/** How many people asked the question's group, as last heard from the server. */
export function useGroupSize(question: Question): number {
  return useInboxStore((s) => (question.groupId === null ? undefined : s.groupSizes.get(question.groupId)) ?? question.groupSize);
}

async function loadPage(client: DeskClient, reset: boolean): Promise<void> {
  const state = useInboxStore.getState();
  if (!reset && (state.loading || !state.hasMore)) return;
  const generation = reset ? state.generation + 1 : state.generation;
  const last = reset ? undefined : state.ids.at(-1);
  const cursor = last === undefined ? {} : state.filter.sort === 'oldest' ? { afterId: last } : { beforeId: last };
  useInboxStore.setState({ loading: true, generation, ...(reset ? { ids: [], byId: new Map(), groupSizes: new Map(), hasMore: false } : {}) });
  try {
    const reply = await client.send('inbox.list', {
      limit: state.filter.sort === 'groupSize' ? GROUP_SIZE_SORT_LIMIT : PAGE_SIZE,
      filter: state.filter,
      ...cursor,
    });
    if (useInboxStore.getState().generation !== generation) return;
    useInboxStore.setState((s) => {
      const byId = new Map(s.byId);
      const ids = [...s.ids];
      const groupSizes = new Map(s.groupSizes);
      for (const q of reply.items) {
        if (!byId.has(q.id)) ids.push(q.id);
        byId.set(q.id, q);
        if (q.groupId !== null) groupSizes.set(q.groupId, q.groupSize);
      }
      return { byId, ids, groupSizes, hasMore: reply.hasMore, loading: false, loaded: true };
    });
  } catch {
    if (useInboxStore.getState().generation === generation) useInboxStore.setState({ loading: false });
  }
}

export function setFilter(client: DeskClient, filter: InboxFilter): void {
  useInboxStore.setState({ filter });
  void loadPage(client, true);
}

export function loadMore(client: DeskClient): void {
  void loadPage(client, false);
}

/**
 * Loads the first page on connection and applies live events after that. A reconnection that the
 * server resumed replays every event missed meanwhile, so the list (and its scroll) is kept; any
 * other reconnection reloads.
 */
export function useInbox(client: DeskClient): void {
  useEffect(
    () =>
      client.onConnect(({ resumed }) => {
        if (!resumed || !useInboxStore.getState().loaded) void loadPage(client, true);
      }),
    [client],
  );
  useEffect(() => {
    const offCreated = client.on('question.created', queueQuestion);
    const offUpdated = client.on('question.updated', queueQuestion);
    return () => {
      offCreated();
      offUpdated();
    };
  }, [client]);
}
