import { domainToASCII } from 'node:url';
import { isIP } from 'node:net';
import { unicodeLabel } from './punycode.js';

// Plain ASCII in its final form: the fast path for almost every name.
const ASCII_ONLY = /^[\x20-\x7e]*$/;
// Letters, digits, hyphen, underscore (service labels) and `/` (RFC 2317 classless reverse zones).
const NAME_SYNTAX = /^[a-z0-9_\-/]+(?:\.[a-z0-9_\-/]+)*$/;

/** The outcome of turning a user-written name into its ASCII (punycode) lower-case form. */
export type AsciiResult = { readonly ok: true; readonly ascii: string } | { readonly ok: false; readonly reason: string };

/**
 * Lower-cases a relative or absolute name (no trailing dot expected) and converts Unicode labels to
 * punycode (IDNA, via WHATWG's domainToASCII). One label at a time: the WHATWG host parser would
 * read `0/26` as an IPv4 address and rejects `*` in some positions.
 */
export function toAsciiName(name: string): AsciiResult {
  const lower = name.toLowerCase();
  if (ASCII_ONLY.test(lower)) {
    if (lower.includes('xn--')) return checkPunycode(lower);
    return { ok: true, ascii: lower };
  }
  const out: string[] = [];
  for (const label of lower.split('.')) {
    if (ASCII_ONLY.test(label)) {
      out.push(label);
      continue;
    }
    const converted = domainToASCII(label);
    if (converted === '' || converted.includes('.')) {
      return { ok: false, reason: `label "${label}" is not a valid internationalised name` };
    }
    out.push(converted);
  }
  return { ok: true, ascii: out.join('.') };
}

function checkPunycode(lower: string): AsciiResult {
  for (const label of lower.split('.')) {
    if (label.startsWith('xn--') && unicodeLabel(label) === undefined) {
      return { ok: false, reason: `label "${label}" is not valid punycode` };
    }
  }
  return { ok: true, ascii: lower };
}

/** The Unicode form of an ASCII name, for display; the ASCII name itself when it has none. */
export function toUnicodeName(ascii: string): string {
  if (!ascii.includes('xn--')) return ascii;
  return ascii
    .split('.')
    .map((l) => unicodeLabel(l) ?? l)
    .join('.');
}

/**
 * Checks the syntax of a lower-case ASCII name without trailing dot (a zone or an owner name):
 * allowed characters, a leading `*` label only, labels of 1-63 octets, at most 253 in all.
 * Returns the reason it is invalid, or undefined.
 */
export function nameSyntaxProblem(name: string): string | undefined {
  if (name.length > 253) return `is ${name.length} characters long; names are at most 253`;
  let rest = name;
  if (rest === '*') return undefined;
  if (rest.startsWith('*.')) rest = rest.slice(2);
  if (!NAME_SYNTAX.test(rest)) {
    if (rest.includes('..') || rest.startsWith('.') || rest.endsWith('.')) return 'has an empty label';
    if (rest.includes('*')) return 'has `*` other than as the whole leftmost label';
    return 'contains characters other than letters, digits, `-`, `_` and `/`';
  }
  if (rest.length > 63) {
    for (const label of rest.split('.')) {
      if (label.length > 63) return `has a label of ${label.length} characters; labels are at most 63`;
    }
  }
  return undefined;
}

/** True when the text is an IPv4 or IPv6 address (with or without a trailing dot). */
export function isIpAddress(text: string): boolean {
  // Cheap screen first: node's IPv6 test is a large regex, and almost every name fails this.
  if (!text.includes(':') && !DIGITS_AND_DOTS.test(text)) return false;
  const t = text.endsWith('.') ? text.slice(0, -1) : text;
  return isIP(t) !== 0;
}

const DIGITS_AND_DOTS = /^[0-9.]+$/;
