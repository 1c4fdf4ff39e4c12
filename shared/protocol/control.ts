import { z } from 'zod';
import { DISTRICTS } from '../domain';
import { cueSchema } from './prompter';

/** What a button panel reads back (`GET /api/control/state`): no contact data, first names only. */
export const controlStateSchema = z.object({
  episode: z.object({ id: z.number().int(), title: z.string(), status: z.string() }).nullable(),
  onAir: z
    .object({ id: z.number().int(), askerFirstName: z.string(), district: z.enum(DISTRICTS).nullable(), askedBy: z.number().int() })
    .nullable(),
  /** The question "take next" would put on air. */
  nextId: z.number().int().nullable(),
  /** Questions waiting in the episode's queues, all speakers together and per speaker in running order. */
  queued: z.number().int(),
  queues: z.array(z.object({ speakerId: z.number().int(), name: z.string(), queued: z.number().int() })),
  countdown: z.object({ endsAt: z.number(), remainingSeconds: z.number().int(), text: z.string() }).nullable(),
  cue: cueSchema.nullable(),
  graphics: z.object({ shown: z.boolean(), questionId: z.number().int().nullable() }),
});
export type ControlState = z.infer<typeof controlStateSchema>;
