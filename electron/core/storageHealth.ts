import { AppError } from '../../shared/errors';
import type { StorageHealth, StorageState } from '../../shared/protocol';
import type { EventBus } from './events';
import { canWrite } from './store/backup';
import type { Db } from './store/db';

/**
 * What a failed write says about the disk: SQLite's result codes (better-sqlite3's `SqliteError`)
 * and Node's for file operations (backups). Null for every other error, which is not the disk's.
 */
export function storageFault(error: unknown): Exclude<StorageState, 'ok'> | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') return 'io';
  return null;
}

/** A storage fault as the retryable 503 every door answers with (nothing of the request was kept). */
export function storageAppError(state: Exclude<StorageState, 'ok'>, error: unknown): AppError {
  return new AppError('unavailable', { messageKey: `storage.error.${state}`, detail: String(error) });
}

/** Between probes while the disk refuses writes: the banner goes within seconds of space being freed. */
export const STORAGE_PROBE_MS = 5_000;

/**
 * The desk's view of its disk. A write that fails for the disk's sake turns the banner on (an
 * event to every producer) and starts a probe write every few seconds; the first that commits turns
 * it off. The desk never stops serving reads meanwhile.
 */
export class StorageHealthMonitor {
  private health: StorageHealth = { state: 'ok', since: null };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly now: () => number,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly probeMs = STORAGE_PROBE_MS,
  ) {}

  current(): StorageHealth {
    return this.health;
  }

  /** Reports `error` if it is the disk's; returns the 503 to answer with, or null for any other error. */
  report(error: unknown): AppError | null {
    if (error instanceof AppError) return null;
    const state = storageFault(error);
    if (!state) return null;
    if (this.health.state !== state) {
      this.log(`storage: writes fail (${state}); the desk answers 503 until a write succeeds`, error);
      this.set({ state, since: this.now() });
    }
    this.timer ??= setInterval(() => this.probe(), this.probeMs);
    this.timer.unref();
    return storageAppError(state, error);
  }

  /** One probe write; true (and the banner off) once the disk takes writes again. */
  probe(): boolean {
    if (this.health.state === 'ok') return true;
    if (!canWrite(this.db)) return false;
    this.log('storage: writes succeed again');
    this.stopProbing();
    this.set({ state: 'ok', since: null });
    return true;
  }

  close(): void {
    this.stopProbing();
  }

  private stopProbing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private set(health: StorageHealth): void {
    this.health = health;
    this.bus.emit('storage.changed', health);
  }
}
