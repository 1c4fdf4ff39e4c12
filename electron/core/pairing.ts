import { randomBytes } from 'node:crypto';
import type { LinkRole } from '../../shared/protocol';

/** A pairing link works once, and only for this long: it may be seen on a screen or in a chat. */
export const PAIRING_TTL_MS = 10 * 60_000;

interface Pending {
  name: string;
  role: LinkRole;
  expiresAt: number;
}

/** One-time pairing codes, in memory only: a restart simply makes the admin issue a new link. */
export class PairingCodes {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  issue(name: string, role: LinkRole): { code: string; expiresAt: number } {
    this.expire();
    const code = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + PAIRING_TTL_MS;
    this.pending.set(code, { name, role, expiresAt });
    return { code, expiresAt };
  }

  /** The device a code pairs, once; null when unknown, used or expired. */
  redeem(code: string): { name: string; role: LinkRole } | null {
    this.expire();
    const found = this.pending.get(code);
    if (!found) return null;
    this.pending.delete(code);
    return { name: found.name, role: found.role };
  }

  private expire(): void {
    const at = this.now();
    for (const [code, p] of this.pending) if (p.expiresAt <= at) this.pending.delete(code);
  }
}
