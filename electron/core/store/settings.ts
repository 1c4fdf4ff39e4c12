import { z } from 'zod';
import type { Db } from './db';
import { prepared } from './statements';

/** The intake's settings as the core uses them; secrets are plain here and never leave the core. */
export interface IntakeSettings {
  telegram: { enabled: boolean; token: string | null; apiRoot: string };
  whatsapp: {
    enabled: boolean;
    appSecret: string | null;
    verifyToken: string | null;
    accessToken: string | null;
    graphApiRoot: string;
  };
  /** Messages per sender per minute; 0 turns the limit off. Per-IP limits are the core's config. */
  limits: { perSenderPerMinute: number };
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  telegram: { enabled: false, token: null, apiRoot: 'https://api.telegram.org' },
  whatsapp: {
    enabled: false,
    appSecret: null,
    verifyToken: null,
    accessToken: null,
    graphApiRoot: 'https://graph.facebook.com/v21.0',
  },
  limits: { perSenderPerMinute: 6 },
};

const KEY = 'intake';

const storedSchema = z.object({
  telegram: z
    .object({ enabled: z.boolean(), token: z.string().nullable(), apiRoot: z.string() })
    .partial()
    .optional(),
  whatsapp: z
    .object({
      enabled: z.boolean(),
      appSecret: z.string().nullable(),
      verifyToken: z.string().nullable(),
      accessToken: z.string().nullable(),
      graphApiRoot: z.string(),
    })
    .partial()
    .optional(),
  limits: z
    .object({ perSenderPerMinute: z.number().int().min(0) })
    .partial()
    .optional(),
});

const GET = `SELECT value FROM setting WHERE key = @key`;
const PUT = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

/** Read on every intake request, so kept in memory and replaced on write. */
const cache = new WeakMap<Db, IntakeSettings>();

function withDefaults(stored: z.infer<typeof storedSchema>): IntakeSettings {
  const d = DEFAULT_INTAKE_SETTINGS;
  return {
    telegram: { ...d.telegram, ...stored.telegram },
    whatsapp: { ...d.whatsapp, ...stored.whatsapp },
    limits: { ...d.limits, ...stored.limits },
  };
}

/** Validated on read: a damaged or older row falls back to the defaults field by field. */
export function getIntakeSettings(db: Db): IntakeSettings {
  const cached = cache.get(db);
  if (cached) return cached;
  const row = prepared(db, GET).get({ key: KEY }) as { value: string } | undefined;
  let stored: z.infer<typeof storedSchema> = {};
  if (row) {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(row.value));
      if (parsed.success) stored = parsed.data;
    } catch {
      stored = {};
    }
  }
  const settings = withDefaults(stored);
  cache.set(db, settings);
  return settings;
}

export function saveIntakeSettings(db: Db, settings: IntakeSettings, now: number): IntakeSettings {
  prepared(db, PUT).run({ key: KEY, value: JSON.stringify(settings), now });
  cache.set(db, settings);
  return settings;
}
