import { useCallback, useEffect, useState } from 'react';
import type { DeskClient } from '../api';
import { useOnConnect } from './useDeskClient';

/**
 * How many accepted (and answered) messages are still waiting to become questions — a storm's
 * backlog, made first in first out: read on (re)connection, then kept live by `intake.waiting`.
 */
export function useBacklog(client: DeskClient): number {
  const [waiting, setWaiting] = useState(0);
  const load = useCallback(() => {
    client.send('channel.list', {}).then(
      (reply) => setWaiting(reply.waiting),
      () => {},
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('intake.waiting', (event) => setWaiting(event.waiting)), [client]);
  return waiting;
}
