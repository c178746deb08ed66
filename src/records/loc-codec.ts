import { RdataError } from './types.js';

/**
 * LOC (RFC 1876) presentation ⇄ wire fields. Text is read digit by digit (no floating point), so
 * `23.5` seconds is exactly 23500 thousandths. Printing follows BIND 9 (verified with
 * named-compilezone 9.18, 2026-11): `52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m`.
 */

/** LOC wire fields. */
export interface LocFields {
  /** Encoded sizes: high nibble mantissa, low nibble power of ten, in centimetres. */
  readonly size: number;
  readonly horizPre: number;
  readonly vertPre: number;
  /** Thousandths of an arc second, offset by 2^31 (north/east positive). */
  readonly latitude: number;
  readonly longitude: number;
  /** Centimetres above a base 100,000 m below the WGS 84 spheroid. */
  readonly altitude: number;
}

const EQUATOR = 2 ** 31;
const ALT_BASE = 10_000_000;

function bad(msg: string): RdataError {
  return new RdataError('loc-invalid', msg);
}

/** `12.5` → 12500 with `scale` = 3 decimals; -1 when not a plain unsigned decimal with at most `scale` decimals. */
export function fixedPoint(text: string, scale: number): number {
  const m = /^([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (!m) return -1;
  const frac = m[2] ?? '';
  if (frac.length > scale) return -1;
  return Number(m[1]) * 10 ** scale + Number(frac.padEnd(scale, '0') || '0');
}

/** Centimetres to the mantissa/exponent byte; truncates like BIND (15m → 1e3 cm = 10m). */
export function encodePrecision(cm: number): number {
  let exp = 0;
  while (exp < 9 && cm >= 10 ** (exp + 1)) exp++;
  const man = Math.floor(cm / 10 ** exp);
  return (man << 4) | exp;
}

/** The mantissa/exponent byte back to centimetres; throws `loc-invalid` for nibbles above 9. */
export function decodePrecision(b: number): number {
  const man = b >> 4;
  const exp = b & 0x0f;
  if (man > 9 || exp > 9) throw bad(`LOC precision byte 0x${b.toString(16)} is not a valid mantissa/exponent`);
  return man * 10 ** exp;
}

function metres(text: string, what: string, max: number): number {
  const t = text.endsWith('m') || text.endsWith('M') ? text.slice(0, -1) : text;
  const cm = fixedPoint(t, 2);
  if (cm < 0 || cm > max) throw bad(`the LOC ${what} "${text}" must be 0-${max / 100}m with at most 2 decimals`);
  return cm;
}

/** Reads one coordinate (`d [m [s]] H`) starting at `i`; returns the wire value and the next index. */
function coordinate(parts: readonly string[], i: number, pos: string, neg: string, maxDeg: number): [number, number] {
  const vals: string[] = [];
  while (i < parts.length && vals.length < 4) {
    const p = (parts[i] as string).toUpperCase();
    i++;
    if (p === pos || p === neg) {
      if (vals.length === 0) break;
      const d = fixedPoint(vals[0] as string, 0);
      const m = vals.length > 1 ? fixedPoint(vals[1] as string, 0) : 0;
      const s = vals.length > 2 ? fixedPoint(vals[2] as string, 3) : 0;
      if (d < 0 || m < 0 || s < 0 || m > 59 || s > 59_999) throw bad(`the LOC coordinate "${vals.join(' ')} ${p}" is malformed`);
      const v = ((d * 60 + m) * 60) * 1000 + s;
      if (v > maxDeg * 3_600_000) throw bad(`the LOC coordinate "${vals.join(' ')} ${p}" is beyond ${maxDeg} degrees`);
      return [p === pos ? EQUATOR + v : EQUATOR - v, i];
    }
    vals.push(p);
  }
  throw bad(`a LOC coordinate must be "degrees [minutes [seconds]] ${pos}|${neg}"`);
}

/** Parses RFC 1876 presentation parts (already split on whitespace). */
export function parseLoc(parts: readonly string[]): LocFields {
  const [latitude, i1] = coordinate(parts, 0, 'N', 'S', 90);
  const [longitude, i2] = coordinate(parts, i1, 'E', 'W', 180);
  const rest = parts.slice(i2);
  if (rest.length < 1 || rest.length > 4) throw bad('LOC needs an altitude and at most size, horizontal and vertical precision after the coordinates');
  const altText = rest[0] as string;
  const neg = altText.startsWith('-');
  const alt = metres(neg ? altText.slice(1) : altText, 'altitude', neg ? ALT_BASE : 4_284_967_295);
  const altitude = neg ? ALT_BASE - alt : ALT_BASE + alt;
  const size = rest[1] === undefined ? 100 : metres(rest[1], 'size', 9_000_000_000);
  const hp = rest[2] === undefined ? 1_000_000 : metres(rest[2], 'horizontal precision', 9_000_000_000);
  const vp = rest[3] === undefined ? 1_000 : metres(rest[3], 'vertical precision', 9_000_000_000);
  return { size: encodePrecision(size), horizPre: encodePrecision(hp), vertPre: encodePrecision(vp), latitude, longitude, altitude };
}

function coordText(v: number, pos: string, neg: string): string {
  const abs = Math.abs(v - EQUATOR);
  const d = Math.floor(abs / 3_600_000);
  const m = Math.floor(abs / 60_000) % 60;
  const s = Math.floor(abs / 1000) % 60;
  const f = abs % 1000;
  return `${d} ${m} ${s}.${String(f).padStart(3, '0')} ${v >= EQUATOR ? pos : neg}`;
}

function cmText(cm: number): string {
  return `${Math.floor(cm / 100)}.${String(cm % 100).padStart(2, '0')}m`;
}

function precisionText(b: number): string {
  const man = b >> 4;
  const exp = b & 0x0f;
  return exp >= 2 ? `${man * 10 ** (exp - 2)}m` : `0.${String(man * 10 ** exp).padStart(2, '0')}m`;
}

/** Throws `loc-invalid` when wire fields are out of RFC 1876's ranges. */
export function validateLoc(f: LocFields): void {
  if (Math.abs(f.latitude - EQUATOR) > 90 * 3_600_000) throw bad('the LOC latitude is beyond 90 degrees');
  if (Math.abs(f.longitude - EQUATOR) > 180 * 3_600_000) throw bad('the LOC longitude is beyond 180 degrees');
  decodePrecision(f.size);
  decodePrecision(f.horizPre);
  decodePrecision(f.vertPre);
}

/** BIND's presentation of LOC fields. */
export function formatLoc(f: LocFields): string {
  const alt = f.altitude >= ALT_BASE ? cmText(f.altitude - ALT_BASE) : `-${cmText(ALT_BASE - f.altitude)}`;
  return `${coordText(f.latitude, 'N', 'S')} ${coordText(f.longitude, 'E', 'W')} ${alt} ${precisionText(f.size)} ${precisionText(f.horizPre)} ${precisionText(f.vertPre)}`;
}
