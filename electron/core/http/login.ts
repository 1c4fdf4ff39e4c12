import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { LINK_ROLES, type LinkRole, type Role } from '../../../shared/protocol';
import { HOME_ROUTE, linkRoute, screenParams, UI_PATHS } from '../../../shared/routes';
import { DESK_COOKIE, DEVICE_COOKIE, sameSecret, type AccessPolicy } from './access';

export const PAIR_PATH = '/pair';

const isLinkRole = (role: Role): role is LinkRole => (LINK_ROLES as readonly string[]).includes(role);
/** A paired device stays paired until revoked; the cookie outlives browser restarts. */
const DEVICE_COOKIE_MAX_AGE_S = 5 * 365 * 24 * 3600;

export const LOGIN_PATH = '/login';

/** Where a paired device goes: its role's screen, with the screen parameters its link carried. */
function screenUrl(role: LinkRole, query: { lang?: string; variant?: string }): string {
  const params = new URLSearchParams(screenParams(role, query)).toString();
  return params ? `${linkRoute(role).path}?${params}` : linkRoute(role).path;
}

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

/**
 * A one-time pairing link opened on the LAN device: the device gets its own token (a cookie the
 * page's scripts cannot read, or JSON for a program that asks for it) and its role's screen, with
 * the screen's parameters the link carries (language; a graphics output's variant).
 */
export function registerPairing(
  app: FastifyInstance,
  access: AccessPolicy,
  redeem: (code: string) => { token: string; role: LinkRole } | null,
): void {
  app.get<{ Querystring: { code?: string; lang?: string; variant?: string } }>(PAIR_PATH, async (request, reply) => {
    if (!access.validHost(request)) throw new AppError('forbidden');
    const paired = redeem(request.query.code ?? '');
    void reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    if (!paired) {
      // The link is spent, but this browser is the device it paired (OBS reloading its source, a
      // restarted teleprompter PC): back to its own screen. Any other browser is refused.
      const device = access.pairedDevice(request);
      if (device && isLinkRole(device.role)) return reply.redirect(screenUrl(device.role, request.query));
      throw new AppError('forbidden');
    }
    if (request.headers.accept === 'application/json') return { ok: true, value: paired };
    return reply
      .header('Set-Cookie', `${DEVICE_COOKIE}=${paired.token}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`)
      .redirect(screenUrl(paired.role, request.query));
  });
}
