import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceNetwork, lanAddresses, lanLines } from '../../electron/core/lanLinks';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient, trySocket } from '../helpers/wsClient';

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: '192.0.2.10', family: 'IPv4', internal: false },
    { address: 'fd00::2', family: 'IPv6', internal: false },
  ],
  wlan0: [{ address: '198.51.100.7', family: 'IPv4', internal: false }],
} as unknown as Parameters<typeof lanAddresses>[1];

describe('devices.network', () => {
  let lan: TestCore;
  let local: TestCore;
  beforeAll(async () => {
    lan = await startTestCore({ host: '0.0.0.0' });
    local = await startTestCore();
  });
  afterAll(async () => {
    await lan.stop();
    await local.stop();
  });

  it('says whether other machines can reach the desk, and at which addresses', async () => {
    const desk = await TestWsClient.connect(lan.url, 'producer');
    expect(await desk.send('devices.network', {})).toEqual({ lan: true, addresses: lanAddresses('0.0.0.0') });
    desk.close();
    const alone = await TestWsClient.connect(local.url, 'producer');
    expect(await alone.send('devices.network', {})).toEqual({ lan: false, addresses: [] });
    alone.close();
  });

  it('is for the desk machine only: a paired producer, speaker or press device is refused', async () => {
    for (const role of ['producer', 'speaker', 'press'] as const) {
      const device = await TestWsClient.connect(lan.url, role, 'en', `${role} laptop`);
      expect(await device.request('devices.network', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      device.close();
    }
  });

  it('lists every external IPv4 address when listening on all of them; serve prints them with no secret in them', () => {
    expect(lanAddresses('0.0.0.0', interfaces)).toEqual(['192.0.2.10', '198.51.100.7']);
    expect(deviceNetwork('0.0.0.0', interfaces)).toEqual({ lan: true, addresses: ['192.0.2.10', '198.51.100.7'] });
    expect(deviceNetwork('127.0.0.1')).toEqual({ lan: false, addresses: [] });
    expect(lanLines('127.0.0.1', 4310)).toEqual([]);
    const lines = lanLines('192.0.2.10', 4310).join('\n');
    expect(lines).toContain('http://192.0.2.10:4310');
    expect(lines).toContain('Connect devices');
    expect(lines).not.toContain('token');
  });
});

describe('every open Devices panel follows pairing and revoking', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore({ host: '0.0.0.0' });
  });
  afterAll(async () => {
    await core.stop();
  });

  it('hears of a device once it has opened its link, and when it is revoked; a producer device hears neither', async () => {
    const desk = await TestWsClient.connect(core.url, 'producer');
    const panel = await TestWsClient.connect(core.url, 'producer');
    const laptop = await TestWsClient.connect(core.url, 'producer', 'en', 'Second producer');
    const { urls } = await desk.send('devices.pair', { name: 'Studio prompter', role: 'speaker' });
    const code = new URL(urls[0]!).searchParams.get('code')!;
    const paired = await fetch(`${core.url}/pair?code=${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
    expect(paired.status).toBe(200);
    const added = await panel.waitForEvent('devices.changed', (list) => list.some((d: { name: string }) => d.name === 'Studio prompter'));
    const id = (added.payload as Array<{ id: number; name: string }>).find((d) => d.name === 'Studio prompter')!.id;
    await desk.send('devices.revoke', { id });
    await panel.waitForEvent('devices.changed', (list) => !list.some((d: { id: number }) => d.id === id));
    expect(laptop.events.filter((e) => e.name === 'devices.changed')).toEqual([]);
    for (const c of [desk, panel, laptop]) c.close();
  });
});

describe('the retired per-role link tokens', () => {
  it('are removed from the database by migration 0200, so an old link opens nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-links-'));
    try {
      const old = new Database(join(dir, DATABASE_FILE));
      for (const m of MIGRATIONS.filter((m) => m.version <= 180)) m.up(old);
      old.pragma('user_version = 180');
      old.prepare(`INSERT INTO setting (key, value, updated_at) VALUES ('access.tokens', ?, 0)`).run(
        JSON.stringify({ producer: 'old-producer-token', speaker: 'old-speaker-token', press: 'old-press-token' }),
      );
      old.close();
      const core = await startTestCore({ dataDir: dir });
      expect(core.db.prepare(`SELECT value FROM setting WHERE key = 'access.tokens'`).get()).toBeUndefined();
      for (const token of ['old-producer-token', 'old-speaker-token']) {
        expect((await trySocket(core.url, `role=producer&token=${token}`)).status).toBe(401);
      }
      await core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
