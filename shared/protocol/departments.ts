import { z } from 'zod';
import { command, event } from './define';
import { PRODUCERS } from './roles';

const names = z.object({
  kk: z.string().trim().min(1).max(300),
  ru: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});

/** One entry of the department directory as its editor sees it (contact data included). */
export const departmentEntrySchema = z.object({
  id: z.number().int(),
  /** Stable short code, part of every hand-off reference ("2026-0412/energy"). */
  code: z.string(),
  names,
  contactPerson: z.string(),
  email: z.string(),
  /** Archived departments keep their hand-offs but are not offered for new ones. */
  active: z.boolean(),
});
export type DepartmentEntry = z.infer<typeof departmentEntrySchema>;

export const departmentInputSchema = z.object({
  /** Without an id: a new department. */
  id: z.number().int().positive().optional(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  names,
  contactPerson: z.string().trim().max(200).default(''),
  email: z.union([z.literal(''), z.string().trim().email().max(200)]).default(''),
  active: z.boolean().default(true),
});
export type DepartmentInput = z.output<typeof departmentInputSchema>;

const directory = z.object({ items: z.array(departmentEntrySchema) });

export const departmentCommands = {
  /** The whole directory, archived departments included, for the editor. */
  'department.directory': command(PRODUCERS, z.object({}), directory),
  /** Creates or edits one department; the reply is the whole directory. */
  'department.save': command(PRODUCERS, departmentInputSchema, directory),
};

export const departmentEvents = {
  'department.changed': event(PRODUCERS, directory),
};
