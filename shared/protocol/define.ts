import type { z } from 'zod';
import type { Role } from './roles';

/** One command: who may send it, the schema of what the client sends and of what the server replies. */
export interface CommandDef<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  roles: readonly Role[];
  request: Req;
  reply: Rep;
}

/** One event: who receives it (contact data must never reach a speaker's screen) and its payload schema. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  roles: readonly Role[];
  payload: P;
}

export function command<Req extends z.ZodType, Rep extends z.ZodType>(
  roles: readonly Role[],
  request: Req,
  reply: Rep,
): CommandDef<Req, Rep> {
  return { roles, request, reply };
}

export function event<P extends z.ZodType>(roles: readonly Role[], payload: P): EventDef<P> {
  return { roles, payload };
}
