/** Domain vocabulary shared by the core and every screen. Never import node:* or electron here. */

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ru';

export const CHANNELS = ['web', 'telegram', 'whatsapp', 'webhook', 'csv', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Almaty's eight districts; names live in the i18n resources under `district.<id>`. */
export const DISTRICTS = [
  'alatau',
  'almaly',
  'auezov',
  'bostandyk',
  'zhetysu',
  'medeu',
  'nauryzbay',
  'turksib',
] as const;
export type District = (typeof DISTRICTS)[number];

/**
 * Status flow: new → approved | rejected | merged; approved → queued → on_air →
 * answered | handed_off | deferred | dropped.
 */
export const QUESTION_STATUSES = [
  'new',
  'approved',
  'rejected',
  'merged',
  'queued',
  'on_air',
  'answered',
  'handed_off',
  'deferred',
  'dropped',
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
