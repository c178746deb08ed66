import { domainToASCII } from 'node:url';
import { RdataError } from './types.js';

/**
 * Domain names in presentation format: the canonical form is absolute, lower-case, punycode, with a
 * trailing dot, `\.`/`\"`/... for special characters inside labels and `\DDD` for bytes outside
 * printable ASCII (the way BIND prints them). `.` is the root.
 */

const MAX_LABEL = 63;
const MAX_NAME = 255;

let lastOriginIn = '';
let lastOriginOut = '.';

/** `example.com`, `example.com.`, `.` or `` to the absolute lower-case form (`example.com.`, `.`). */
export function originFqdn(origin: string): string {
  if (origin === lastOriginIn) return lastOriginOut;
  let out: string;
  if (origin === '' || origin === '.') out = '.';
  else out = canonicalName(origin.endsWith('.') ? origin : `${origin}.`, '.');
  lastOriginIn = origin;
  lastOriginOut = out;
  return out;
}

/** True for characters that may stand literally in a canonical name (printable, not special, not upper-case). */
function plainChar(c: number): boolean {
  // Specials BIND escapes inside labels: " $ ( ) . ; @ \ (the dot is handled by the caller).
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x24 && c !== 0x2e && c !== 0x28 && c !== 0x29 && c !== 0x3b && c !== 0x40 && c !== 0x5c;
}

/**
 * Makes a name canonical: `@` is the origin, a name without a trailing dot is relative to `origin`,
 * letters are lower-cased, Unicode labels become punycode and escapes are normalised.
 * Throws RdataError `empty-label`, `label-too-long`, `name-too-long`, `invalid-escape`, `invalid-idn`.
 */
export function canonicalName(text: string, origin: string): string {
  if (text === '@') return originFqdn(origin);
  const n = text.length;
  if (n === 0) throw new RdataError('empty-name', 'a domain name is empty');
  if (text === '.') return '.';
  // Fast path: plain ASCII without escapes, the overwhelming majority of names.
  let upper = false;
  let labelStart = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (i === labelStart) throw new RdataError('empty-label', `the name "${text}" has an empty label`);
      if (i - labelStart > MAX_LABEL) throw labelTooLong(text);
      labelStart = i + 1;
    } else if (c >= 0x41 && c <= 0x5a) {
      upper = true;
    } else if (!plainChar(c)) {
      break;
    }
  }
  if (i < n) return slowCanonicalName(text, origin);
  const absolute = labelStart === n;
  if (!absolute && n - labelStart > MAX_LABEL) throw labelTooLong(text);
  const base = upper ? text.toLowerCase() : text;
  let out: string;
  if (absolute) out = base;
  else {
    const o = originFqdn(origin);
    out = o === '.' ? `${base}.` : `${base}.${o}`;
  }
  // Without escapes the wire length is the text length plus the root label's byte.
  if (out.length + 1 > MAX_NAME) throw nameTooLong(out);
  return out;
}

function labelTooLong(text: string): RdataError {
  return new RdataError('label-too-long', `a label of "${text}" is longer than 63 octets`);
}

function nameTooLong(text: string): RdataError {
  return new RdataError('name-too-long', `the name "${text.slice(0, 60)}..." is longer than 255 octets`);
}

/** Splits presentation text into labels of raw bytes; `absolute` tells whether it ended with a dot. */
export function parseLabels(text: string): { labels: Uint8Array[]; absolute: boolean } {
  const labels: Uint8Array[] = [];
  if (text === '.') return { labels, absolute: true };
  let cur: number[] = [];
  let literal = '';
  let escaped = false;
  let absolute = false;
  const flush = (): void => {
    if (cur.length === 0) throw new RdataError('empty-label', `the name "${text}" has an empty label`);
    let bytes: number[] = cur;
    if (!escaped && /[^\x00-\x7f]/.test(literal)) bytes = idnLabel(literal);
    if (bytes.length > MAX_LABEL) throw labelTooLong(text);
    labels.push(Uint8Array.from(bytes));
    cur = [];
    literal = '';
    escaped = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      escaped = true;
      const d = text.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(d)) {
        const v = Number(d);
        if (v > 255) throw new RdataError('invalid-escape', `the escape \\${d} in "${text}" is above 255`);
        cur.push(v);
        i += 3;
      } else {
        const next = text.codePointAt(i + 1);
        if (next === undefined || /^[0-9]/.test(text.slice(i + 1, i + 2))) {
          throw new RdataError('invalid-escape', `bad escape in the name "${text}"`);
        }
        const chr = String.fromCodePoint(next);
        for (const b of Buffer.from(chr, 'utf8')) cur.push(b);
        i += chr.length;
      }
    } else if (ch === '.') {
      flush();
      if (i === text.length - 1) absolute = true;
    } else {
      literal += ch;
      const code = ch.charCodeAt(0);
      if (code < 0x80) cur.push(code);
      else for (const b of Buffer.from(ch, 'utf8')) cur.push(b);
    }
  }
  if (!absolute) flush();
  return { labels, absolute };
}

function idnLabel(label: string): number[] {
  const ascii = domainToASCII(label);
  if (ascii === '' || ascii.includes('.')) throw new RdataError('invalid-idn', `"${label}" is not a valid internationalised label`);
  return Array.from(Buffer.from(ascii, 'latin1'));
}

/** Presentation text of one label's bytes, escaped the way BIND prints them. */
export function formatLabel(bytes: Uint8Array, lower: boolean): string {
  let s = '';
  for (const b0 of bytes) {
    let b = b0;
    if (lower && b >= 0x41 && b <= 0x5a) b += 0x20;
    if (plainChar(b)) s += String.fromCharCode(b);
    else if (b === 0x2e || (b > 0x20 && b < 0x7f)) s += `\\${String.fromCharCode(b)}`;
    else s += `\\${String(b).padStart(3, '0')}`;
  }
  return s;
}

function slowCanonicalName(text: string, origin: string): string {
  const { labels, absolute } = parseLabels(text);
  let out = labels.map((l) => formatLabel(l, true)).join('.');
  let wire = labels.reduce((sum, l) => sum + l.length + 1, 1);
  if (!absolute) {
    const o = originFqdn(origin);
    if (o !== '.') {
      out = `${out}.${o}`;
      wire += nameWireLength(o) - 1;
    } else out += '.';
  } else out += '.';
  if (wire > MAX_NAME) throw nameTooLong(out);
  return out;
}

/** Octets of a canonical absolute name in uncompressed wire form (root label included). */
export function nameWireLength(fqdn: string): number {
  if (fqdn === '.') return 1;
  if (!fqdn.includes('\\')) return fqdn.length + (fqdn.endsWith('.') ? 1 : 2);
  return parseLabels(fqdn).labels.reduce((sum, l) => sum + l.length + 1, 1);
}

/** Uncompressed wire form of an absolute name (a missing trailing dot is assumed). */
export function nameToWire(fqdn: string): Uint8Array {
  if (fqdn === '.' || fqdn === '') return new Uint8Array(1);
  if (!fqdn.includes('\\') && !/[^\x00-\x7f]/.test(fqdn)) {
    const text = fqdn.endsWith('.') ? fqdn : `${fqdn}.`;
    const out = new Uint8Array(text.length + 1);
    let lenPos = 0;
    let p = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2e) {
        const len = p - lenPos - 1;
        if (len === 0) throw new RdataError('empty-label', `the name "${fqdn}" has an empty label`);
        if (len > MAX_LABEL) throw labelTooLong(fqdn);
        out[lenPos] = len;
        lenPos = p;
        p++;
      } else out[p++] = c;
    }
    out[lenPos] = 0;
    if (out.length > MAX_NAME) throw nameTooLong(fqdn);
    return out;
  }
  const { labels } = parseLabels(fqdn);
  const size = labels.reduce((sum, l) => sum + l.length + 1, 1);
  if (size > MAX_NAME) throw nameTooLong(fqdn);
  const out = new Uint8Array(size);
  let p = 0;
  for (const l of labels) {
    out[p++] = l.length;
    out.set(l, p);
    p += l.length;
  }
  return out;
}

/**
 * A DSL target under DNSControl's rule: `@` is the apex, a name with a dot must end with one
 * (else RdataError `target-needs-trailing-dot`), a name without dots is relative to the zone.
 */
export function targetFromArg(value: unknown, zone: string, field = 'target'): string {
  if (typeof value !== 'string') throw new RdataError('target-not-string', `the ${field} must be a string, got ${typeof value}`);
  if (value === '') throw new RdataError('empty-name', `the ${field} is empty`);
  if (value === '@' || value === '.') return canonicalName(value, zone);
  if (value.includes('.') && !value.endsWith('.')) {
    throw new RdataError('target-needs-trailing-dot', `the ${field} "${value}" contains a dot, so it must end with one ("${value}.")`);
  }
  return canonicalName(value, zone);
}

/** Owner name as DnsRecord keeps it: canonical, without the trailing dot (`.` stays `.`). */
export function ownerName(label: string, zone: string): string {
  const fqdn = canonicalName(label, zone);
  return fqdn === '.' ? '.' : fqdn.slice(0, -1);
}
