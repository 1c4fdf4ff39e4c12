import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../../../shared/protocol';
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
}

export function createAccessPolicy(tokens: AccessTokens, trustLoopback: boolean): AccessPolicy {
  return {
    roleFor(request, requested) {
      if (trustLoopback && isLoopback(request.ip)) return requested;
      const query = request.query as { token?: unknown } | undefined;
      const header = request.headers[TOKEN_HEADER];
      const presented = typeof query?.token === 'string' ? query.token : typeof header === 'string' ? header : '';
      if (!presented) return null;
      return ROLES.find((role) => sameSecret(presented, tokens[role])) ?? null;
    },
  };
}
