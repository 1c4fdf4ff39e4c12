import { useCallback, useEffect, useState } from 'react';
import type { Devices, LinkRole } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

export interface DevicesState {
  devices: Devices | null;
  error: string | null;
  /** Resolves true once the new link is in `devices`. */
  renew(role: LinkRole): Promise<boolean>;
}

const message = (error: unknown): string => (error instanceof CommandError ? error.message : String(error));

/** The LAN links, loaded on every (re)connection and replaced when any producer renews one. */
export function useDevices(client: DeskClient): DevicesState {
  const [devices, setDevices] = useState<Devices | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    client.send('devices.links', {}).then(
      (value) => {
        setDevices(value);
        setError(null);
      },
      (e: unknown) => setError(message(e)),
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('devices.changed', (value) => setDevices(value)), [client]);

  const renew = useCallback(
    async (role: LinkRole) => {
      try {
        setDevices(await client.send('devices.renew', { role }));
        setError(null);
        return true;
      } catch (e) {
        setError(message(e));
        return false;
      }
    },
    [client],
  );

  return { devices, error, renew };
}
