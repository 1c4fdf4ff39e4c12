import { z } from 'zod';
import { command, event } from './define';
import { ADMINS, PRODUCERS } from './roles';

/** Roles a LAN link can carry: admin stays on the desk machine itself. */
export const LINK_ROLES = ['producer', 'speaker', 'press'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** What each link opens: one per link role, plus the public form, which needs no token. */
export const DEVICE_LINK_KINDS = [...LINK_ROLES, 'public'] as const;
export type DeviceLinkKind = (typeof DEVICE_LINK_KINDS)[number];

export const deviceLinkSchema = z.object({ kind: z.enum(DEVICE_LINK_KINDS), url: z.string() });
export type DeviceLink = z.infer<typeof deviceLinkSchema>;

/** The links for one network address of this machine (a studio PC may have wired and Wi-Fi). */
export const deviceAddressSchema = z.object({ address: z.string(), links: z.array(deviceLinkSchema) });

/** LAN links per role, or `lan: false` when the core listens on this machine only. */
export const devicesSchema = z.discriminatedUnion('lan', [
  z.object({ lan: z.literal(false) }),
  z.object({ lan: z.literal(true), addresses: z.array(deviceAddressSchema) }),
]);
export type Devices = z.infer<typeof devicesSchema>;

/** A paired device as the desk lists it: never its token (only a hash of it is stored). */
export const pairedDeviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(LINK_ROLES),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;

/** A one-time pairing link (one per LAN address); it expires unused after `expiresAt`. */
export const pairingSchema = z.object({ urls: z.array(z.string()), expiresAt: z.number() });
export type Pairing = z.infer<typeof pairingSchema>;

export const deviceCommands = {
  /** Paired devices with role and last use (admin: the desk machine itself). */
  'devices.list': command(ADMINS, z.object({}), z.array(pairedDeviceSchema)),
  /** A one-time link that pairs one named device with one role. */
  'devices.pair': command(
    ADMINS,
    z.object({ name: z.string().trim().min(1).max(60), role: z.enum(LINK_ROLES) }),
    pairingSchema,
  ),
  /** Revokes a device at once: its token stops working and its open sockets are closed. */
  'devices.revoke': command(ADMINS, z.object({ id: z.number().int() }), z.array(pairedDeviceSchema)),
  /** Producers only: the links contain secrets. */
  'devices.links': command(PRODUCERS, z.object({}), devicesSchema),
  /** A new token for one role; sockets that used the old one are closed at once. */
  'devices.renew': command(PRODUCERS, z.object({ role: z.enum(LINK_ROLES) }), devicesSchema),
};

export const deviceEvents = {
  /** A link was renewed: every producer's open Devices panel shows the new links (producers only: they carry tokens). */
  'devices.changed': event(PRODUCERS, devicesSchema),
};
