import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreConfig } from '../../electron/core/config';
import { createCore, type Core } from '../../electron/core/createCore';
import { DESK_COOKIE, TOKEN_HEADER } from '../../electron/core/http/access';
import { insertDevice } from '../../electron/core/store/devices';
import type { LinkRole } from '../../shared/protocol';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface TestCore extends Core {
  dataDir: string;
  stop(): Promise<void>;
}

/** Each running test core, by its URL: helpers sign in as the desk with its secret, or pair devices in it. */
const deskSecrets = new Map<string, Core>();

/**
 * Pairs a named LAN device with `role` in the core at `url` and returns the headers it sends (its
 * token, the desk's origin): the audit trail names this device.
 */
export function deviceHeaders(url: string, name: string, role: LinkRole): Record<string, string> {
  const { origin } = new URL(url);
  const core = deskSecrets.get(origin);
  if (!core) throw new Error(`No test core runs at ${origin}`);
  const { token } = insertDevice(core.db, name, role, Date.now());
  return { origin, [TOKEN_HEADER]: token };
}

/**
 * What the desk's own window sends: its origin and the cookie `/login` sets. Tests that act as a
 * stranger or a LAN device send other headers instead.
 */
export function deskHeaders(url: string): Record<string, string> {
  const { origin } = new URL(url);
  const core = deskSecrets.get(origin);
  if (!core) throw new Error(`No test core runs at ${origin}`);
  return { origin, cookie: `${DESK_COOKIE}=${encodeURIComponent(core.deskSecret)}` };
}

/** A real core on an ephemeral port with a fresh temporary database. */
export async function startTestCore(config: Partial<CoreConfig> = {}): Promise<TestCore> {
  const dataDir = config.dataDir ?? mkdtempSync(join(tmpdir(), 'desk-test-'));
  const core = await createCore({
    host: '127.0.0.1',
    port: 0,
    intakePerIpPerMinute: 10_000,
    log: () => {},
    ...config,
    dataDir,
  });
  deskSecrets.set(core.url, core);
  return {
    ...core,
    dataDir,
    async close() {
      deskSecrets.delete(core.url);
      await core.close();
    },
    async stop() {
      deskSecrets.delete(core.url);
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}
