import { LINK_ROLES, type LinkRole } from '../../../shared/protocol';
import type { EventBus } from '../events';
import type { Hub } from '../hub/hub';
import type { CommandRegistry } from './registry';
import { lanAddresses, lanLinkSet } from '../lanLinks';
import type { PairingCodes } from '../pairing';
import { insertDevice, listDevices, revokeDevice } from '../store/devices';
import { renewAccessToken, type AccessTokens } from '../store/accessTokens';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { AppError } from '../../../shared/errors';

export interface DeviceDeps {
  db: Db;
  now: () => number;
  /** The host and port the core listens on: they decide whether there are LAN links at all. */
  host: string;
  port: number;
  /** The live token object the access policy reads. */
  tokens: AccessTokens;
  bus: EventBus;
  pairing: PairingCodes;
}

/** What the hub calls a device's sockets: revoking it closes exactly these. */
export const deviceKey = (id: number): string => `device:${id}`;

/** `GET /pair?code=…`: pairs the device, once. Returns its token, which is never stored in the clear. */
export function redeemPairing(deps: Pick<DeviceDeps, 'db' | 'now' | 'pairing'>, code: string): { token: string; role: LinkRole } | null {
  const pending = deps.pairing.redeem(code);
  if (!pending) return null;
  const at = deps.now();
  return deps.db.transaction(() => {
    const { device, token } = insertDevice(deps.db, pending.name, pending.role, at);
    insertAudit(deps.db, { at, actor: device.name, action: 'device.paired', entity: 'device', entityId: device.id, after: { name: device.name, role: device.role } });
    return { token, role: device.role };
  })();
}

/** Pairing LAN clients: the per-role links and renewing a leaked one (producers only). */
export function registerDeviceCommands(registry: CommandRegistry, hub: Hub, deps: DeviceDeps): void {
  const links = () => lanLinkSet(deps.host, deps.port, deps.tokens);

  registry.register('devices.links', () => links());

  registry.register('devices.list', () => listDevices(deps.db));

  registry.register('devices.pair', ({ name, role }, ctx) => {
    const { code, expiresAt } = deps.pairing.issue(name, role);
    // The audit names who asked for which device and role, never the code.
    insertAudit(deps.db, { at: deps.now(), actor: ctx.actor, action: 'device.pair', entity: 'device', entityId: 0, after: { name, role } });
    const urls = lanAddresses(deps.host).map((address) => {
      const host = address.includes(':') ? `[${address}]` : address;
      return `http://${host}:${deps.port}/pair?code=${encodeURIComponent(code)}`;
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
    return listDevices(deps.db);
  });

  registry.register('devices.renew', ({ role }, ctx) => {
    const at = deps.now();
    const old = deps.db.transaction(() => {
      const previous = renewAccessToken(deps.db, deps.tokens, role, at);
      // The audit names the role, never a token: the trail is kept forever and read by people.
      insertAudit(deps.db, {
        at,
        actor: ctx.actor,
        action: 'access_token.renew',
        entity: 'access_token',
        entityId: LINK_ROLES.indexOf(role),
        after: { role },
      });
      return previous;
    })();
    // Right after this reply is sent: a producer renewing the link its own console came in
    // with still receives the new link before its socket closes.
    setImmediate(() => hub.disconnectToken(old));
    const fresh = links();
    deps.bus.emit('devices.changed', fresh);
    return fresh;
  });
}
