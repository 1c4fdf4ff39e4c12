import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { LINK_ROLES, type DeviceLink, type DeviceLinkKind, type Devices } from '../../shared/protocol';
import { linkRoute } from '../../shared/routes';
import { isLoopback } from './http/access';
import type { AccessTokens } from './store/accessTokens';

const LINK_LABELS: Record<DeviceLinkKind, string> = {
  producer: 'Producer console:',
  speaker: 'Teleprompter:    ',
  press: 'Press:           ',
  public: 'Public form:     ',
};

/** The addresses other machines reach the desk at: every external IPv4 when listening on all. */
export function lanAddresses(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(interfaces)
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/**
 * The links other studio machines open when the desk listens beyond this machine: each carries
 * the token of one role, so a teleprompter link can never moderate. `lan: false` when the desk
 * listens on this machine only. The one source of both the printed links and `devices.links`.
 */
export function lanLinkSet(
  host: string,
  port: number,
  tokens: AccessTokens,
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>,
): Devices {
  if (isLoopback(host) || host === 'localhost') return { lan: false };
  return {
    lan: true,
    addresses: lanAddresses(host, interfaces).map((address) => {
      const base = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
      const links: DeviceLink[] = LINK_ROLES.map((role) => ({
        kind: role,
        url: `${base}${linkRoute(role).path}?token=${encodeURIComponent(tokens[role])}`,
      }));
      links.push({ kind: 'public', url: `${base}${linkRoute('public').path}` });
      return { address, links };
    }),
  };
}

/** The same links as lines for the terminal (`npm run serve`); none when LAN access is off. */
export function lanLinks(host: string, localUrl: string, tokens: AccessTokens): string[] {
  const set = lanLinkSet(host, Number(new URL(localUrl).port), tokens);
  if (!set.lan) return [];
  const lines = ['LAN links (keep them private; each opens one role):'];
  for (const { links } of set.addresses) {
    for (const link of links) lines.push(`  ${LINK_LABELS[link.kind]} ${link.url}`);
  }
  return lines;
}
