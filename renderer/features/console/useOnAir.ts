import { useCallback, useEffect, useState } from 'react';
import type { Question } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/**
 * The question on air now, whatever the inbox is filtered to: loaded on every (re)connection
 * and followed through question events.
 */
export function useOnAir(client: DeskClient): Question | null {
  const [onAir, setOnAir] = useState<Question | null>(null);
  const load = useCallback(() => {
    client.send('inbox.list', { limit: 1, filter: { status: 'on_air' } }).then(
      (reply) => setOnAir(reply.items[0] ?? null),
      () => {},
    );
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => {
    const follow = (q: Question): void =>
      setOnAir((current) => {
        if (q.status === 'on_air') return current && current.id === q.id && current.version > q.version ? current : q;
        return current?.id === q.id ? null : current;
      });
    const offUpdated = client.on('question.updated', follow);
    const offCreated = client.on('question.created', follow);
    return () => {
      offUpdated();
      offCreated();
    };
  }, [client]);
  return onAir;
}
