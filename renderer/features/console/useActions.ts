import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { questionSchema, type Question, type RejectReason } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import type { AirControl } from '../../components/AirControl';
import { clearSelection, setMode, setNotice } from './consoleState';
import { applyQuestion } from './useInbox';

export type TagPatch = Partial<Pick<Question, 'topic' | 'district' | 'speaker'>>;

const ref = (q: Question) => ({ id: q.id, version: q.version });

/**
 * Every console action as one function each. Replies update the list at once (events follow);
 * a refusal shows the server's message, and a stale refusal also shows the fresh question.
 */
export function useActions(client: DeskClient, putOnAir: AirControl['putOnAir']) {
  const { t } = useTranslation();
  return useMemo(() => {
    const run = <T,>(action: Promise<T>, apply: (value: T) => readonly Question[], done?: string): Promise<boolean> =>
      action.then(
        (value) => {
          for (const q of apply(value)) applyQuestion(q);
          setNotice(done ? { kind: 'info', text: done } : null);
          return true;
        },
        (error: unknown) => {
          if (error instanceof CommandError) {
            const fresh = questionSchema.safeParse(error.error.current);
            if (fresh.success) applyQuestion(fresh.data);
            setNotice({ kind: 'error', text: error.message });
          } else setNotice({ kind: 'error', text: t('error.internal') });
          return false;
        },
      );
    const one = (q: Question) => [q];
    return {
      approve: (q: Question) => run(client.send('question.approve', ref(q)), one),
      reject: (q: Question, reason: RejectReason, note?: string) =>
        run(client.send('question.reject', { ...ref(q), reason, ...(note ? { note } : {}) }), one),
      /** Through the rules of air: a replacement is confirmed first, and the change can be undone. */
      putOnAir: (q: Question) => putOnAir(ref(q)),
      queue: (q: Question) => run(client.send('queue.add', ref(q)), (r) => [r.question]),
      /** `version` is the one the producer started editing from, so a concurrent edit is caught. */
      edit: (id: number, version: number, airText: string) =>
        run(client.send('question.edit', { id, version, airText }), one),
      /** Confirms or corrects the first name read on air. */
      setAirName: (q: Question, airName: string) => run(client.send('question.setAirName', { ...ref(q), airName }), one),
      tag: (q: Question, patch: TagPatch) => run(client.send('question.tag', { ...ref(q), ...patch }), one),
      merge: (into: Question, duplicates: readonly Question[]) =>
        duplicates
          .reduce<Promise<boolean>>(
            (prev, d) => prev.then((ok) => ok && run(client.send('question.merge', { ...ref(d), intoId: into.id }), one)),
            Promise.resolve(true),
          )
          .then((ok) => {
            if (ok) clearSelection();
            return ok;
          }),
      split: (q: Question) => run(client.send('question.split', ref(q)), one),
      bulkApprove: (qs: readonly Question[]) =>
        run(client.send('question.bulk', { action: 'approve', items: qs.map(ref) }), (r) => r.items).then((ok) => {
          if (ok) clearSelection();
          return ok;
        }),
      bulkReject: (qs: readonly Question[], reason: RejectReason) =>
        run(client.send('question.bulk', { action: 'reject', reason, items: qs.map(ref) }), (r) => r.items).then((ok) => {
          if (ok) clearSelection();
          return ok;
        }),
      bulkTag: (qs: readonly Question[], patch: TagPatch) =>
        run(client.send('question.bulk', { action: 'tag', tag: patch, items: qs.map(ref) }), (r) => r.items).then((ok) => {
          if (ok) clearSelection();
          return ok;
        }),
      undo: () => run(client.send('question.undo', {}), (r) => r.items, t('console.undone')),
      cancel: () => setMode('none'),
    };
  }, [client, t, putOnAir]);
}

export type Actions = ReturnType<typeof useActions>;
