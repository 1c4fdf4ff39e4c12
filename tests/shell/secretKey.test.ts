import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeStorageKey, SAFE_STORAGE_KEY_FILE } from '../../electron/shell/secretKey';
import { safeStorageSecretBox } from '../../electron/core/secrets/secretBox';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Stands in for the OS keychain: what it encrypts is unreadable without it. */
function fakeKeychain(backend = 'gnome_libsecret') {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend as never,
    encryptString: (plain: string) => mask(Buffer.from(`kc:${plain}`)),
    decryptString: (sealed: Buffer) => mask(sealed).toString().slice(3),
  };
}

describe('the desktop app’s secret key', () => {
  it('is made once, kept only encrypted by the keychain, and seals the same way at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-shell-key-'));
    dirs.push(dir);
    const key = safeStorageKey(fakeKeychain(), dir, 'linux');
    expect(key).not.toBeNull();
    const stored = readFileSync(join(dir, SAFE_STORAGE_KEY_FILE));
    expect(stored.includes(Buffer.from(key!))).toBe(false);
    expect(statSync(join(dir, SAFE_STORAGE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const sealed = safeStorageSecretBox(key!).seal('token', 'telegram.token');
    expect(safeStorageSecretBox(safeStorageKey(fakeKeychain(), dir, 'linux')!).open(sealed, 'telegram.token')).toBe('token');
  });

  it('is not used where the keychain is only a fixed password (Linux without a keyring): the core keeps its key file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-shell-key-'));
    dirs.push(dir);
    expect(safeStorageKey(fakeKeychain('basic_text'), dir, 'linux')).toBeNull();
    expect(safeStorageKey({ ...fakeKeychain(), isEncryptionAvailable: () => false }, dir, 'darwin')).toBeNull();
  });
});
