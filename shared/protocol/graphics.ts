import { z } from 'zod';
import { command, event } from './define';
import { prompterItemSchema } from './prompter';
import { PRODUCERS, type Role } from './roles';

/** The graphics page's looks, chosen by `?variant=` in its URL; the lower third when absent or unknown. */
export const GRAPHICS_VARIANTS = ['lower-third', 'quote', 'ticker'] as const;
export type GraphicsVariant = (typeof GRAPHICS_VARIANTS)[number];

/** How many upcoming questions the ticker variant shows. */
export const TICKER_ITEMS = 5;

/** A logo is sent with every graphics state, so it stays small (about 110 KB of image). */
export const LOGO_MAX_CHARS = 150_000;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** Station look, set by a producer; every field has a default so a fresh desk shows something sober. */
export const graphicsStyleSchema = z.object({
  /** Shown beside the logo in the lower third; may be empty. */
  stationName: z.string().trim().max(60).default(''),
  /** The band's background. */
  primary: colour.default('#0b3d91'),
  /** The name line and the stripe. */
  accent: colour.default('#f2b705'),
  /** The question's text. */
  text: colour.default('#ffffff'),
  /** A data URL (PNG, JPEG, WebP or SVG): the page's CSP allows `data:` images and nothing remote. */
  logo: z
    .string()
    .max(LOGO_MAX_CHARS)
    .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/]+=*$/)
    .nullable()
    .default(null),
  /** Each question put on air is taken to graphics at once, without a separate take. */
  autoTake: z.boolean().default(false),
});
export type GraphicsStyle = z.infer<typeof graphicsStyleSchema>;
export const DEFAULT_GRAPHICS_STYLE: GraphicsStyle = graphicsStyleSchema.parse({});

/** What a viewer may see: exactly the teleprompter's item (first name, district, masked text, asked by N). */
export const graphicsItemSchema = prompterItemSchema;
export type GraphicsItem = z.infer<typeof graphicsItemSchema>;

export const graphicsStateSchema = z.object({
  /** The on-air question the producer took to graphics; null: every variant hides itself. */
  shown: graphicsItemSchema.nullable(),
  /** The questions after it, in the order they will be read, for the ticker. */
  upcoming: z.array(graphicsItemSchema).max(TICKER_ITEMS),
  style: graphicsStyleSchema,
});
export type GraphicsState = z.infer<typeof graphicsStateSchema>;

/** Teleprompter movements a remote (pedal, button panel) can ask for; the teleprompter applies them. */
export const SCROLL_ACTIONS = ['forward', 'back', 'pageForward', 'pageBack', 'top', 'playPause'] as const;
export type ScrollAction = (typeof SCROLL_ACTIONS)[number];

/** The graphics page and the producers who drive it; a teleprompter has no use for it. */
const GRAPHICS_VIEWERS = ['admin', 'producer', 'graphics'] as const satisfies readonly Role[];

/** Producers, and the speaker, whose own pedal may drive the text they read. */
const SCROLLERS = ['admin', 'producer', 'speaker'] as const satisfies readonly Role[];

export const graphicsCommands = {
  /** It carries only what viewers may see. */
  'graphics.get': command(GRAPHICS_VIEWERS, z.object({}), graphicsStateSchema),
  /** Shows the question on air; `id` guards against a take meant for a question that has since left air. */
  'graphics.take': command(PRODUCERS, z.object({ id: z.number().int().positive().optional() }), graphicsStateSchema),
  /** Hides the graphics; the question stays on air. */
  'graphics.clear': command(PRODUCERS, z.object({}), graphicsStateSchema),
  'graphics.setStyle': command(PRODUCERS, z.object({ style: graphicsStyleSchema }), graphicsStateSchema),
  /** Moves every open teleprompter's text, as its own keys would. */
  'prompter.scroll': command(SCROLLERS, z.object({ action: z.enum(SCROLL_ACTIONS) }), z.object({ action: z.enum(SCROLL_ACTIONS) })),
};

export const graphicsEvents = {
  'graphics.state': event(GRAPHICS_VIEWERS, graphicsStateSchema),
  'prompter.scroll': event(SCROLLERS, z.object({ action: z.enum(SCROLL_ACTIONS) })),
};
