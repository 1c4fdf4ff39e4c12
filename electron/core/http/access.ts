import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/protocol';

/** Header or `?token=` that a paired device's program sends (a browser holds its token in a cookie). */
export const TOKEN_HEADER = 'x-desk-token';
/** The cookie `/login` sets in the desk's own windows: it carries this run's desk secret. */
export const DESK_COOKIE = 'desk_session';
/** The cookie `/pair` sets on a paired LAN device: its own token (only its hash is stored). */
export const DEVICE_COOKIE = 'desk_device';

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh per-run secret for the desk's own windows. */
export function newDeskSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Who a staff request is: its role, and whom the audit trail names for it. */
export interface Identity {
  role: Role;
  actor: string;
  /**
   * What let it in, so revoking it can close its sockets: `device:<id>`, or null for the desk's
   * own windows.
   */
  token: string | null;
}

export interface AccessOptions {
  /** This run's secret: the desk's own windows present it (cookie from `/login`, or header). */
  deskSecret: string;
  /** Host names (besides IP literals and localhost) that this desk answers to, e.g. `desk.studio.lan`. */
  allowedHosts?: readonly string[];
  /** A paired device by its token (null when unknown or revoked); read on every request. */
  deviceFor?: (token: string) => { key: string; name: string; role: Role } | null;
}

export interface AccessPolicy {
  /**
   * The identity a staff request (socket or staff HTTP call) acts as, or null to refuse it. The
   * peer's address counts for nothing: a page from another site on this machine reaches
   * 127.0.0.1 too. A browser must come from the desk's own origin on a host name that cannot be
   * rebound, and then present the desk secret (admin, any role asked for) or a paired device's
   * token (exactly its role).
   */
  identify(request: FastifyRequest, requested: Role): Identity | null;
  /**
   * A program's request (a button panel): only a paired device's token in the header or `?token=`
   * counts, never a cookie, so no web page can borrow a browser's session; a request that names an
   * `Origin` must come from the desk's own.
   */
  identifyToken(request: FastifyRequest): Identity | null;
  /** Whether the `Host` header names this desk (an IP literal, localhost or a configured name). */
  validHost(request: FastifyRequest): boolean;
  /** The paired device whose cookie a page navigation carries (a browser source reloading its pairing link). */
  pairedDevice(request: FastifyRequest): Identity | null;
  deskSecret: string;
}

function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/**
 * A host name a DNS-rebinding page cannot take: an attacker's domain resolving to 127.0.0.1
 * arrives with its own name in `Host`, and its page's origin then matches that name.
 */
export function isSafeHost(hostHeader: string | undefined, allowedHosts: readonly string[] = []): boolean {
  const name = hostName(hostHeader);
  if (name === null) return false;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  return isIP(bare) !== 0 || bare === 'localhost' || allowedHosts.includes(bare.toLowerCase());
}

/** The page that opened this request is one of the desk's own (browsers always send `Origin` on sockets and POSTs). */
export function isOwnOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !hostHeader) return false;
  return origin === `http://${hostHeader}` || origin === `https://${hostHeader}`;
}

/**
 * Sockets and writes must carry the desk's own `Origin`. A download link followed in a browser is
 * a GET navigation, which carries no `Origin`: it passes when the browser says it is not
 * cross-site (`Sec-Fetch-Site`), or comes from a script with a token; a cross-site GET gets no
 * SameSite=Strict cookie anyway, and it changes nothing.
 */
/** The audit's name for the desk's own windows when the producer at the desk gave none. */
export const DESK_ACTOR = 'desk';

function fromDeskPage(request: FastifyRequest): boolean {
  const { origin, host } = request.headers;
  if (origin !== undefined || request.method !== 'GET' || request.headers.upgrade !== undefined) return isOwnOrigin(origin, host);
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function presentedToken(request: FastifyRequest): string {
  const query = request.query as { token?: unknown } | undefined;
  const header = request.headers[TOKEN_HEADER];
  return typeof query?.token === 'string' ? query.token : typeof header === 'string' ? header : '';
}

/** Devices are looked up on every request, so a revoked one is refused at once. */
export function createAccessPolicy(options: AccessOptions): AccessPolicy {
  const validHost = (request: FastifyRequest): boolean => isSafeHost(request.headers.host, options.allowedHosts);
  const byToken = (presented: string): Identity | null => {
    const device = presented ? (options.deviceFor?.(presented) ?? null) : null;
    return device ? { role: device.role, actor: device.name, token: device.key } : null;
  };
  return {
    deskSecret: options.deskSecret,
    validHost,
    identify(request, requested) {
      if (!validHost(request) || !fromDeskPage(request)) return null;
      const cookie = readCookie(request.headers.cookie, DESK_COOKIE);
      if (cookie !== null && sameSecret(cookie, options.deskSecret)) {
        // The desk machine's operator runs the desk: asking for the console makes it its admin.
        return { role: requested === 'producer' ? 'admin' : requested, actor: DESK_ACTOR, token: null };
      }
      return byToken(presentedToken(request) || (readCookie(request.headers.cookie, DEVICE_COOKIE) ?? ''));
    },
    pairedDevice(request) {
      return validHost(request) ? byToken(readCookie(request.headers.cookie, DEVICE_COOKIE) ?? '') : null;
    },
    identifyToken(request) {
      const { origin, host } = request.headers;
      if (!validHost(request) || (origin !== undefined && !isOwnOrigin(origin, host))) return null;
      return byToken(presentedToken(request));
    },
  };
}
