import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/createCore';
import { aesSecretBox, keyFileSecretBox, newSecretKey, SECRET_KEY_FILE, SecretUnreadableError } from '../../../electron/core/secrets/secretBox';
import { openDatabase } from '../../../electron/core/store/db';
import { getIntakeSettings } from '../../../electron/core/store/settings';
import { startTestCore, type TestCore } from '../../helpers/core';
import { FakeTelegram } from '../../helpers/fakeTelegram';
import { TestWsClient } from '../../helpers/wsClient';

const TOKEN = '7350012345:AAH-sealed-bot-token-for-tests-xyz';
const ACCESS = 'EAAG-graph-access-token-0123456789';

const dirs: string[] = [];
const cores: TestCore[] = [];
const clients: TestWsClient[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const core of cores.splice(0)) await core.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function desk(dataDir: string, log: string[] = []): Promise<{ core: TestCore; producer: TestWsClient }> {
  const core = await startTestCore({ dataDir, log: (message, error) => log.push(`${message} ${String(error ?? '')}`) });
  cores.push(core);
  const producer = await TestWsClient.connect(core.url);
  clients.push(producer);
  return { core, producer };
}

async function stop(core: TestCore): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

/** Every byte the database files hold, after the log was folded in (as a copy or a backup would be). */
function databaseBytes(dataDir: string): Buffer {
  const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(dataDir, f)).filter(existsSync);
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

describe('the secret box', () => {
  it('opens what it sealed, only under the same name and key, and never shows the plain bytes', () => {
    const box = aesSecretBox('key-file', Buffer.from(newSecretKey(), 'base64'));
    const sealed = box.seal(TOKEN, 'telegram.token');
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(box.seal(TOKEN, 'telegram.token')).not.toBe(sealed);
    expect(box.open(sealed, 'telegram.token')).toBe(TOKEN);
    expect(() => box.open(sealed, 'whatsapp.accessToken')).toThrow(SecretUnreadableError);
    expect(() => aesSecretBox('key-file', Buffer.from(newSecretKey(), 'base64')).open(sealed, 'telegram.token')).toThrow(SecretUnreadableError);
    expect(() => aesSecretBox('safe-storage', Buffer.from(newSecretKey(), 'base64')).open(sealed, 'telegram.token')).toThrow(/sealed by the key-file key/);
  });

  it('keeps the headless key in a file only its owner reads, made once', () => {
    const dir = tempDir();
    const sealed = keyFileSecretBox(dir).seal(TOKEN, 'telegram.token');
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    expect(keyFileSecretBox(dir).open(sealed, 'telegram.token')).toBe(TOKEN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('secrets at rest', () => {
  it('stores tokens sealed: neither the settings row nor the database files hold their bytes, and they work after a restart', async () => {
    const fake = await new FakeTelegram(TOKEN).start();
    try {
      const dataDir = tempDir();
      const log: string[] = [];
      const first = await desk(dataDir, log);
      const view = await first.producer.send('intake.updateSettings', {
        telegram: { enabled: true, token: TOKEN, apiRoot: fake.url },
        whatsapp: { accessToken: ACCESS, appSecret: 'app-secret-value-42', verifyToken: 'verify-me' },
      });
      // A screen sees only whether a secret is set and its last four characters.
      expect(JSON.stringify(view)).not.toContain(TOKEN.slice(0, -4));
      expect(view.telegram.token).toEqual({ set: true, last4: TOKEN.slice(-4) });
      expect(JSON.stringify(await first.producer.send('intake.getSettings', {}))).not.toContain(ACCESS.slice(0, -4));
      await fake.waitForCalls('getUpdates', 1);

      const row = first.core.db.prepare("SELECT value FROM setting WHERE key = 'intake'").pluck().get() as string;
      for (const secret of [TOKEN, ACCESS, 'app-secret-value-42', 'verify-me']) expect(row).not.toContain(secret);
      expect(JSON.parse(row).telegram.token).toMatch(/^sealed:v1:key-file:/);
      await stop(first.core);
      expect(databaseBytes(dataDir).includes(Buffer.from(TOKEN))).toBe(false);
      expect(databaseBytes(dataDir).includes(Buffer.from(ACCESS))).toBe(false);

      // Round trip: the next start opens them and the bot polls with the token again.
      const callsBefore = fake.callsOf('getUpdates').length;
      const second = await desk(dataDir, log);
      expect(getIntakeSettings(second.core.db).telegram.token).toBe(TOKEN);
      expect(getIntakeSettings(second.core.db).whatsapp.accessToken).toBe(ACCESS);
      await fake.waitForCalls('getUpdates', callsBefore + 1);
      expect(log.join('\n')).not.toContain(TOKEN);
    } finally {
      await fake.stop();
    }
  });

  it('reveals nothing from a copied database without its key file: the tokens read as not set, and the log says to enter them again', async () => {
    const dataDir = tempDir();
    const first = await desk(dataDir);
    await first.producer.send('intake.updateSettings', { telegram: { token: TOKEN } });
    await stop(first.core);

    const elsewhere = tempDir();
    copyFileSync(join(dataDir, DATABASE_FILE), join(elsewhere, DATABASE_FILE));
    const log: string[] = [];
    const copy = await desk(elsewhere, log);
    expect(getIntakeSettings(copy.core.db).telegram.token).toBeNull();
    expect((await copy.producer.send('intake.getSettings', {})).telegram.token).toEqual({ set: false, last4: null });
    expect(log.join('\n')).toMatch(/telegram\.token cannot be read .*enter it again/);
  });

  it('seals secrets an earlier version stored in plain text at the next start, leaving no plain bytes behind', async () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    const legacy = { telegram: { enabled: false, token: TOKEN, apiRoot: 'https://api.telegram.org' }, whatsapp: { accessToken: ACCESS } };
    db.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('intake', ?, 0)").run(JSON.stringify(legacy));
    db.close();
    expect(databaseBytes(dataDir).includes(Buffer.from(TOKEN))).toBe(true);

    const log: string[] = [];
    const { core } = await desk(dataDir, log);
    expect(getIntakeSettings(core.db).telegram.token).toBe(TOKEN);
    expect(log.join('\n')).toContain('telegram.token, whatsapp.accessToken were stored in plain text and are now sealed');
    await stop(core);
    expect(databaseBytes(dataDir).includes(Buffer.from(TOKEN))).toBe(false);
    expect(databaseBytes(dataDir).includes(Buffer.from(ACCESS))).toBe(false);
  });
});

describe('moving where a secret is sent', () => {
  it('refuses a new Bot API or Graph API address unless the token is entered again in the same change', async () => {
    const { core, producer } = await desk(tempDir());
    await producer.send('intake.updateSettings', { telegram: { token: TOKEN }, whatsapp: { accessToken: ACCESS } });

    const moved = await producer.request('intake.updateSettings', { telegram: { apiRoot: 'https://collector.example.com' } });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error).toMatchObject({ code: 'validation', field: 'telegram.token', messageKey: 'intake.telegram.reenterToken' });
    const movedGraph = await producer.request('intake.updateSettings', { whatsapp: { graphApiRoot: 'https://collector.example.com/v21.0' } });
    expect(movedGraph.ok).toBe(false);
    if (!movedGraph.ok) expect(movedGraph.error).toMatchObject({ field: 'whatsapp.accessToken', messageKey: 'intake.whatsapp.reenterAccessToken' });
    // Nothing of a refused change is kept.
    expect(getIntakeSettings(core.db).telegram.apiRoot).toBe('https://api.telegram.org');
    expect(getIntakeSettings(core.db).whatsapp.graphApiRoot).toBe('https://graph.facebook.com/v21.0');

    // The same address (as the settings form sends it on every save) needs no token.
    await producer.send('intake.updateSettings', { telegram: { apiRoot: 'https://api.telegram.org/', enabled: false } });
    // With the token typed again, or cleared, the address may move.
    await producer.send('intake.updateSettings', { telegram: { apiRoot: 'https://tg-proxy.example.kz', token: TOKEN } });
    expect(getIntakeSettings(core.db).telegram).toMatchObject({ apiRoot: 'https://tg-proxy.example.kz', token: TOKEN });
    await producer.send('intake.updateSettings', { whatsapp: { graphApiRoot: 'https://graph.example.kz/v21.0', accessToken: '' } });
    expect(getIntakeSettings(core.db).whatsapp).toMatchObject({ graphApiRoot: 'https://graph.example.kz/v21.0', accessToken: null });
  });

  it('lets the address change freely while no token is stored', async () => {
    const { core, producer } = await desk(tempDir());
    await producer.send('intake.updateSettings', { telegram: { apiRoot: 'https://tg-proxy.example.kz' } });
    expect(getIntakeSettings(core.db).telegram.apiRoot).toBe('https://tg-proxy.example.kz');
  });
});
