import { useCallback, useEffect, useState } from 'react';
import type { ChannelState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/** Every channel's state: loaded on (re)connection, then kept fresh by `channel.state` events. */
export function useChannels(client: DeskClient): ChannelState[] {
  const [states, setStates] = useState<ChannelState[]>([]);
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
  return states;
}
