import { z } from 'zod';
import { LANGUAGES } from '../domain';
import { command, event } from './define';
import { GRAPHICS_VARIANTS } from './graphics';
import { ADMINS } from './roles';

/** Roles a LAN link can carry: admin stays on the desk machine itself. */
export const LINK_ROLES = ['producer', 'speaker', 'press', 'graphics'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** What a screen is for: a paired device's role, or the public form, which needs no device. */
export const DEVICE_LINK_KINDS = [...LINK_ROLES, 'public'] as const;
export type DeviceLinkKind = (typeof DEVICE_LINK_KINDS)[number];

/** Whether other machines can reach the desk at all, and at which addresses (a PC may have wired and Wi-Fi). */
export const deviceNetworkSchema = z.object({ lan: z.boolean(), addresses: z.array(z.string()) });
export type DeviceNetwork = z.infer<typeof deviceNetworkSchema>;

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
  /**
   * A one-time link that pairs one named device with one role. `lang` (any role) and `variant` (a
   * graphics output's look) ride in the link and on to the screen it opens, so a browser source
   * is set up by pasting one URL.
   */
  'devices.pair': command(
    ADMINS,
    z.object({
      name: z.string().trim().min(1).max(60),
      role: z.enum(LINK_ROLES),
      lang: z.enum(LANGUAGES).optional(),
      variant: z.enum(GRAPHICS_VARIANTS).optional(),
    }),
    pairingSchema,
  ),
  /** Revokes a device at once: its token stops working and its open sockets are closed. */
  'devices.revoke': command(ADMINS, z.object({ id: z.number().int() }), z.array(pairedDeviceSchema)),
  /** Where a pairing link can be opened from (LAN off: nowhere but this machine). */
  'devices.network': command(ADMINS, z.object({}), deviceNetworkSchema),
};

export const deviceEvents = {
  /** A device was paired or revoked: every open Devices panel shows the new list. */
  'devices.changed': event(ADMINS, z.array(pairedDeviceSchema)),
};
