import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_GRAPHICS_STYLE, type GraphicsState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

const EMPTY: GraphicsState = { shown: null, upcoming: [], style: DEFAULT_GRAPHICS_STYLE };

/** The graphics projection: loaded on every (re)connect, then kept by `graphics.state`. */
export function useGraphics(client: DeskClient): GraphicsState {
  const [state, setState] = useState<GraphicsState>(EMPTY);
  const load = useCallback(() => {
    client.send('graphics.get', {}).then(setState, () => {});
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('graphics.state', setState), [client]);
  return state;
}
