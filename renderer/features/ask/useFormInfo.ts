import { useEffect, useState } from 'react';
import type { PublicFormInfo } from '../../../shared/forms';

type Reply = { ok: true; value: PublicFormInfo } | { ok: false };

/** The form's surroundings from `/api/ask/info`; null until it answers (or if it cannot): the page then shows its defaults. */
export function useFormInfo(): PublicFormInfo | null {
  const [info, setInfo] = useState<PublicFormInfo | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/ask/info', { headers: { Accept: 'application/json' } })
      .then((response) => response.json() as Promise<Reply>)
      .then((reply) => {
        if (live && reply.ok) setInfo(reply.value);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return info;
}
