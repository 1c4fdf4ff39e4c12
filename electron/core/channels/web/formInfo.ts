import type { FastifyInstance } from 'fastify';
import type { PublicFormInfo } from '../../../../shared/forms';
import type { Db } from '../../store/db';
import { getNextAiring } from '../../store/episodes';
import { getIntakeSettings } from '../../store/settings';

export interface FormInfoDeps {
  db: Db;
  now: () => number;
}

/** The public form's surroundings: only the producers' public texts and the next air time, never a title or a name. */
export function formInfo({ db, now }: FormInfoDeps): PublicFormInfo {
  const { akimatName, privacyUrl } = getIntakeSettings(db).publicForm;
  const episode = getNextAiring(db, now());
  return {
    akimatName,
    privacyUrl,
    nextEpisode: episode
      ? { plannedStart: episode.plannedStart, durationMin: episode.durationMin, live: episode.status === 'live' }
      : null,
  };
}

/** GET /api/ask/info — on both listeners, under the form's per-IP limit. */
export function registerFormInfo(app: FastifyInstance, deps: FormInfoDeps, perIpPerMinute: number): void {
  app.get(
    '/api/ask/info',
    { config: { rateLimit: { max: perIpPerMinute, timeWindow: '1 minute' } } },
    (_request, reply) => reply.header('Cache-Control', 'no-cache').send({ ok: true, value: formInfo(deps) }),
  );
}
