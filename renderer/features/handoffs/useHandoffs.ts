import { useCallback, useEffect, useState } from 'react';
import type { Handoff } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';
import { upsertHandoff } from './boardFilter';

export interface HandoffBoardState {
  items: Handoff[];
  /** Almaty's today, the day `overdue` was derived on ('' until loaded). */
  today: string;
  /** Loads the board again (after an import, or a day later). */
  reload: () => void;
  /** Applies a hand-off the desk returned, before its event arrives. */
  apply: (h: Handoff) => void;
}

/** The hand-off board: loaded on every (re)connection, kept live by `handoff.changed`. */
export function useHandoffs(client: DeskClient): HandoffBoardState {
  const [items, setItems] = useState<Handoff[]>([]);
  const [today, setToday] = useState('');
  const reload = useCallback(() => {
    client.send('handoff.board', {}).then(
      (r) => {
        setItems(r.items);
        setToday(r.today);
      },
      () => {},
    );
  }, [client]);
  useOnConnect(client, reload);
  const apply = useCallback((h: Handoff) => setItems((current) => upsertHandoff(current, h)), []);
  useEffect(() => client.on('handoff.changed', apply), [client, apply]);
  return { items, today, reload, apply };
}
