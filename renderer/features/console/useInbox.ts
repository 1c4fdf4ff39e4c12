import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import type { InboxFilter, Question } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';
import { matchesFilter } from './textMatch';

export const PAGE_SIZE = 100;

interface InboxState {
  filter: InboxFilter;
  /** Loaded questions, newest first: only the pages scrolled to, never the whole table. */
  ids: readonly number[];
  byId: ReadonlyMap<number, Question>;
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  /** Bumped on every new filter, so a late reply for an old filter is dropped. */
  generation: number;
}

export const useInboxStore = create<InboxState>(() => ({
  filter: {},
  ids: [],
  byId: new Map(),
  hasMore: false,
  loading: false,
  loaded: false,
  generation: 0,
}));

function insertSorted(ids: readonly number[], id: number): number[] {
  const out = [...ids];
  const at = out.findIndex((x) => x < id);
  out.splice(at === -1 ? out.length : at, 0, id);
  return out;
}

/**
 * Applies a question from an event or a reply. An older version never replaces a newer one; a
 * question new to the list joins it only if it matches the filter. Its group size is copied to
 * the other loaded members of its group, which the server does not re-send one by one.
 */
export function applyQuestion(question: Question): void {
  useInboxStore.setState((state) => {
    const existing = state.byId.get(question.id);
    if (existing && existing.version > question.version) return state;
    const byId = new Map(state.byId);
    byId.set(question.id, question);
    if (question.groupId !== null) {
      for (const [id, q] of byId) {
        if (id !== question.id && q.groupId === question.groupId && q.groupSize !== question.groupSize) {
          byId.set(id, { ...q, groupSize: question.groupSize });
        }
      }
    }
    let ids = state.ids;
    const oldest = ids.at(-1);
    // Beyond the oldest loaded page it will come with that page, in order.
    const withinLoaded = !state.hasMore || oldest === undefined || question.id > oldest;
    if (!existing && withinLoaded && matchesFilter(question, state.filter)) ids = insertSorted(ids, question.id);
    return { byId, ids };
  });
}

async function loadPage(client: DeskClient, reset: boolean): Promise<void> {
  const state = useInboxStore.getState();
  if (!reset && (state.loading || !state.hasMore)) return;
  const generation = reset ? state.generation + 1 : state.generation;
  const beforeId = reset ? undefined : state.ids.at(-1);
  useInboxStore.setState({ loading: true, generation, ...(reset ? { ids: [], byId: new Map(), hasMore: false } : {}) });
  try {
    const reply = await client.send('inbox.list', {
      limit: PAGE_SIZE,
      filter: state.filter,
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    if (useInboxStore.getState().generation !== generation) return;
    useInboxStore.setState((s) => {
      const byId = new Map(s.byId);
      const ids = [...s.ids];
      for (const q of reply.items) {
        if (!byId.has(q.id)) ids.push(q.id);
        byId.set(q.id, q);
      }
      return { byId, ids, hasMore: reply.hasMore, loading: false, loaded: true };
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

/** Loads the first page on every (re)connection and applies live events after that. */
export function useInbox(client: DeskClient): void {
  const load = useCallback(() => void loadPage(client, true), [client]);
  useOnConnect(client, load);
  useEffect(() => {
    const offCreated = client.on('question.created', applyQuestion);
    const offUpdated = client.on('question.updated', applyQuestion);
    return () => {
      offCreated();
      offUpdated();
    };
  }, [client]);
}
