import { LINK_ROLES } from '../../../shared/protocol';
import type { EventBus } from '../events';
import type { Hub } from '../hub/hub';
import type { CommandRegistry } from './registry';
import { lanLinkSet } from '../lanLinks';
import { renewAccessToken, type AccessTokens } from '../store/accessTokens';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';

export interface DeviceDeps {
  db: Db;
  now: () => number;
  /** The host and port the core listens on: they decide whether there are LAN links at all. */
  host: string;
  port: number;
  /** The live token object the access policy reads. */
  tokens: AccessTokens;
  bus: EventBus;
}

/** Pairing LAN clients: the per-role links and renewing a leaked one (producers only). */
export function registerDeviceCommands(registry: CommandRegistry, hub: Hub, deps: DeviceDeps): void {
  const links = () => lanLinkSet(deps.host, deps.port, deps.tokens);

  registry.register('devices.links', () => links());

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
