import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups, newestGoodBackup, rotateBackups } from '../../../electron/core/backup/backupFolder';
import { DeskDatabaseDamagedError, openDeskDatabase } from '../../../electron/core/backup/openDesk';
import { DATABASE_FILE } from '../../../electron/core/createCore';
import { listAudit } from '../../../electron/core/store/audit';
import { deviceForToken, insertDevice, revokeDevice } from '../../../electron/core/store/devices';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

const dirs: string[] = [];
const cores: TestCore[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-backup-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function core(dataDir: string, now: () => number = Date.now, restart?: () => void): Promise<TestCore> {
  const started = await startTestCore({ dataDir, now, ...(restart ? { restart } : {}) });
  cores.push(started);
  return started;
}

async function ask(c: TestCore, text: string): Promise<string> {
  const { status, json } = await postJson(`${c.url}/api/questions`, { name: 'Асель', text });
  expect(status).toBe(201);
  return json.value.reference as string;
}

const textsIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT original_text AS t FROM question ORDER BY id').all() as Array<{ t: string }>).map((r) => r.t);
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('makes a self-contained copy of the live database that holds what was saved', async () => {
    const dir = tempDir();
    const c = await core(dir);
    await ask(c, 'Когда отремонтируют дорогу на Абая?');
    const made = await c.backups.create('manual');
    expect(made.reason).toBe('manual');
    const file = join(backupDir(dir), made.name);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(textsIn(file)).toEqual(['Когда отремонтируют дорогу на Абая?']);
    expect(readdirSync(backupDir(dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('backs up on the schedule only when due and only when something changed', async () => {
    const dir = tempDir();
    let at = Date.parse('2026-12-02T08:00:00Z');
    const c = await core(dir, () => at);
    expect((await c.backups.runSchedule())?.reason).toBe('scheduled');
    at += 30 * 60_000;
    await ask(c, 'Вопрос про автобус 32');
    expect(await c.backups.runSchedule()).toBeNull(); // the default interval is an hour
    at += 31 * 60_000;
    expect((await c.backups.runSchedule())?.reason).toBe('scheduled');
    at += 61 * 60_000;
    expect(await c.backups.runSchedule()).toBeNull(); // nothing changed since the last copy
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['scheduled', 'scheduled']);
  });

  it('keeps the newest N of each kind, so hourly copies never push out the one before an update', async () => {
    const dir = tempDir();
    let at = Date.parse('2026-12-02T08:00:00Z');
    const c = await core(dir, () => at);
    c.backups.configure({ intervalMinutes: 60, keep: 2 });
    await c.backups.create('pre-migration');
    for (let i = 0; i < 4; i++) {
      at += 60_000;
      await c.backups.create('scheduled');
    }
    const left = listBackups(dir);
    expect(left.map((b) => b.reason)).toEqual(['scheduled', 'scheduled', 'pre-migration']);
    expect(left[0]!.at).toBe(at);
    expect(left[1]!.at).toBe(at - 60_000);
    expect(rotateBackups(dir, 1)).toHaveLength(1);
  });

  it('copies the database before migrations change an existing schema', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const old = new Database(file);
    const older = MIGRATIONS.filter((m) => m.version <= 170);
    for (const m of older) m.up(old);
    old.pragma(`user_version = ${older.at(-1)!.version}`);
    old.close();
    const { db } = openDeskDatabase(dir, file, () => Date.parse('2026-12-02T08:00:00Z'), () => {});
    db.close();
    const [copy] = listBackups(dir);
    expect(copy?.reason).toBe('pre-migration');
    const kept = new Database(join(backupDir(dir), copy!.name), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(170);
    kept.close();
    // A fresh database has nothing to keep.
    const fresh = tempDir();
    openDeskDatabase(fresh, join(fresh, DATABASE_FILE), Date.now, () => {}).db.close();
    expect(listBackups(fresh)).toEqual([]);
  });
});

describe('a damaged database', () => {
  it('is refused at start with a message naming the newest backup that passes the check', async () => {
    const dir = tempDir();
    let at = Date.parse('2026-12-02T08:00:00Z');
    const c = await core(dir, () => at);
    await ask(c, 'Свет на улице Сатпаева');
    const good = await c.backups.create('manual');
    at += 60_000;
    const broken = await c.backups.create('scheduled');
    await c.close();
    cores.length = 0;
    writeFileSync(join(backupDir(dir), broken.name), 'not a database at all, just text '.repeat(200));
    writeFileSync(join(dir, DATABASE_FILE), 'garbage '.repeat(1000));
    expect(newestGoodBackup(dir)?.name).toBe(good.name);
    const start = startTestCore({ dataDir: dir });
    await expect(start).rejects.toBeInstanceOf(DeskDatabaseDamagedError);
    await expect(start).rejects.toThrow(new RegExp(`is damaged.*will not run on it.*${good.name}.*--restore-backup ${good.name}`));
  });
});

describe('restore', () => {
  it('puts a backup back through a restart, keeps today’s database, and never brings back a revoked device', async () => {
    const dir = tempDir();
    let at = Date.parse('2026-12-02T08:00:00Z');
    let restarted: () => void = () => {};
    const restartedOnce = new Promise<void>((resolve) => (restarted = resolve));
    const c = await core(dir, () => at, () => restarted());
    await ask(c, 'До бэкапа: ремонт школы 175');
    const prompter = insertDevice(c.db, 'Суфлёр', 'speaker', at);
    const backup = await c.backups.create('manual');
    at += 60_000;
    await ask(c, 'После бэкапа: остановка на Толе би');
    revokeDevice(c.db, prompter.device.id, at);

    const producer = await TestWsClient.connect(c.url, 'producer');
    expect(await producer.request('backups.restore', { name: '../desk.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await producer.send('backups.restore', { name: backup.name })).toEqual({ restarting: true });
    producer.close();
    await restartedOnce;
    await c.close();
    cores.length = 0;

    at += 60_000;
    const again = await core(dir, () => at);
    const texts = textsIn(join(dir, DATABASE_FILE));
    expect(texts).toEqual(['До бэкапа: ремонт школы 175']);
    expect(deviceForToken(again.db, prompter.token, at)).toBeNull();
    const kept = listBackups(dir).find((b) => b.reason === 'pre-restore');
    expect(textsIn(join(backupDir(dir), kept!.name))).toEqual(['До бэкапа: ремонт школы 175', 'После бэкапа: остановка на Толе би']);
    expect(listAudit(again.db, 'backup', 0).map((r) => r.action)).toContain('backup.restored');
    // The desk goes on taking questions on the restored database.
    await ask(again, 'После восстановления');
  });

  it('refuses a backup that fails its check', async () => {
    const dir = tempDir();
    const c = await core(dir);
    const made = await c.backups.create('manual');
    writeFileSync(join(backupDir(dir), made.name), 'x'.repeat(4096));
    const producer = await TestWsClient.connect(c.url, 'producer');
    const reply = await producer.request('backups.restore', { name: made.name });
    producer.close();
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'backups.damaged' } });
    expect(existsSync(join(dir, 'restore.json'))).toBe(false);
  });

  it('is not for a speaker or a press device', async () => {
    const c = await core(tempDir());
    const speaker = await TestWsClient.connect(c.url, 'speaker', 'en', 'Суфлёр');
    expect(await speaker.request('backups.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    speaker.close();
  });
});

describe('a full or read-only disk', () => {
  it('answers 503 with Retry-After, turns the banner on, keeps serving reads, and clears once writes succeed', async () => {
    const c = await core(tempDir());
    await ask(c, 'Первый вопрос');
    const producer = await TestWsClient.connect(c.url, 'producer');
    const pages = c.db.pragma('page_count', { simple: true }) as number;
    c.db.pragma(`max_page_count = ${pages}`);

    // Pages with room left may take a question or two; the first that needs a new page is refused.
    let refused: Response | null = null;
    for (let i = 0; i < 50 && !refused; i++) {
      const response = await fetch(`${c.url}/api/questions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Асель', text: `Вопрос номер ${i} про ремонт дороги `.repeat(20) }),
      });
      if (response.status !== 201) refused = response;
    }
    if (!refused) throw new Error('the full database took every question');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error).toMatchObject({ code: 'unavailable', messageKey: 'storage.error.full' });
    expect((await producer.waitForEvent('storage.changed')).payload).toMatchObject({ state: 'full' });
    expect(await producer.send('storage.status', {})).toMatchObject({ state: 'full' });
    // Reads go on.
    expect((await fetch(`${c.url}/api/health`)).status).toBe(200);

    c.db.pragma('max_page_count = 1073741823');
    expect(c.storage.probe()).toBe(true);
    expect((await producer.waitForEvent('storage.changed', (p) => p.state === 'ok')).payload).toEqual({ state: 'ok', since: null });
    await ask(c, 'После освобождения места');
    producer.close();
  });

  it('turns a read-only database into a 503 for commands too', async () => {
    const c = await core(tempDir());
    const producer = await TestWsClient.connect(c.url, 'producer');
    c.db.pragma('query_only = 1');
    const reply = await producer.request('phone.add', { entryId: 'entry-readonly-1', name: 'Болат', district: null, text: 'Вопрос по телефону о свете' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable', messageKey: 'storage.error.readonly' } });
    expect(c.storage.current().state).toBe('readonly');
    c.db.pragma('query_only = 0');
    expect(c.storage.probe()).toBe(true);
    producer.close();
  });
});
