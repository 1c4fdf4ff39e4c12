import type { z } from 'zod';

/** One command: the schema of what the client sends and of what the server replies. */
export interface CommandDef<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Rep;
}

export function command<Req extends z.ZodType, Rep extends z.ZodType>(
  request: Req,
  reply: Rep,
): CommandDef<Req, Rep> {
  return { request, reply };
}
