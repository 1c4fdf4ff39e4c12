import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { httpStatus } from '../../../electron/core/http/errors';
import { EventBus } from '../../../electron/core/events';
import { createIntake, type Intake } from '../../../electron/core/intake/accept';
import { createWalSync, openDatabase, type Db, type WalFile } from '../../../electron/core/store/db';

/** Injected WAL file faults (issue 12): a failed open is retried, a failed fsync acknowledges nothing. */

let dir: string;
let db: Db;
let opens: number;
let faults: Array<'emfile' | 'eio'>;

const realFile = (): WalFile => ({ datasync: async () => {}, close: async () => {} });
/** Opens the WAL "file", failing as the queue of faults says: EMFILE on open, EIO on fsync. */
const openWal = async (): Promise<WalFile> => {
  opens += 1;
  if (faults[0] === 'emfile') {
    faults.shift();
    throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
  }
  const file = realFile();
  return {
    ...file,
    datasync: async () => {
      if (faults[0] === 'eio') {
        faults.shift();
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      }
    },
  };
};

const message = (n: number) => ({ channel: 'webhook' as const, externalId: `m-${n}`, senderName: 'Асель', text: `Вопрос номер ${n}` });
const ledger = () => (db.prepare('SELECT external_id FROM inbound ORDER BY id').all() as Array<{ external_id: string }>).map((r) => r.external_id);

let intake: Intake;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-wal-'));
  db = openDatabase(join(dir, 'desk.sqlite'));
  opens = 0;
  faults = [];
  intake = createIntake({ db, bus: new EventBus(), now: () => Date.parse('2026-12-01T10:00:00Z'), durability: createWalSync(db, 0, openWal) });
});
afterEach(async () => {
  await intake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('write-ahead log faults', () => {
  it('retries the open after "too many open files" instead of failing every later sender', async () => {
    faults = ['emfile'];
    // The failed open's batch is made durable through SQLite's own descriptor (a checkpoint) and acknowledged.
    await expect(intake.accept(message(1))).resolves.toMatchObject({ created: true });
    await expect(intake.accept(message(2))).resolves.toMatchObject({ created: true });
    await expect(intake.accept(message(3))).resolves.toMatchObject({ created: true });
    expect(opens).toBe(2);
    expect(ledger()).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('answers a retryable 503 to the batch whose fsync failed, and acknowledges the retry only after a checkpoint put it on disk', async () => {
    await intake.accept(message(1));
    faults = ['eio'];
    const failed = await intake.accept(message(2)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe('unavailable');
    expect((failed as AppError).retryable).toBe(true);
    expect(httpStatus((failed as AppError).code)).toBe(503);

    // The retry finds the committed row; before it is acknowledged the whole log is copied into
    // the database file and synced (a full checkpoint).
    const pragma = vi.spyOn(db, 'pragma');
    const retry = await intake.accept(message(2));
    expect(retry).toMatchObject({ created: false });
    expect(pragma.mock.calls.map((c) => c[0])).toContain('wal_checkpoint(FULL)');
    pragma.mockRestore();
    // Later senders are served as before, through a freshly opened file.
    await expect(intake.accept(message(3))).resolves.toMatchObject({ created: true });
    expect(opens).toBe(2);
    expect(ledger()).toEqual(['m-1', 'm-2', 'm-3']);
  });
});
