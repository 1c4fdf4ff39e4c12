import { useCallback, useEffect, useState } from 'react';
import type { ChannelState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useBacklog } from '../../components/useBacklog';
import { useOnConnect } from '../../components/useDeskClient';

/**
 * Every channel's state, and how many accepted messages are still being made into questions:
 * loaded on (re)connection, then kept fresh by `channel.state` and `intake.waiting` events.
 */
export function useChannels(client: DeskClient): { states: ChannelState[]; waiting: number } {
  const [states, setStates] = useState<ChannelState[]>([]);
  const waiting = useBacklog(client);
  const load = useCallback(() => {
    client.send('channel.list', {}).then(
      (reply) => setStates(reply.items),
      () => {},
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(
    () =>
      client.on('channel.state', (state) =>
        setStates((all) => (all.some((s) => s.channel === state.channel) ? all.map((s) => (s.channel === state.channel ? state : s)) : [...all, state])),
      ),
    [client],
  );
  return { states, waiting };
}
