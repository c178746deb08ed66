import { canonicalName as recordsCanonicalName } from '../../src/records/names.js';
import { RdataError } from '../../src/records/types.js';
import { latin1 } from './zonefile-lexer.js';

/**
 * Owner names in zone files. Canonical form is DnsRecord's: absolute, lower-case, no trailing
 * dot. The common case (letters, digits, `-`, `_`, `*`) is handled here without allocation; the
 * rest (escapes, Unicode, length limits) by src/records/names.ts, so owners and the names inside
 * rdata follow one set of rules.
 */

/** Thrown when a relative name (or `@`) appears before any origin is known. */
export class NoOriginError extends Error {
  readonly code = 'zonefile-no-origin';
}

const DOT = 0x2e;

/** The code and message of a bad-name exception (RdataError or NoOriginError); undefined for others. */
export function nameProblem(e: unknown): { code: string; message: string } | undefined {
  if (e instanceof RdataError || e instanceof NoOriginError) return { code: e.code, message: e.message };
  return undefined;
}

/**
 * Makes a presentation-format owner canonical and absolute: `www` under `example.com` is
 * `www.example.com`, `@` is the origin, `www.example.com.` stays itself. `origin` is canonical
 * (no trailing dot, '' for the root) or null when no origin is known, which refuses relative names
 * with NoOriginError. Other problems throw the records' RdataError (`empty-label`, ...).
 */
export function canonicalName(text: string, origin: string | null): string {
  const fast = fastCanonical(text, origin);
  if (fast !== undefined) return fast;
  if (origin === null && (text === '@' || !endsWithDot(text))) {
    throw new NoOriginError(`relative name '${text}' but no origin is known (add $ORIGIN)`);
  }
  const fqdn = recordsCanonicalName(text, origin === null ? '.' : absoluteName(origin));
  return fqdn === '.' ? '' : fqdn.slice(0, -1);
}

/** True when the text ends with a dot that is not escaped. */
function endsWithDot(text: string): boolean {
  let n = text.length;
  if (n === 0 || text.charCodeAt(n - 1) !== DOT) return false;
  let backslashes = 0;
  while (--n > 0 && text.charCodeAt(n - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * Letters, digits, `-`, `_`, `*` and dots only; undefined when the slow path must decide.
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
  // Without escapes the wire length is the text length plus two (first length byte, root).
  if (full.length + 2 > 255) return undefined;
  return full;
}

/** Room for an owner name built from bytes (a name is at most 255 octets). */
const scratch = Buffer.allocUnsafe(256);

/**
 * The fast path of {@link canonicalName} straight from the file's bytes: letters, digits, `-`,
 * `_`, `*` and dots, lower-cased while copied, with `suffix` (`.origin` as bytes, empty for the
 * root, null when no origin is known) appended, made into one flat string with no intermediate
 * ones. Undefined when the slow path must decide (escapes, other characters, `@`, limits).
 */
export function ownerFromBytes(buf: Uint8Array, start: number, end: number, suffix: Uint8Array | null): string | undefined {
  const n = end - start;
  if (n === 0 || n > 254) return undefined;
  let o = 0;
  let labelLen = 0;
  for (let p = start; p < end; p++) {
    let c = buf[p]!;
    if (c === DOT) {
      if (labelLen === 0) return undefined;
      labelLen = 0;
      scratch[o++] = c;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2a)) return undefined;
    if (++labelLen > 63) return undefined;
    scratch[o++] = c;
  }
  if (labelLen === 0) {
    o--; // absolute: drop the final dot
  } else {
    if (suffix === null || o + suffix.length > 253) return undefined;
    for (let k = 0; k < suffix.length; k++) scratch[o++] = suffix[k]!;
  }
  // Without escapes the wire length is the text length plus two (first length octet, root).
  if (o + 2 > 255) return undefined;
  return latin1(scratch, 0, o);
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
