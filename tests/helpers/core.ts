import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreConfig } from '../../electron/core/config';
import { createCore, type Core } from '../../electron/core/createCore';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface TestCore extends Core {
  dataDir: string;
  stop(): Promise<void>;
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
  return {
    ...core,
    dataDir,
    async stop() {
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
