import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the key that seals the desk's secrets (bot tokens, app secrets) is kept — never in the
 * database, so a copied database or backup alone reveals no token:
 * - `safe-storage`: the desktop app's key, itself encrypted by the OS keychain (Electron
 *   `safeStorage`) and handed to the core at start;
 * - `key-file`: headless, a random key in a file beside the database readable by its owner only.
 */
export type SecretBoxKind = 'safe-storage' | 'key-file';

export interface SecretBox {
  readonly kind: SecretBoxKind;
  /** `name` binds the sealed value to its field: a value copied into another field does not open. */
  seal(plain: string, name: string): string;
  /** Throws `SecretUnreadableError` when the value was sealed with another key or was altered. */
  open(sealed: string, name: string): string;
}

export const SECRET_KEY_FILE = 'secret.key';
const PREFIX = 'sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretUnreadableError extends Error {
  constructor(
    readonly sealedWith: string,
    readonly box: SecretBoxKind,
  ) {
    super(
      sealedWith === box
        ? 'the secret does not open with this desk’s key (the key file was replaced, or the value altered)'
        : `the secret was sealed by the ${sealedWith} key, and this desk runs with the ${box} key`,
    );
    this.name = 'SecretUnreadableError';
  }
}

/** Whether a stored value is sealed (anything else is plain text from before secrets were sealed). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** AES-256-GCM under `key`: `sealed:v1:<kind>:<base64 of iv, tag, ciphertext>`. */
export function aesSecretBox(kind: SecretBoxKind, key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`a secret key has ${KEY_BYTES} bytes`);
  return {
    kind,
    seal(plain, name) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${kind}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed, name) {
      const rest = sealed.slice(PREFIX.length);
      const sealedWith = rest.slice(0, rest.indexOf(':'));
      if (!isSealed(sealed) || sealedWith !== kind) throw new SecretUnreadableError(sealedWith || 'unknown', kind);
      const raw = Buffer.from(rest.slice(sealedWith.length + 1), 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(name));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError(sealedWith, kind);
      }
    },
  };
}

/** A new random key, base64 (what the desktop shell keeps sealed by `safeStorage`). */
export function newSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** The desktop shell's key, passed in by it (base64). */
export function safeStorageSecretBox(keyBase64: string): SecretBox {
  return aesSecretBox('safe-storage', Buffer.from(keyBase64, 'base64'));
}

/**
 * The headless key: `secret.key` in the data folder, made on first use with mode 0600. A key file
 * others can read is narrowed back to its owner (where the platform has POSIX modes).
 */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const file = join(dataDir, SECRET_KEY_FILE);
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    try {
      // `wx`: two starts racing on a new folder never overwrite each other's key.
      writeFileSync(file, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return aesSecretBox('key-file', key);
}
