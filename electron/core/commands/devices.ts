import type { LinkRole } from '../../../shared/protocol';
import type { EventBus } from '../events';
import type { Hub } from '../hub/hub';
import type { CommandRegistry } from './registry';
import { deviceNetwork } from '../lanLinks';
import type { PairingCodes } from '../pairing';
import { insertDevice, listDevices, revokeDevice } from '../store/devices';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { AppError } from '../../../shared/errors';
import { screenParams } from '../../../shared/routes';

export interface DeviceDeps {
  db: Db;
  now: () => number;
  /** The host and port the core listens on: they decide whether there are LAN links at all. */
  host: string;
  port: number;
  bus: EventBus;
  pairing: PairingCodes;
}

/** What the hub calls a device's sockets: revoking it closes exactly these. */
export const deviceKey = (id: number): string => `device:${id}`;

/** `GET /pair?code=…`: pairs the device, once. Returns its token, which is never stored in the clear. */
export function redeemPairing(deps: Pick<DeviceDeps, 'db' | 'now' | 'pairing' | 'bus'>, code: string): { token: string; role: LinkRole } | null {
  const pending = deps.pairing.redeem(code);
  if (!pending) return null;
  const at = deps.now();
  const paired = deps.db.transaction(() => {
    const { device, token } = insertDevice(deps.db, pending.name, pending.role, at);
    insertAudit(deps.db, { at, actor: device.name, action: 'device.paired', entity: 'device', entityId: device.id, after: { name: device.name, role: device.role } });
    return { token, role: device.role };
  })();
  deps.bus.emit('devices.changed', listDevices(deps.db));
  return paired;
}

/** Pairing LAN devices, listing and revoking them: the desk machine's own console (admin) only. */
export function registerDeviceCommands(registry: CommandRegistry, hub: Hub, deps: DeviceDeps): void {
  registry.register('devices.list', () => listDevices(deps.db));

  registry.register('devices.network', () => deviceNetwork(deps.host));

  registry.register('devices.pair', ({ name, role, lang, variant }, ctx) => {
    const { code, expiresAt } = deps.pairing.issue(name, role);
    // The audit names who asked for which device and role, never the code.
    insertAudit(deps.db, { at: deps.now(), actor: ctx.actor, action: 'device.pair', entity: 'device', entityId: 0, after: { name, role } });
    const { lan, addresses } = deviceNetwork(deps.host);
    const query = new URLSearchParams({ code, ...screenParams(role, { lang, variant }) }).toString();
    const urls = (lan ? addresses : [deps.host]).map((address) => {
      const host = address.includes(':') ? `[${address}]` : address;
      return `http://${host}:${deps.port}/pair?${query}`;
    });
    return { urls, expiresAt };
  });

  registry.register('devices.revoke', ({ id }, ctx) => {
    const at = deps.now();
    const revoked = deps.db.transaction(() => {
      const done = revokeDevice(deps.db, id, at);
      if (done) insertAudit(deps.db, { at, actor: ctx.actor, action: 'device.revoke', entity: 'device', entityId: id });
      return done;
    })();
    if (!revoked) throw new AppError('not_found');
    hub.disconnectToken(deviceKey(id));
    const devices = listDevices(deps.db);
    deps.bus.emit('devices.changed', devices);
    return devices;
  });
}
