import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { HOME_ROUTE, UI_PATHS } from '../../../shared/routes';
import { DESK_COOKIE, sameSecret, type AccessPolicy } from './access';

export const LOGIN_PATH = '/login';

/** The link the desk's own windows open first: `/login?secret=…&next=/console`. */
export function loginUrl(baseUrl: string, secret: string, next: string = HOME_ROUTE.path): string {
  return `${baseUrl}${LOGIN_PATH}?${new URLSearchParams({ secret, next }).toString()}`;
}

/**
 * Trades this run's secret for a cookie and goes on to the screen. The cookie is HttpOnly (no
 * script reads it) and SameSite=Strict (no other site's page sends it); it dies with the browser
 * session and is worthless after the desk restarts with a new secret.
 */
export function registerLogin(app: FastifyInstance, access: AccessPolicy): void {
  app.get<{ Querystring: { secret?: string; next?: string } }>(LOGIN_PATH, async (request, reply) => {
    if (!access.validHost(request) || !sameSecret(request.query.secret ?? '', access.deskSecret)) {
      throw new AppError('forbidden');
    }
    const next = UI_PATHS.includes(request.query.next ?? '') ? request.query.next! : HOME_ROUTE.path;
    return reply
      .header('Set-Cookie', `${DESK_COOKIE}=${encodeURIComponent(access.deskSecret)}; Path=/; HttpOnly; SameSite=Strict`)
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .redirect(next);
  });
}
