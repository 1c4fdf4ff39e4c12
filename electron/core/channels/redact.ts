/** Removes every secret from a message before it is logged or shown as a channel error. */
export function redact(message: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = message;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}
