import { networkInterfaces } from 'node:os';
import { isLoopback } from './http/access';
import type { AccessTokens } from './store/accessTokens';

function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/**
 * The links other studio machines open when the desk listens beyond this machine: each carries
 * the token of one role, so a teleprompter link can never moderate.
 */
export function lanLinks(host: string, localUrl: string, tokens: AccessTokens): string[] {
  if (isLoopback(host) || host === 'localhost') return [];
  const port = new URL(localUrl).port;
  const lines = ['LAN links (keep them private; each opens one role):'];
  for (const address of lanAddresses(host)) {
    const base = `http://${address}:${port}`;
    lines.push(`  Producer console: ${base}/console?token=${tokens.producer}`);
    lines.push(`  Teleprompter:     ${base}/prompter?token=${tokens.speaker}`);
    lines.push(`  Public form:      ${base}/ask`);
  }
  return lines;
}
