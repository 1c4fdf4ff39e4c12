import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parseServeArgs } from './config';
import { mkdirSync } from 'node:fs';
import { requestRestoreFromCommandLine } from './backup/restore';
import { createCore, type Core } from './createCore';
import { newDeskSecret } from './http/access';
import { lanLines } from './lanLinks';
import { openInBrowser } from './openBrowser';
import { safeStorageSecretBox } from './secrets/secretBox';

/** How long a stop may take before the process exits anyway (the launcher waits a little longer). */
const CLOSE_GRACE_MS = 10_000;

/** Headless entry: `npm run serve -- --host 0.0.0.0 --port 4310 --data-dir ./data`. */
async function main(): Promise<void> {
  const options = parseServeArgs(process.argv.slice(2));
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (options.restoreBackup) {
    mkdirSync(options.dataDir, { recursive: true });
    const name = requestRestoreFromCommandLine(options.dataDir, options.restoreBackup, Date.now());
    console.log(`Restoring the backup ${name} before starting…`);
  }
  // Kept across restarts (a restore restarts the core in this process): the desk's windows and
  // signed-in browsers stay signed in, and the address stays the same.
  const deskSecret = process.env.DESK_SECRET ?? newDeskSecret();
  let port = options.port;
  let publicPort = options.publicPort;
  let core!: Core;
  let restarting: Promise<void> | null = null;
  const start = async (): Promise<Core> => {
    const started = await createCore({
      dataDir: options.dataDir,
      host: options.host,
      port,
      staticDir: join(repoRoot, 'dist', 'renderer'),
      allowedHosts: options.allowedHosts,
      trustedProxies: options.trustedProxies,
      ...(publicPort === null ? {} : { publicPort }),
      ...(options.publicHost ? { publicHost: options.publicHost } : {}),
      deskSecret,
      restart: () => {
        restarting ??= restart()
          .catch((error: unknown) => {
            console.error('The desk could not start again:', error instanceof Error ? error.message : error);
            process.exit(1);
          })
          .finally(() => (restarting = null));
      },
      ...(process.env.DESK_NATIVE_BINDING ? { nativeBinding: process.env.DESK_NATIVE_BINDING } : {}),
      // The desktop shell's key, kept by the OS keychain; headless, the key file in the data folder.
      ...(process.env.DESK_SAFE_STORAGE_KEY ? { secretBox: safeStorageSecretBox(process.env.DESK_SAFE_STORAGE_KEY) } : {}),
    });
    port = Number(new URL(started.url).port);
    if (started.publicUrl) publicPort = Number(new URL(started.publicUrl).port);
    return started;
  };
  const restart = async (): Promise<void> => {
    console.log('Restarting the desk…');
    await core.close();
    core = await start();
    console.log(`The desk is running again at ${core.url}`);
  };
  core = await start();
  // Inside Electron's utilityProcess the shell waits for this to open its windows.
  const parentPort = (process as { parentPort?: { postMessage(message: unknown): void } }).parentPort;
  parentPort?.postMessage({ type: 'ready', url: core.url });
  console.log(`Akimat LIVE Desk is running (data: ${options.dataDir})`);
  // The desktop shell holds the secret itself; printing it there would only put it in a log.
  if (!parentPort) {
    console.log('  Sign in on this computer (the link works until the desk stops; keep it private):');
    console.log(`  Producer console: ${core.loginUrl('/console')}`);
    console.log(`  Teleprompter:     ${core.loginUrl('/prompter')}`);
  }
  console.log(`  Public form:      ${core.url}/ask`);
  if (core.publicUrl) console.log(`  Public listener (form and webhooks only, for a reverse proxy): ${core.publicUrl}/ask`);
  for (const line of lanLines(options.host, port)) console.log(line);
  if (options.open) openInBrowser(core.loginUrl('/console'));

  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}: closing the desk…`);
    // WAL keeps what was committed, so a close that hangs is cut short rather than left holding the port.
    setTimeout(() => {
      console.error('The desk did not close in time; exiting.');
      process.exit(1);
    }, CLOSE_GRACE_MS).unref();
    (restarting ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed', error);
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(`${signal} received`));
  // Started by `npm start` with an IPC channel: it closes when the launcher dies, however it dies.
  if (process.channel) process.on('disconnect', () => stop('The launcher has gone'));
  else if (!parentPort && process.env.npm_lifecycle_event) whenNpmHasGone(() => stop('npm has stopped'));
}

/**
 * Under `npm run serve` the core is the child of a shell that npm starts: a SIGTERM or SIGINT sent
 * to npm's own process reaches that shell, which dies without passing it on, and the core would
 * keep the port as an orphan. Being handed to another parent is the sign (POSIX; Windows keeps
 * the old parent id, and there Ctrl+C reaches every process of the console anyway).
 */
function whenNpmHasGone(then: () => void): void {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    then();
  }, 500);
  watch.unref();
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    console.error('That port is already in use — is the desk already running? Choose another with --port.');
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
