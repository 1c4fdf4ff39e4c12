import type { AppErrorShape } from '../../../shared/errors';
import type { PublicQuestionAccepted, PublicQuestionInput } from '../../../shared/forms';
import { i18n } from '../../i18n';

type Reply = { ok: true; value: PublicQuestionAccepted } | { ok: false; error: AppErrorShape };

/** Posts the form; rejects with the server's translated error, or a network error. */
export async function submitQuestion(payload: PublicQuestionInput): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/questions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
      body: JSON.stringify(payload),
    });
  } catch {
    throw { code: 'internal', message: i18n.t('error.network'), messageKey: 'error.network' } satisfies AppErrorShape;
  }
  const reply = (await response.json().catch(() => null)) as Reply | null;
  if (reply?.ok) return reply.value.reference;
  throw reply?.error ?? ({ code: 'internal', message: i18n.t('error.internal'), messageKey: 'error.internal' } satisfies AppErrorShape);
}
