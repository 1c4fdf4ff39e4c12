import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { DeviceNetwork } from '../../shared/protocol';
import { isLoopback } from './http/access';

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

/** Whether the desk listens beyond this machine, and where: the one source of the pairing links and of `serve`'s lines. */
export function deviceNetwork(host: string, interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>): DeviceNetwork {
  if (isLoopback(host) || host === 'localhost') return { lan: false, addresses: [] };
  return { lan: true, addresses: lanAddresses(host, interfaces) };
}

/** What `npm run serve` prints about the LAN: no link opens anything until a device is paired. */
export function lanLines(host: string, port: number): string[] {
  const network = deviceNetwork(host);
  if (!network.lan) return [];
  return [
    `LAN access is on (${network.addresses.map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${port}`).join(', ') || 'no network address yet'}).`,
    '  Pair each teleprompter PC or press laptop in the console: Connect devices → Pair a device.',
  ];
}
