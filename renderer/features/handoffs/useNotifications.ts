import { useCallback, useEffect, useState } from 'react';
import type { Notification, NotificationSettings } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

export interface NotificationsState {
  items: Notification[];
  settings: NotificationSettings;
}

function upsert(items: Notification[], n: Notification): Notification[] {
  const rest = items.filter((i) => i.id !== n.id);
  return [n, ...rest].sort((a, b) => b.id - a.id);
}

/**
 * Messages to citizens, newest first: about one question (to its sender and its group's) or all;
 * loaded on every (re)connection and kept live by `notification.changed`.
 */
export function useNotifications(client: DeskClient, questionId?: number): NotificationsState {
  const [state, setState] = useState<NotificationsState>({ items: [], settings: { paused: false } });
  const load = useCallback(() => {
    client.send('notification.list', questionId === undefined ? {} : { questionId }).then(setState, () => {});
  }, [client, questionId]);
  useOnConnect(client, load);
  useEffect(() => {
    const offChanged = client.on('notification.changed', (n) => {
      if (questionId !== undefined && n.questionId !== questionId && n.recipientQuestionId !== questionId) return;
      setState((s) => ({ ...s, items: upsert(s.items, n) }));
    });
    // Held messages turn from paused to waiting (and back): the states are read again.
    const offSettings = client.on('notification.settings', load);
    return () => {
      offChanged();
      offSettings();
    };
  }, [client, questionId, load]);
  return state;
}
