import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { LINK_ROLES, type Role } from '../../../shared/protocol';
import type { AccessTokens } from '../store/accessTokens';

/** Header or `?token=` that a LAN client sends; the desk's own machine needs none. */
export const TOKEN_HEADER = 'x-desk-token';

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AccessPolicy {
  /**
   * The role a staff request may act as, or null to refuse it. On the desk's own machine the
   * requested role is trusted (the core listens on 127.0.0.1 by default); from the LAN the token
   * decides, and a token grants exactly its own role.
   */
  roleFor(request: FastifyRequest, requested: Role): Role | null;
  /**
   * The token that let this request in, or null when none was needed (this machine): the hub
   * keeps it so renewing a role's token can close exactly the sockets that used the old one.
   */
  grantingToken(request: FastifyRequest): string | null;
}

function presentedToken(request: FastifyRequest): string {
  const query = request.query as { token?: unknown } | undefined;
  const header = request.headers[TOKEN_HEADER];
  return typeof query?.token === 'string' ? query.token : typeof header === 'string' ? header : '';
}

/** `tokens` is read on every request, so a renewed token takes effect at once. */
export function createAccessPolicy(tokens: AccessTokens, trustLoopback: boolean): AccessPolicy {
  const tokenRole = (presented: string): Role | null =>
    presented ? (LINK_ROLES.find((role) => sameSecret(presented, tokens[role])) ?? null) : null;
  return {
    roleFor(request, requested) {
      if (trustLoopback && isLoopback(request.ip)) return requested;
      return tokenRole(presentedToken(request));
    },
    grantingToken(request) {
      if (trustLoopback && isLoopback(request.ip)) return null;
      const presented = presentedToken(request);
      return tokenRole(presented) ? presented : null;
    },
  };
}
