/** Error codes every reply and HTTP answer uses; each has a translation under `error.<code>`. */
export const ERROR_CODES = [
  'validation',
  'empty_text',
  'text_too_long',
  'name_required',
  'malformed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'not_found',
  'stale',
  'invalid_transition',
  'forbidden',
  'unknown_command',
  'internal',
  /** The desk could not make the request durable just now; retrying is safe (idempotent intake). */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** Human-readable message in the requester's language when the server knows it. */
  message: string;
  /**
   * The translation key of `message`: a screen shows the error in the language it is in now, even
   * if it was switched after the socket told the server its language.
   */
  messageKey?: string;
  /** The form field the error is about, when there is one. */
  field?: string;
  /** Fresh state for `stale` errors, so the client can show what changed. */
  current?: unknown;
}

export interface AppErrorOptions {
  field?: string;
  current?: unknown;
  /** Translation key when the generic `error.<code>` text is not specific enough. */
  messageKey?: string;
  /** Developer-facing detail for logs; never shown instead of the translated message. */
  detail?: string;
  /** Values the translated message names (a CSV file's line number). */
  vars?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.detail ?? code);
    this.name = 'AppError';
  }

  /** The sender should retry the whole request: nothing about it may be acknowledged. */
  get retryable(): boolean {
    return this.code === 'unavailable';
  }

  get messageKey(): string {
    return this.options.messageKey ?? `error.${this.code}`;
  }

  toShape(message: string): AppErrorShape {
    const { field, current } = this.options;
    return {
      code: this.code,
      message,
      messageKey: this.messageKey,
      ...(field === undefined ? {} : { field }),
      ...(current === undefined ? {} : { current }),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
