import { z } from 'zod';
import { command, event } from './define';
import { ADMINS, PRODUCERS } from './roles';

/** Why a backup was made: on the schedule, by hand, before a migration, or of the database a restore replaced. */
export const BACKUP_REASONS = ['scheduled', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupInfoSchema = z.object({
  /** The file's name in the data folder's `backups/`: the only way a client names a backup. */
  name: z.string(),
  at: z.number(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupSettingsSchema = z.object({
  /** Minutes between scheduled backups; 0 turns the schedule off. */
  intervalMinutes: z.number().int().min(0).max(24 * 60),
  /** Backups kept of each reason (the oldest go first). */
  keep: z.number().int().min(1).max(500),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupsSchema = z.object({
  backups: z.array(backupInfoSchema),
  settings: backupSettingsSchema,
});
export type Backups = z.infer<typeof backupsSchema>;

/**
 * Whether the desk can write. `full` (no space left), `readonly` (the data folder or file became
 * read-only) and `io` (the disk failed a write) refuse new writes with a retryable 503; the desk goes
 * on serving what it has and clears this as soon as a write succeeds again.
 */
export const STORAGE_STATES = ['ok', 'full', 'readonly', 'io'] as const;
export type StorageState = (typeof STORAGE_STATES)[number];
export const storageHealthSchema = z.object({ state: z.enum(STORAGE_STATES), since: z.number().nullable() });
export type StorageHealth = z.infer<typeof storageHealthSchema>;

export const backupCommands = {
  /** Backups in the data folder, newest first, and the schedule. */
  'backups.list': command(PRODUCERS, z.object({}), backupsSchema),
  /** A backup now (reason `manual`). */
  'backups.create': command(PRODUCERS, z.object({}), backupsSchema),
  'backups.configure': command(PRODUCERS, backupSettingsSchema, backupsSchema),
  /**
   * Puts a backup back: the desk keeps a copy of the database as it is now (`pre-restore`), then
   * restarts on the backup. Everything after the backup's time is only in that copy.
   */
  'backups.restore': command(PRODUCERS, z.object({ name: z.string().min(1).max(200) }), z.object({ restarting: z.boolean() })),
  'storage.status': command(PRODUCERS, z.object({}), storageHealthSchema),
};

export const backupEvents = {
  'backups.changed': event(PRODUCERS, backupsSchema),
  /** The banner on every producer screen: the disk is full or read-only, or fine again. */
  'storage.changed': event(PRODUCERS, storageHealthSchema),
};

/** Days after which senders' personal data is erased (`PERSONAL_DATA` in the core); 0 keeps it. */
export const privacySettingsSchema = z.object({ retentionDays: z.number().int().min(0).max(3650) });
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacyCommands = {
  'privacy.get': command(PRODUCERS, z.object({}), privacySettingsSchema),
  /** Takes effect at once: what is older than the period is erased right away (audited). */
  'privacy.configure': command(ADMINS, privacySettingsSchema, privacySettingsSchema),
};
