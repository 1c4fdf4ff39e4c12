import { z } from 'zod';
import { DISTRICTS } from '../domain';
import { command, event } from './define';
import { EVERYONE, PRODUCERS } from './roles';

/** What a speaker may see: first name and district only, personal data masked in the text. */
export const prompterItemSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  askerFirstName: z.string(),
  district: z.enum(DISTRICTS).nullable(),
  /** How many people asked it (its near-duplicate group). */
  askedBy: z.number().int().min(1).default(1),
});
export type PrompterItem = z.infer<typeof prompterItemSchema>;

/** Ready-made cues the teleprompter shows in the speaker's language. */
export const CUE_PRESETS = ['thirtySeconds', 'wrapUp', 'nextQuestion', 'louder', 'slowDown'] as const;
export type CuePreset = (typeof CUE_PRESETS)[number];

export const cueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(CUE_PRESETS) }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(200) }),
]);
export type Cue = z.infer<typeof cueSchema>;

export const prompterStateSchema = z.object({
  current: prompterItemSchema.nullable(),
  next: prompterItemSchema.nullable(),
  /** The speaker answering now: name and portfolio, no contact data. */
  speaker: z.object({ name: z.string(), portfolio: z.string() }).nullable().default(null),
  cue: cueSchema.nullable().default(null),
  /** Time left when the state was sent; clients count down from their own receipt time. */
  countdown: z.object({ endsAt: z.number(), remainingMs: z.number() }).nullable().default(null),
  /** The live episode is a rehearsal: the speaker's screen says so. */
  rehearsal: z.boolean().default(false),
});
export type PrompterState = z.infer<typeof prompterStateSchema>;

export const prompterCommands = {
  /** Every role: what the teleprompter shows is safe for any staff screen. */
  'prompter.get': command(EVERYONE, z.object({}), prompterStateSchema),
  /** A short private line to the speaker; null clears it. */
  'prompter.cue': command(PRODUCERS, z.object({ cue: cueSchema.nullable() }), prompterStateSchema),
  /** Starts a countdown of `seconds`; null stops it. */
  'prompter.countdown': command(
    PRODUCERS,
    z.object({ seconds: z.number().int().min(1).max(3600).nullable() }),
    prompterStateSchema,
  ),
};

export const prompterEvents = {
  /** Everyone: it carries first name, district and masked text only. */
  'prompter.state': event(EVERYONE, prompterStateSchema),
};
