import { ZonesmithError } from '../errors.js';

/** One creds.json entry: a flat map of strings, `TYPE` among them. */
export type CredsEntry = Readonly<Record<string, string>>;

/** A whole creds file: provider name → entry. */
export type CredsFile = Readonly<Record<string, CredsEntry>>;

/**
 * Parses creds.json text the way DNSControl does: JSON with `//` and `/* *\/` comments and trailing
 * commas tolerated; every entry a flat object of strings. `source` names the file in errors.
 */
export function parseCredsText(text: string, source: string): Record<string, Record<string, string>> {
  let value: unknown;
  try {
    value = JSON.parse(stripJsonExtras(text));
  } catch (err) {
    throw new ZonesmithError('creds-invalid-json', `${source}: not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ZonesmithError('creds-invalid', `${source}: expected an object of provider entries`);
  }
  const out: Record<string, Record<string, string>> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (name === 'notifications') continue; // DNSControl's notification settings; not a provider
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new ZonesmithError('creds-invalid', `${source}: entry "${name}" must be an object of strings`);
    }
    const flat: Record<string, string> = {};
    for (const [key, v] of Object.entries(entry)) {
      if (typeof v === 'string') flat[key] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') flat[key] = String(v);
      // Nested values are not part of DNSControl's format; name the key, never the value.
      else throw new ZonesmithError('creds-invalid', `${source}: "${name}.${key}" must be a string`);
    }
    out[name] = flat;
  }
  return out;
}

/** Removes comments and trailing commas outside of strings, leaving valid JSON. */
export function stripJsonExtras(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === ',') {
      const next = text[skipTrivia(text, i + 1)];
      if (next !== '}' && next !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the next character that is neither whitespace nor inside a comment. */
function skipTrivia(text: string, from: number): number {
  let j = from;
  for (;;) {
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text.startsWith('//', j)) {
      while (j < text.length && text[j] !== '\n') j++;
    } else if (text.startsWith('/*', j)) {
      const end = text.indexOf('*/', j + 2);
      j = end < 0 ? text.length : end + 2;
    } else {
      return j;
    }
  }
}
