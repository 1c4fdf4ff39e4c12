import { z } from 'zod';
import type { AppErrorShape } from '../errors';
import { ERROR_CODES } from '../errors';
import { backupCommands, backupEvents, privacyCommands } from './backups';
import { departmentCommands, departmentEvents } from './departments';
import { deviceCommands, deviceEvents } from './devices';
import { graphicsCommands, graphicsEvents } from './graphics';
import { handoffCommands, handoffEvents } from './handoffs';
import { notificationCommands, notificationEvents } from './notifications';
import { ROLES, type Role } from './roles';

export * from './define';
import { intakeCommands, intakeEvents } from './intake';
import { prompterCommands, prompterEvents } from './prompter';
import { questionCommands, questionEvents } from './questions';
import { rundownCommands, rundownEvents } from './rundown';

export * from './backups';
export * from './departments';
export * from './control';
export * from './devices';
export * from './graphics';
export * from './handoffs';
export * from './handoffSheet';
export * from './notifications';
export * from './roles';
export * from './intake';
export * from './prompter';
export * from './questions';
export * from './rundown';

/** Every command a client can send, by `domain.verb` name. Add a domain by spreading its map here. */
export const commands = {
  ...questionCommands,
  ...prompterCommands,
  ...rundownCommands,
  ...intakeCommands,
  ...deviceCommands,
  ...departmentCommands,
  ...handoffCommands,
  ...notificationCommands,
  ...backupCommands,
  ...privacyCommands,
  ...graphicsCommands,
};

/** Every event the server pushes, by name. */
export const events = {
  ...questionEvents,
  ...deviceEvents,
  ...prompterEvents,
  ...rundownEvents,
  ...intakeEvents,
  ...departmentEvents,
  ...handoffEvents,
  ...notificationEvents,
  ...backupEvents,
  ...graphicsEvents,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandRequest<K extends CommandName> = z.input<Commands[K]['request']>;
export type CommandInput<K extends CommandName> = z.output<Commands[K]['request']>;
export type CommandReply<K extends CommandName> = z.output<Commands[K]['reply']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]['payload']>;

/** Whether `role` may send command `name` (its declared `roles`). */
export function mayRun(role: Role, name: CommandName): boolean {
  return commands[name].roles.includes(role);
}

/** Whether `role` receives event `name` (its declared `roles`). */
export function mayReceive(role: Role, name: EventName): boolean {
  return events[name].roles.includes(role);
}

export const clientMessageSchema = z.object({
  type: z.literal('command'),
  id: z.number().int(),
  name: z.string(),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

const errorShapeSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  messageKey: z.string().optional(),
  field: z.string().optional(),
  current: z.unknown().optional(),
});

/**
 * Where a client is in the server's event stream: `epoch` names one run of the core (a restart
 * starts a new stream), `seq` the last event it received. Sent back as `?resume=epoch.seq` on
 * reconnection, so the server can replay what the client missed.
 */
export const eventCursorSchema = z.object({ epoch: z.string().min(1).max(40), seq: z.number().int().nonnegative() });
export type EventCursor = z.infer<typeof eventCursorSchema>;

export function formatCursor(cursor: EventCursor): string {
  return `${cursor.epoch}.${cursor.seq}`;
}

export function parseCursor(text: string | undefined): EventCursor | null {
  const match = /^([A-Za-z0-9-]{1,40})\.(\d{1,15})$/.exec(text ?? '');
  return match ? { epoch: match[1]!, seq: Number(match[2]) } : null;
}

const eventItemSchema = z.object({ name: z.string(), payload: z.unknown(), seq: z.number().int() });

export const serverMessageSchema = z.union([
  z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(false), error: errorShapeSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown(), seq: z.number().int() }),
  // Several events in one frame: a storm costs each console one frame per batch, not one per question.
  z.object({ type: z.literal('events'), items: z.array(eventItemSchema) }),
  z.object({
    type: z.literal('hello'),
    role: z.enum(ROLES),
    serverTime: z.number(),
    /** The stream this connection follows (the cursor of the last event sent before it joined). */
    cursor: eventCursorSchema,
    /**
     * True when the client's `resume` cursor was honoured: every event it missed follows this
     * message, so it keeps its state. False: it reloads its state (a restart, or too far behind).
     */
    resumed: z.boolean(),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export type ReplyError = AppErrorShape;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
export * from './reports';
