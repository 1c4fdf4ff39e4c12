import { redact } from '../redact';

/** A Bot API answer with `ok: false`, or an HTTP failure without a readable answer. */
export class TelegramApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    /** Seconds to wait, from `parameters.retry_after` on 429. */
    readonly retryAfter: number | null,
    /** For a request that got no answer (status 0): the network error's code, e.g. ECONNREFUSED. */
    readonly networkCode: string | null = null,
  ) {
    super(`Telegram ${status}: ${description}`);
    this.name = 'TelegramApiError';
  }
}

export interface TelegramApiOptions {
  apiRoot: string;
  token: string;
  signal?: AbortSignal;
  /** Extra time over the long-poll timeout before the request is abandoned. */
  timeoutMs?: number;
}

/**
 * One Bot API call: POST JSON to `<apiRoot>/bot<token>/<method>`. Errors never carry the token
 * (it is part of the URL, which network errors may quote).
 */
export async function callTelegram<T>(method: string, params: Record<string, unknown>, options: TelegramApiOptions): Promise<T> {
  const url = `${options.apiRoot.replace(/\/+$/, '')}/bot${options.token}/${method}`;
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 60_000)];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new TelegramApiError(0, redact(`network: ${reason}`, [options.token]), null, cause?.code ?? null);
  }
  const body = (await response.json().catch(() => null)) as {
    ok?: boolean;
    result?: T;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  } | null;
  if (body?.ok === true) return body.result as T;
  throw new TelegramApiError(
    body?.error_code ?? response.status,
    redact(body?.description ?? `HTTP ${response.status}`, [options.token]),
    body?.parameters?.retry_after ?? null,
  );
}
