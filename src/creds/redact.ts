/**
 * Credential values must never reach output. Every string the CLI prints passes through the
 * process-wide redactor, which replaces each registered secret with `***`; this is a second line of
 * defence behind providers that already avoid echoing settings.
 */
const secrets = new Set<string>();

// Short values ("true", "443") are not secrets and replacing them would garble unrelated text.
const MIN_SECRET_LENGTH = 6;

/** Keys whose values are treated as secrets when a provider does not say otherwise. */
export const SECRET_KEY_PATTERN = /key|secret|token|password|passwd|credential|auth|private/i;

/** Registers a value to be scrubbed from all output. */
export function registerSecret(value: string): void {
  if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/** Replaces every registered secret in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join('***');
  }
  return out;
}

/** Forgets all registered secrets (tests run several configs in one process). */
export function clearSecrets(): void {
  secrets.clear();
}
