import { RdataError, type RdataIssue, type RdataToken } from './types.js';

/** Field helpers shared by the record modules: numbers, counts, hex and base64. */

const MAX_U32 = 0xffffffff;

/** Digits to a number without allocation; -1 when the text is not a plain decimal up to 2^32-1. */
export function parseDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 10) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v > MAX_U32 ? -1 : v;
}

/** An unsigned integer field from a token. Ranges are `check`'s business. Throws `invalid-number`. */
export function tokUint(tok: RdataToken | undefined, field: string): number {
  if (tok === undefined) throw missing(field);
  const v = parseDigits(tok.text);
  if (v < 0) throw new RdataError('invalid-number', `the ${field} "${tok.text}" is not a whole number from 0 to 4294967295`);
  return v;
}

/** An unsigned integer field from a DSL argument: a number or a digit string. Throws `invalid-number`. */
export function argUint(value: unknown, field: string): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= MAX_U32) return value;
  } else if (typeof value === 'string') {
    const v = parseDigits(value.trim());
    if (v >= 0) return v;
  } else if (value === undefined) throw missing(field);
  throw new RdataError('invalid-number', `the ${field} ${JSON.stringify(value)} is not a whole number from 0 to 4294967295`);
}

/** A string DSL argument. Throws `missing-field` / `not-a-string`. */
export function argString(value: unknown, field: string): string {
  if (value === undefined) throw missing(field);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new RdataError('not-a-string', `the ${field} must be a string, got ${typeof value}`);
  return value;
}

/** RdataError for an absent field. */
export function missing(field: string): RdataError {
  return new RdataError('missing-field', `the ${field} is missing`);
}

/** Throws `missing-field` / `too-many-fields` unless there are exactly `n` tokens. */
export function expectCount(items: readonly unknown[], n: number, type: string, what = 'fields'): void {
  if (items.length < n) throw new RdataError('missing-field', `${type} needs ${n} ${what}, got ${items.length}`);
  if (items.length > n) throw new RdataError('too-many-fields', `${type} takes ${n} ${what}, got ${items.length}`);
}

/** Throws `missing-field` unless there are at least `n` items. */
export function expectAtLeast(items: readonly unknown[], n: number, type: string, what = 'fields'): void {
  if (items.length < n) throw new RdataError('missing-field', `${type} needs at least ${n} ${what}, got ${items.length}`);
}

/** An error issue when `value` exceeds `max` (`code` like `mx-preference-range`). */
export function rangeIssue(out: RdataIssue[], code: string, what: string, value: number, max: number): void {
  if (value > max) out.push({ code, severity: 'error', message: `${what} must be 0-${max}, got ${value}` });
}

/** Builds an issue. */
export function issue(code: string, severity: 'error' | 'warning', message: string): RdataIssue {
  return { code, severity, message };
}

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/** Hex text (any case, no separators) to bytes. Throws `invalid-hex`. */
export function hexToBytes(text: string, field: string): Uint8Array {
  if (!HEX_RE.test(text)) throw new RdataError('invalid-hex', `the ${field} is not an even number of hex digits`);
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** Canonical hex: lower-case, validated. Throws `invalid-hex`. */
export function canonicalHex(text: string, field: string): string {
  if (!HEX_RE.test(text)) throw new RdataError('invalid-hex', `the ${field} is not an even number of hex digits`);
  return text.toLowerCase();
}

const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Base64 text (padded, no whitespace) to bytes. Throws `invalid-base64`. */
export function base64ToBytes(text: string, field: string): Uint8Array {
  if (!B64_RE.test(text)) throw new RdataError('invalid-base64', `the ${field} is not valid base64`);
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

/** Bytes to standard padded base64. */
export function bytesToBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** Bytes to lower-case hex. */
export function bytesToHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** The texts of tokens joined without separators (base64/hex fields may be split by spaces). */
export function joinTokens(tokens: readonly RdataToken[], from: number): string {
  let s = '';
  for (let i = from; i < tokens.length; i++) s += (tokens[i] as RdataToken).text;
  return s;
}

/** Whitespace removed from a DSL string (keys pasted with line breaks). */
export function stripSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/**
 * A time field as BIND reads it: plain seconds or units (`1h30m`, `2w`). Throws `invalid-number`.
 * Used for SOA timers, which zone files often write with units.
 */
export function parseTtlText(text: string, field: string): number {
  const plain = parseDigits(text);
  if (plain >= 0) return plain;
  const m = /^(?:[0-9]+[smhdwSMHDW])+$/.test(text) ? text.match(/[0-9]+[smhdwSMHDW]/g) : null;
  if (!m) throw new RdataError('invalid-number', `the ${field} "${text}" is not a number of seconds or a duration like 1h30m`);
  let total = 0;
  for (const part of m) total += Number(part.slice(0, -1)) * (UNIT[part.slice(-1).toLowerCase()] as number);
  if (total > MAX_U32) throw new RdataError('invalid-number', `the ${field} "${text}" is above 4294967295 seconds`);
  return total;
}
