import { AppError } from '../../../shared/errors';
import { backupPath } from '../backup/backupFolder';
import type { BackupService } from '../backup/backupService';
import { requestRestore } from '../backup/restore';
import type { StorageHealthMonitor } from '../storageHealth';
import { checkFile } from '../store/backup';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { CommandRegistry } from './registry';

export interface BackupCommandDeps {
  db: Db;
  dataDir: string;
  now: () => number;
  backups: BackupService;
  storage: StorageHealthMonitor;
  /** Restarts the core (its host program does: `serve`, or the desktop shell's core process); absent, the restore waits for the next start. */
  restart?: (() => void) | undefined;
}

/** Backups, restore and the disk's health (producers). */
export function registerBackupCommands(registry: CommandRegistry, deps: BackupCommandDeps): void {
  registry.register('backups.list', () => deps.backups.list());

  registry.register('backups.create', async (_input, ctx) => {
    const made = await deps.backups.create('manual');
    insertAudit(deps.db, { at: deps.now(), actor: ctx.actor, action: 'backup.create', entity: 'backup', entityId: 0, after: { name: made.name } });
    return deps.backups.list();
  });

  registry.register('backups.configure', (settings, ctx) => {
    insertAudit(deps.db, { at: deps.now(), actor: ctx.actor, action: 'backup.configure', entity: 'backup', entityId: 0, after: settings });
    return deps.backups.configure(settings);
  });

  registry.register('backups.restore', ({ name }, ctx) => {
    const file = backupPath(deps.dataDir, name);
    if (!file) throw new AppError('not_found', { field: 'name' });
    const check = checkFile(file);
    if (check !== 'ok') throw new AppError('validation', { field: 'name', messageKey: 'backups.damaged', detail: check });
    const at = deps.now();
    // This row lands in the database being replaced (kept as the `pre-restore` copy); the restored
    // one gets its own at the next start.
    insertAudit(deps.db, { at, actor: ctx.actor, action: 'backup.restore', entity: 'backup', entityId: 0, after: { name } });
    requestRestore(deps.dataDir, { name, actor: ctx.actor, requestedAt: at });
    // After this reply is on its way: the producer hears that the desk is restarting.
    if (deps.restart) setImmediate(deps.restart);
    return { restarting: deps.restart !== undefined };
  });

  registry.register('storage.status', () => deps.storage.current());
}
