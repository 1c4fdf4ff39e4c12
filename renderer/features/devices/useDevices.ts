import { useCallback, useEffect, useState } from 'react';
import type { CommandRequest, DeviceNetwork, LinkRole, PairedDevice, Pairing } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/** What the paired device's screen opens with: its language, and a graphics output's variant. */
export type PairedScreen = Pick<CommandRequest<'devices.pair'>, 'lang' | 'variant'>;

export interface DevicesState {
  network: DeviceNetwork | null;
  devices: PairedDevice[] | null;
  error: string | null;
  /** This console is not the desk machine's own (a paired producer laptop): it cannot pair or revoke. */
  adminOnly: boolean;
  pair(name: string, role: LinkRole, screen?: PairedScreen): Promise<Pairing | null>;
  /** Resolves true once the device is revoked. */
  revoke(id: number): Promise<boolean>;
}

const message = (error: unknown): string => (error instanceof CommandError ? error.message : String(error));

/** The paired devices and the desk's network, loaded on every (re)connection; the list follows every pairing and revocation. */
export function useDevices(client: DeskClient): DevicesState {
  const [network, setNetwork] = useState<DeviceNetwork | null>(null);
  const [devices, setDevices] = useState<PairedDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adminOnly, setAdminOnly] = useState(false);

  const fail = useCallback((e: unknown) => {
    if (e instanceof CommandError && e.error.code === 'forbidden') setAdminOnly(true);
    else setError(message(e));
  }, []);

  const load = useCallback(() => {
    Promise.all([client.send('devices.network', {}), client.send('devices.list', {})]).then(([n, d]) => {
      setNetwork(n);
      setDevices(d);
      setError(null);
    }, fail);
  }, [client, fail]);
  useOnConnect(client, load);
  useEffect(() => client.on('devices.changed', setDevices), [client]);

  const pair = useCallback(
    async (name: string, role: LinkRole, screen: PairedScreen = {}) => {
      try {
        const pairing = await client.send('devices.pair', { name, role, ...screen });
        setError(null);
        return pairing;
      } catch (e) {
        fail(e);
        return null;
      }
    },
    [client, fail],
  );

  const revoke = useCallback(
    async (id: number) => {
      try {
        setDevices(await client.send('devices.revoke', { id }));
        setError(null);
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [client, fail],
  );

  return { network, devices, error, adminOnly, pair, revoke };
}
