import { useEffect, useState } from 'react';
import type { Presence } from '../../../shared/protocol';
import type { DeskClient } from '../../api';

export type Activity = Presence['activity'];

const HEARTBEAT_MS = 10_000;
const SETTLE_MS = 250;
const SESSION = `s-${crypto.randomUUID()}`;

/**
 * Tells the other producers what this one is looking at and doing, and returns what they are
 * doing (this page's own session left out). Re-sent on every change, every 10 s and after a
 * reconnection; the server forgets a session that stops reporting.
 */
export function usePresence(client: DeskClient, name: string, questionId: number | null, activity: Activity): Presence[] {
  const [others, setOthers] = useState<Presence[]>([]);
  useEffect(() => client.on('presence.changed', (p) => setOthers(p.producers.filter((x) => x.session !== SESSION))), [client]);
  useEffect(() => {
    const report = (): void => {
      client.send('presence.update', { session: SESSION, name, questionId, activity }).then(
        (reply) => setOthers(reply.producers.filter((x) => x.session !== SESSION)),
        () => {},
      );
    };
    // Running through the list with j/k reports where the producer stops, not every step.
    let offConnect = (): void => {};
    const settle = setTimeout(() => {
      // Fires at once when already online, and again after every reconnection.
      offConnect = client.onConnect(report);
    }, SETTLE_MS);
    const timer = setInterval(report, HEARTBEAT_MS);
    return () => {
      clearTimeout(settle);
      offConnect();
      clearInterval(timer);
    };
  }, [client, name, questionId, activity]);
  return others;
}

