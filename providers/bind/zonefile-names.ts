/**
 * Domain names in master-file presentation form: parsing (relative, absolute, `@`, `\X` and `\DDD`
 * escapes) into the canonical form of DnsRecord (lower-case, absolute, no trailing dot, escapes
 * normalised the way BIND prints them), with the length limits BIND enforces.
 */

/** Why a name was refused; `code` is the diagnostic code. */
export class NameError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'NameError';
    this.code = code;
  }
}

const BACKSLASH = 0x5c;
const DOT = 0x2e;

/**
 * True for bytes that may stand in a canonical label without an escape. BIND escapes `"();\@$`
 * and the label separator, and writes non-printable bytes as `\DDD`; so do we, so that the name
 * string is its identity.
 */
function isPlainNameByte(b: number): boolean {
  if (b <= 0x20 || b >= 0x7f) return false;
  return b !== 0x22 && b !== 0x28 && b !== 0x29 && b !== 0x3b && b !== BACKSLASH && b !== 0x40 && b !== 0x24 && b !== DOT;
}

function escapeLabelByte(b: number): string {
  if (b >= 0x41 && b <= 0x5a) b += 0x20;
  if (isPlainNameByte(b)) return String.fromCharCode(b);
  if (b > 0x20 && b < 0x7f) return `\\${String.fromCharCode(b)}`;
  return `\\${String(b).padStart(3, '0')}`;
}

/**
 * Splits presentation text into labels of raw bytes, decoding escapes. An absolute name ends with
 * an empty label. Throws NameError on a bad escape or an empty label.
 */
export function decodeNameLabels(text: string): { labels: number[][]; absolute: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  const labels: number[][] = [];
  let cur: number[] = [];
  let i = 0;
  if (bytes.length === 1 && bytes[0] === DOT) return { labels: [], absolute: true };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === BACKSLASH) {
      const n1 = bytes[i + 1];
      if (n1 === undefined) throw new NameError('zonefile-bad-escape', `name '${text}' ends with a backslash`);
      if (n1 >= 0x30 && n1 <= 0x39) {
        const n2 = bytes[i + 2];
        const n3 = bytes[i + 3];
        if (n2 === undefined || n3 === undefined || n2 < 0x30 || n2 > 0x39 || n3 < 0x30 || n3 > 0x39) {
          throw new NameError('zonefile-bad-escape', `name '${text}' has a \\DDD escape without three digits`);
        }
        const v = (n1 - 0x30) * 100 + (n2 - 0x30) * 10 + (n3 - 0x30);
        if (v > 255) throw new NameError('zonefile-bad-escape', `name '${text}' has an escape above \\255`);
        cur.push(v);
        i += 4;
      } else {
        cur.push(n1);
        i += 2;
      }
      continue;
    }
    if (b === DOT) {
      if (cur.length === 0) throw new NameError('zonefile-empty-label', `name '${text}' has an empty label`);
      labels.push(cur);
      cur = [];
      i++;
      if (i === bytes.length) return { labels, absolute: true };
      continue;
    }
    cur.push(b);
    i++;
  }
  if (cur.length === 0) throw new NameError('zonefile-empty-label', `name '${text}' has an empty label`);
  labels.push(cur);
  return { labels, absolute: false };
}

/** Canonical text of decoded labels (no trailing dot; '' for the root). */
export function encodeNameLabels(labels: readonly (readonly number[])[]): string {
  let out = '';
  for (let i = 0; i < labels.length; i++) {
    if (i > 0) out += '.';
    for (const b of labels[i]!) out += escapeLabelByte(b);
  }
  return out;
}

/** Wire length of a canonical name (labels plus length bytes plus the root byte). */
function checkLengths(labels: readonly (readonly number[])[], text: string): void {
  let wire = 1;
  for (const l of labels) {
    if (l.length > 63) throw new NameError('zonefile-label-too-long', `name '${text}' has a label longer than 63 bytes`);
    wire += l.length + 1;
  }
  if (wire > 255) throw new NameError('zonefile-name-too-long', `name '${text}' is longer than 255 bytes`);
}

/**
 * Makes a presentation-format name canonical and absolute: `www` under `example.com` is
 * `www.example.com`, `@` is the origin, `www.example.com.` stays itself. `origin` is canonical
 * (no trailing dot, '' for the root) or null when no origin is known, which refuses relative names.
 * Returns the name without its trailing dot ('' for the root).
 */
export function canonicalName(text: string, origin: string | null): string {
  if (text === '@') {
    if (origin === null) throw new NameError('zonefile-no-origin', `'@' used but no origin is known`);
    return origin;
  }
  const fast = fastCanonical(text, origin);
  if (fast !== undefined) return fast;
  const { labels, absolute } = decodeNameLabels(text);
  if (!absolute && origin === null) {
    throw new NameError('zonefile-no-origin', `relative name '${text}' but no origin is known ($ORIGIN)`);
  }
  const own = encodeNameLabels(labels);
  const full = absolute ? own : origin === '' ? own : `${own}.${origin}`;
  // Re-check the whole name, origin included, for the 255-byte limit.
  const all = absolute || origin === '' || origin === null ? labels : [...labels, ...decodeNameLabels(`${origin}.`).labels];
  checkLengths(all, text);
  return full;
}

/**
 * The common case without allocation-heavy decoding: letters, digits, `-`, `_`, `*` and dots.
 * Returns undefined when the slow path must decide.
 */
function fastCanonical(text: string, origin: string | null): string | undefined {
  const n = text.length;
  let labelLen = 0;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (labelLen === 0) return undefined;
      labelLen = 0;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2a)) return undefined;
    if (++labelLen > 63) return undefined;
  }
  const absolute = n > 0 && text.charCodeAt(n - 1) === DOT;
  if (n === 0 || (!absolute && origin === null)) return undefined;
  const lower = upper ? text.toLowerCase() : text;
  const full = absolute ? lower.slice(0, -1) : origin === '' ? lower : `${lower}.${origin}`;
  // Dotted text length + 2 bounds the wire length for escape-free names.
  if (full.length + 2 > 255) return undefined;
  return full;
}

/** A canonical name as an absolute presentation name (`www.example.com.`, `.` for the root). */
export function absoluteName(name: string): string {
  return name === '' ? '.' : `${name}.`;
}

/** True when `name` is `zone` or below it (both canonical). */
export function isInZone(name: string, zone: string): boolean {
  if (zone === '') return true;
  if (name.length === zone.length) return name === zone;
  return name.length > zone.length && name.endsWith(zone) && name.charCodeAt(name.length - zone.length - 1) === DOT;
}

/**
 * The owner relative to the zone, as written in a zone file under `$ORIGIN zone.`: `@` for the
 * apex, `www` for `www.zone`, the absolute form for anything outside.
 */
export function relativeOwner(name: string, zone: string): string {
  if (name === zone) return '@';
  if (zone === '') return name;
  if (isInZone(name, zone)) return name.slice(0, name.length - zone.length - 1);
  return absoluteName(name);
}
