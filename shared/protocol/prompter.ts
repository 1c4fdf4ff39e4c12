import { z } from 'zod';
import { DISTRICTS } from '../domain';
import { command } from './define';

/** What a speaker may see: first name and district only, personal data masked in the text. */
export const prompterItemSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  askerFirstName: z.string(),
  district: z.enum(DISTRICTS).nullable(),
});
export type PrompterItem = z.infer<typeof prompterItemSchema>;

export const prompterStateSchema = z.object({
  current: prompterItemSchema.nullable(),
  next: prompterItemSchema.nullable(),
});
export type PrompterState = z.infer<typeof prompterStateSchema>;

export const prompterCommands = {
  'prompter.get': command(z.object({}), prompterStateSchema),
};

export const prompterEvents = {
  'prompter.state': prompterStateSchema,
};
