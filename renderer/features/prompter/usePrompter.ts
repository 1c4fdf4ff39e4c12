import { useCallback, useEffect, useState } from 'react';
import type { PrompterState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

const EMPTY: PrompterState = { current: null, next: null, speaker: null, cue: null, countdown: null, rehearsal: false };

/** The state plus when it arrived, so a countdown runs on this device's clock. */
export interface ReceivedPrompterState extends PrompterState {
  receivedAt: number;
}

/** The teleprompter is read-only: it loads the state on every (re)connect and follows `prompter.state`. */
export function usePrompter(client: DeskClient): ReceivedPrompterState {
  const [state, setState] = useState<ReceivedPrompterState>({ ...EMPTY, receivedAt: 0 });
  const receive = useCallback((next: PrompterState) => setState({ ...next, receivedAt: Date.now() }), []);
  const load = useCallback(() => {
    client.send('prompter.get', {}).then(receive, () => {});
  }, [client, receive]);
  useOnConnect(client, load);
  useEffect(() => client.on('prompter.state', receive), [client, receive]);
  return state;
}
