import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';

/** The desk's secret-sealing key, itself encrypted by the OS keychain; beside the database. */
export const SAFE_STORAGE_KEY_FILE = 'secret.key.safe';

/**
 * The key the core seals bot tokens with (base64), kept encrypted by Electron `safeStorage` (macOS
 * Keychain, Windows DPAPI, the Linux secret service). Null where the OS offers no real protection
 * (Linux without a keyring falls back to a fixed password): the core then uses its own key file.
 * Call after the app is ready.
 */
export function safeStorageKey(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>, dataDir: string, platform: NodeJS.Platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  const file = join(dataDir, SAFE_STORAGE_KEY_FILE);
  try {
    return safeStorage.decryptString(readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}
