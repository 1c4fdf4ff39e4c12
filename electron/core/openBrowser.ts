import { spawn } from 'node:child_process';
import { platform } from 'node:os';

/** Best effort: a headless server without a desktop simply has no browser to open. */
export function openInBrowser(url: string): void {
  const [command, args] =
    platform() === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : platform() === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: the URLs are printed already.
  }
}
