import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import type { Question } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

interface InboxState {
  byId: ReadonlyMap<number, Question>;
  loaded: boolean;
  replaceAll: (items: readonly Question[]) => void;
  upsert: (question: Question) => void;
}

/** Newest first; an event never replaces a newer version of the same question. */
export const useInboxStore = create<InboxState>((set) => ({
  byId: new Map(),
  loaded: false,
  replaceAll: (items) => set({ byId: new Map(items.map((q) => [q.id, q])), loaded: true }),
  upsert: (question) =>
    set((state) => {
      const existing = state.byId.get(question.id);
      if (existing && existing.version > question.version) return state;
      const byId = new Map(state.byId);
      byId.set(question.id, question);
      return { byId };
    }),
}));

export function sortedQuestions(byId: ReadonlyMap<number, Question>): Question[] {
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** Loads the newest page on every (re)connection and applies live events after that. */
export function useInbox(client: DeskClient): Question[] {
  const { replaceAll, upsert } = useInboxStore.getState();
  const load = useCallback(() => {
    client.send('inbox.list', { limit: 200 }).then(
      (reply) => replaceAll(reply.items),
      () => {},
    );
  }, [client, replaceAll]);
  useOnConnect(client, load);
  useEffect(() => {
    const offCreated = client.on('question.created', upsert);
    const offUpdated = client.on('question.updated', upsert);
    return () => {
      offCreated();
      offUpdated();
    };
  }, [client, upsert]);
  const byId = useInboxStore((s) => s.byId);
  return sortedQuestions(byId);
}
