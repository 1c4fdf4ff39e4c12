import { z } from 'zod';
import { isSealed, SecretUnreadableError, type SecretBox } from '../secrets/secretBox';
import type { Db } from './db';
import { prepared } from './statements';

/**
 * The intake's settings as the core uses them; secrets are plain here, in memory only, and never
 * leave the core. In the database they are sealed by the desk's secret box (`secrets/secretBox.ts`).
 */
export interface IntakeSettings {
  telegram: { enabled: boolean; token: string | null; apiRoot: string };
  whatsapp: {
    enabled: boolean;
    appSecret: string | null;
    verifyToken: string | null;
    accessToken: string | null;
    graphApiRoot: string;
    /** An approved template's name for messages outside the 24-hour window; null: they are not sent. */
    notificationTemplate?: string | null;
  };
  /** Messages per sender per minute; 0 turns the limit off. Per-IP limits are the core's config. */
  limits: { perSenderPerMinute: number };
  /** What the public form shows citizens; null: the form's own default (a localized name, no link). */
  publicForm: { akimatName: string | null; privacyUrl: string | null };
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  telegram: { enabled: false, token: null, apiRoot: 'https://api.telegram.org' },
  whatsapp: {
    enabled: false,
    appSecret: null,
    verifyToken: null,
    accessToken: null,
    graphApiRoot: 'https://graph.facebook.com/v21.0',
    notificationTemplate: null,
  },
  limits: { perSenderPerMinute: 6 },
  publicForm: { akimatName: null, privacyUrl: null },
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
      notificationTemplate: z.string().nullable(),
    })
    .partial()
    .optional(),
  limits: z
    .object({ perSenderPerMinute: z.number().int().min(0) })
    .partial()
    .optional(),
  publicForm: z
    .object({ akimatName: z.string().nullable(), privacyUrl: z.string().nullable() })
    .partial()
    .optional(),
});

const GET = `SELECT value FROM setting WHERE key = @key`;
const PUT = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

/** Every secret of the intake settings, by the name its sealed value is bound to. */
const SECRET_FIELDS = [
  ['telegram', 'token'],
  ['whatsapp', 'appSecret'],
  ['whatsapp', 'verifyToken'],
  ['whatsapp', 'accessToken'],
] as const;
type SecretName = `${(typeof SECRET_FIELDS)[number][0]}.${(typeof SECRET_FIELDS)[number][1]}`;

/** Read on every intake request, so kept in memory and replaced on write. */
const cache = new WeakMap<Db, IntakeSettings>();
const boxes = new WeakMap<Db, SecretBox>();
/** Secrets stored sealed that this desk's key does not open, with why: they read as not set. */
const unreadable = new WeakMap<Db, Map<SecretName, string>>();

/** The box that seals this database's secrets; the core attaches it right after opening. */
export function attachSecretBox(db: Db, box: SecretBox): void {
  boxes.set(db, box);
  cache.delete(db);
}

/** A settings section seen as its string fields, to read or replace one secret by name. */
function secretsOf(settings: IntakeSettings, group: (typeof SECRET_FIELDS)[number][0]): Record<string, string | null> {
  return settings[group] as unknown as Record<string, string | null>;
}

function boxOf(db: Db): SecretBox {
  const box = boxes.get(db);
  if (!box) throw new Error('no secret box is attached to this database: secrets are never stored in plain text');
  return box;
}

function withDefaults(stored: z.infer<typeof storedSchema>): IntakeSettings {
  const d = DEFAULT_INTAKE_SETTINGS;
  return {
    telegram: { ...d.telegram, ...stored.telegram },
    whatsapp: { ...d.whatsapp, ...stored.whatsapp },
    limits: { ...d.limits, ...stored.limits },
    publicForm: { ...d.publicForm, ...stored.publicForm },
  };
}

function readStored(db: Db): IntakeSettings {
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
  return withDefaults(stored);
}

/** Validated on read: a damaged or older row falls back to the defaults field by field. */
export function getIntakeSettings(db: Db): IntakeSettings {
  const cached = cache.get(db);
  if (cached) return cached;
  const settings = readStored(db);
  const failed = new Map<SecretName, string>();
  for (const [group, field] of SECRET_FIELDS) {
    const section = secretsOf(settings, group);
    const stored = section[field];
    // Plain text from before secrets were sealed is used as it is until `sealPlainSecrets` runs.
    if (!stored || !isSealed(stored)) continue;
    const name: SecretName = `${group}.${field}`;
    try {
      section[field] = boxOf(db).open(stored, name);
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      section[field] = null;
      failed.set(name, error.message);
    }
  }
  unreadable.set(db, failed);
  cache.set(db, settings);
  return settings;
}

export function saveIntakeSettings(db: Db, settings: IntakeSettings, now: number): IntakeSettings {
  const sealed = structuredClone(settings);
  for (const [group, field] of SECRET_FIELDS) {
    const section = secretsOf(sealed, group);
    const plain = section[field];
    if (plain) section[field] = boxOf(db).seal(plain, `${group}.${field}`);
  }
  writeOverwritingOld(db, JSON.stringify(sealed), now);
  unreadable.set(db, new Map());
  cache.set(db, settings);
  return settings;
}

/** SQLite leaves a replaced row's bytes in the page's free space; secure_delete zeroes them, so the old value (plain, or a cleared token) is gone. */
function writeOverwritingOld(db: Db, value: string, now: number): void {
  db.pragma('secure_delete = ON');
  try {
    prepared(db, PUT).run({ key: KEY, value, now });
  } finally {
    db.pragma('secure_delete = OFF');
  }
}

/**
 * Seals secrets stored in plain text by versions before sealing (or brought back by restoring an
 * old backup); run at every start. Returns the names it sealed and those this desk's key cannot
 * open (they read as not set until entered again).
 */
export function sealPlainSecrets(db: Db, now: number): { sealed: SecretName[]; unreadable: Array<{ name: SecretName; reason: string }> } {
  const stored = readStored(db);
  const plain = SECRET_FIELDS.filter(([group, field]) => {
    const value = secretsOf(stored, group)[field];
    return !!value && !isSealed(value);
  }).map(([group, field]): SecretName => `${group}.${field}`);
  cache.delete(db);
  const settings = getIntakeSettings(db);
  const failed = [...(unreadable.get(db) ?? new Map<SecretName, string>())].map(([name, reason]) => ({ name, reason }));
  if (plain.length > 0) saveIntakeSettings(db, settings, now);
  return { sealed: plain, unreadable: failed };
}
