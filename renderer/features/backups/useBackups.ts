import { useCallback, useEffect, useState } from 'react';
import type { Backups, BackupSettings } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

export type BackupsNotice = 'none' | 'creating' | 'created' | 'saved' | 'restarting' | 'restartNeeded';

export interface BackupsState {
  backups: Backups | null;
  error: string | null;
  notice: BackupsNotice;
  create(): Promise<void>;
  configure(settings: BackupSettings): Promise<void>;
  restore(name: string): Promise<void>;
}

const message = (error: unknown): string => (error instanceof CommandError ? error.message : String(error));

/** The backups list, loaded on every (re)connection and replaced whenever any producer changes it. */
export function useBackups(client: DeskClient): BackupsState {
  const [backups, setBackups] = useState<Backups | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<BackupsNotice>('none');

  const load = useCallback(() => {
    client.send('backups.list', {}).then(
      (value) => {
        setBackups(value);
        setError(null);
      },
      (e: unknown) => setError(message(e)),
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('backups.changed', setBackups), [client]);

  /** Runs one command; its reply (when a list) replaces the list, a failure shows its message. */
  const act = useCallback(async (run: () => Promise<BackupsNotice>, during: BackupsNotice = 'none') => {
    setNotice(during);
    try {
      setNotice(await run());
      setError(null);
    } catch (e) {
      setNotice('none');
      setError(message(e));
    }
  }, []);

  return {
    backups,
    error,
    notice,
    create: () =>
      act(async () => {
        setBackups(await client.send('backups.create', {}));
        return 'created';
      }, 'creating'),
    configure: (settings) =>
      act(async () => {
        setBackups(await client.send('backups.configure', settings));
        return 'saved';
      }),
    restore: (name) =>
      act(async () => ((await client.send('backups.restore', { name })).restarting ? 'restarting' : 'restartNeeded')),
  };
}
