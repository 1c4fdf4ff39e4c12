import { randomBytes } from 'node:crypto';
import { LINK_ROLES, type LinkRole } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** One secret link token per role for LAN clients; made once, kept in the `setting` table. */
export type AccessTokens = Record<LinkRole, string>;

const KEY = 'access.tokens';
const GET = `SELECT value FROM setting WHERE key = @key`;
const PUT = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

function isTokens(value: unknown): value is AccessTokens {
  return (
    typeof value === 'object' &&
    value !== null &&
    LINK_ROLES.every((r) => typeof (value as Record<string, unknown>)[r] === 'string')
  );
}

function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function loadAccessTokens(db: Db, now: number): AccessTokens {
  const row = prepared(db, GET).get({ key: KEY }) as { value: string } | undefined;
  if (row) {
    const stored: unknown = JSON.parse(row.value);
    if (isTokens(stored)) return stored;
  }
  const tokens = Object.fromEntries(LINK_ROLES.map((r) => [r, newToken()])) as AccessTokens;
  prepared(db, PUT).run({ key: KEY, value: JSON.stringify(tokens), now });
  return tokens;
}

/**
 * Replaces one role's token, stored and in `tokens` itself: the access policy reads that same
 * object, so the old token stops opening anything at once. Returns the old token.
 */
export function renewAccessToken(db: Db, tokens: AccessTokens, role: LinkRole, now: number): string {
  const old = tokens[role];
  const next = { ...tokens, [role]: newToken() };
  prepared(db, PUT).run({ key: KEY, value: JSON.stringify(next), now });
  tokens[role] = next[role];
  return old;
}
