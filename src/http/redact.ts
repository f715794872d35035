// Secrets must never reach a log line, an error message or the ledger: every text that leaves
// the HTTP layer or the logger passes through here with the secrets the configuration declared.

const MIN_SECRET_LENGTH = 4; // shorter values would mask ordinary words

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('***');
    const base64 = Buffer.from(secret).toString('base64');
    out = out.split(base64).join('***');
  }
  return out;
}
