import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parseServeArgs } from './config';
import { createCore } from './createCore';
import { lanLinks } from './lanLinks';
import { openInBrowser } from './openBrowser';

/** Headless entry: `npm run serve -- --host 0.0.0.0 --port 4310 --data-dir ./data`. */
async function main(): Promise<void> {
  const options = parseServeArgs(process.argv.slice(2));
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const core = await createCore({
    dataDir: options.dataDir,
    host: options.host,
    port: options.port,
    staticDir: join(repoRoot, 'dist', 'renderer'),
    allowedHosts: options.allowedHosts,
    ...(process.env.DESK_SECRET ? { deskSecret: process.env.DESK_SECRET } : {}),
    ...(process.env.DESK_NATIVE_BINDING ? { nativeBinding: process.env.DESK_NATIVE_BINDING } : {}),
  });
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
  for (const line of lanLinks(options.host, core.url, core.accessTokens)) console.log(line);
  if (options.open) openInBrowser(core.loginUrl('/console'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing the desk…`);
    core.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
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
