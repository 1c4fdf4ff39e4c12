import type { SecretBox } from './secrets/secretBox';
import { homedir, platform } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';

export interface CoreConfig {
  /** Folder holding desk.sqlite; created if missing. */
  dataDir: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Built renderer (vite build output); when absent the UI routes answer 503 with a hint. */
  staticDir?: string;
  /** Injected clock: tests never wait for real time. */
  now?: () => number;
  /** Electron-ABI better-sqlite3 binary, set by the desktop shell only. */
  nativeBinding?: string;
  /**
   * A second listener for the public surfaces only (form, its page, channel webhooks): the port a
   * reverse proxy exposes, so the staff's port never is. Absent: no second listener.
   */
  publicPort?: number;
  /** Where the public listener binds; the desk's `host` when absent. */
  publicHost?: string;
  /** Proxies (IPs or CIDR ranges) whose `X-Forwarded-For` is believed, so per-IP limits count real clients. */
  trustedProxies?: readonly string[];
  /** Public intake requests per IP per minute. */
  intakePerIpPerMinute?: number;
  log?: (message: string, error?: unknown) => void;
  /**
   * The secret the desk's own windows present (via `/login`). The desktop shell passes one per
   * run; absent, the core makes its own. Never stored.
   */
  deskSecret?: string;
  /**
   * Stops this core and starts it again on the same data folder (a restore is done at start). The
   * program hosting the core provides it; without it a restore waits for the next start.
   */
  restart?: () => void;
  /** Host names besides IP literals and localhost that staff browsers may use (DNS-rebinding guard). */
  allowedHosts?: readonly string[];
  /** Seals the stored secrets; absent, the key file in the data folder (`secrets/secretBox.ts`). */
  secretBox?: SecretBox;
}

export const APP_DIR_NAME = 'akimat-live-desk';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4310;

/** The OS's per-user application data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), APP_DIR_NAME);
  }
}

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  open: boolean;
  allowedHosts: string[];
  publicPort: number | null;
  publicHost: string | null;
  trustedProxies: string[];
  /** A backup's file name (or `newest`: the newest that passes its check) to put back before starting. */
  restoreBackup: string | null;
}

/** Flags win over environment variables, which win over defaults. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const options: ServeOptions = {
    host: env.DESK_HOST ?? DEFAULT_HOST,
    port: env.DESK_PORT ? Number(env.DESK_PORT) : DEFAULT_PORT,
    dataDir: env.DESK_DATA_DIR ?? defaultDataDir(env),
    open: false,
    allowedHosts: (env.DESK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    restoreBackup: null,
    publicPort: env.DESK_PUBLIC_PORT ? Number(env.DESK_PUBLIC_PORT) : null,
    publicHost: env.DESK_PUBLIC_HOST ?? null,
    trustedProxies: (env.DESK_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host':
        options.host = value();
        break;
      case '--port':
        options.port = Number(value());
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--open':
        options.open = true;
        break;
      case '--allowed-host':
        options.allowedHosts.push(value().toLowerCase());
        break;
      case '--restore-backup':
        options.restoreBackup = value();
        break;
      case '--public-port':
        options.publicPort = Number(value());
        break;
      case '--public-host':
        options.publicHost = value();
        break;
      case '--trusted-proxy':
        options.trustedProxies.push(value());
        break;
      default:
        throw new Error(`Unknown option ${arg}. Options: --host, --port, --data-dir, --open, --allowed-host, --restore-backup, --public-port, --public-host, --trusted-proxy`);
    }
  }
  for (const port of [options.port, options.publicPort ?? 0]) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${String(port)}`);
  }
  if (options.publicPort !== null && options.publicPort !== 0 && options.publicPort === options.port) {
    throw new Error('--public-port must differ from --port: the public listener is the one a proxy exposes');
  }
  for (const proxy of options.trustedProxies) {
    if (!isTrustedProxy(proxy)) throw new Error(`Invalid --trusted-proxy ${proxy}: give an IP address or a CIDR range (10.0.0.0/8)`);
  }
  return options;
}

/** An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isTrustedProxy(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}
