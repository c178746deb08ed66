import { domainToASCII } from 'node:url';

// RFC 3492 parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

/**
 * Decodes the punycode part of an `xn--` label (RFC 3492), or undefined when it is not valid
 * punycode. Written out here because Node's URL functions disagree across versions: Node 20's
 * domainToUnicode returns '' for a bad label, Node 24's returns the label unchanged.
 */
export function decodePunycode(encoded: string): string | undefined {
  const out: number[] = [];
  const delimiter = encoded.lastIndexOf('-');
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const c = encoded.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let idx = delimiter > 0 ? delimiter + 1 : 0; idx < encoded.length; ) {
    const old = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (idx >= encoded.length) return undefined;
      const digit = digitOf(encoded.charCodeAt(idx++));
      if (digit >= BASE) return undefined;
      i += digit * w;
      if (i > 0x7fffffff) return undefined;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const len = out.length + 1;
    bias = adapt(i - old, len, old === 0);
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/**
 * The Unicode form of an `xn--` label when it is valid IDNA (decodes, and encodes back to the same
 * label under UTS #46), else undefined. Same answer on every Node version.
 */
export function unicodeLabel(label: string): string | undefined {
  const lower = label.toLowerCase();
  if (!lower.startsWith('xn--')) return undefined;
  const decoded = decodePunycode(lower.slice(4));
  if (decoded === undefined || decoded === '') return undefined;
  return domainToASCII(decoded) === lower ? decoded : undefined;
}
