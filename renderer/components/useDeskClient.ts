import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Role } from '../../shared/protocol';
import { DeskClient, type ConnectionStatus } from '../api';
import { producerName } from './producerName';
import { currentLanguage } from '../i18n';

/** One connection per page, opened on first use and kept for the page's life. */
let shared: DeskClient | null = null;

/**
 * Every producer screen (console, rundown, intake) connects under the producer's saved name, so
 * the audit trail names who acted wherever it was done, not `producer@<address>`.
 */
export function useDeskClient(role: Role, name: (() => string) | undefined = role === 'producer' ? producerName : undefined): DeskClient {
  const [client] = useState(() => {
    shared ??= new DeskClient(role, currentLanguage, name);
    return shared;
  });
  return client;
}

export function useConnectionStatus(client: DeskClient): ConnectionStatus {
  return useSyncExternalStore(
    (notify) => client.onStatus(notify),
    () => client.status,
  );
}

/** Runs `load` on every (re)connection, so state missed while offline is fetched again. */
export function useOnConnect(client: DeskClient, load: () => void): void {
  useEffect(() => client.onConnect(load), [client, load]);
}
