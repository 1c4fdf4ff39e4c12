import { useCallback, useEffect, useState } from 'react';
import type { PrompterState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

const EMPTY: PrompterState = { current: null, next: null };

/** The teleprompter is read-only: it loads the state on connect and follows `prompter.state`. */
export function usePrompter(client: DeskClient): PrompterState {
  const [state, setState] = useState<PrompterState>(EMPTY);
  const load = useCallback(() => {
    client.send('prompter.get', {}).then(setState, () => {});
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('prompter.state', setState), [client]);
  return state;
}
