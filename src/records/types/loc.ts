import { defineType } from '../define.js';
import { expectCount } from '../fields.js';
import { formatLoc, parseLoc, validateLoc, type LocFields } from '../loc-codec.js';
import { NO_ISSUES, RdataError } from '../types.js';

/** LOC data: the RFC 1876 wire fields (version 0). */
export type LocData = LocFields;

function numText(v: unknown, decimals: number, field: string): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RdataError('loc-invalid', `the LOC ${field} must be a number, got ${JSON.stringify(v)}`);
  // Round to the precision the wire keeps, then drop the sign of -0.
  const fixed = v.toFixed(decimals);
  return /^-0(?:\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/**
 * LOC: geographical location (RFC 1876). DSL arguments are DNSControl's twelve:
 * d1, m1, s1, "N"|"S", d2, m2, s2, "E"|"W", altitude, size, horizontal and vertical precision (metres).
 */
export const LOC = defineType<LocData>({
  type: 'LOC',
  code: 29,
  fromArgs(args) {
    expectCount(args, 12, 'LOC', 'arguments');
    const [d1, m1, s1, ns, d2, m2, s2, ew, alt, size, hp, vp] = args;
    const parts = [
      numText(d1, 0, 'latitude degrees'), numText(m1, 0, 'latitude minutes'), numText(s1, 3, 'latitude seconds'), String(ns),
      numText(d2, 0, 'longitude degrees'), numText(m2, 0, 'longitude minutes'), numText(s2, 3, 'longitude seconds'), String(ew),
      numText(alt, 2, 'altitude'), numText(size, 2, 'size'), numText(hp, 2, 'horizontal precision'), numText(vp, 2, 'vertical precision'),
    ];
    return parseLoc(parts);
  },
  fromTokens: (tokens) => parseLoc(tokens.map((t) => t.text)),
  format: formatLoc,
  check: () => NO_ISSUES,
  target: formatLoc,
  dependsOn: () => [],
  toWire(d, w) {
    w.u8(0);
    w.u8(d.size);
    w.u8(d.horizPre);
    w.u8(d.vertPre);
    w.u32(d.latitude);
    w.u32(d.longitude);
    w.u32(d.altitude);
  },
  fromWire(r) {
    const version = r.u8();
    if (version !== 0) throw new RdataError('loc-invalid', `LOC version ${version} is not supported (only 0)`);
    const d = { size: r.u8(), horizPre: r.u8(), vertPre: r.u8(), latitude: r.u32(), longitude: r.u32(), altitude: r.u32() };
    validateLoc(d);
    return d;
  },
});
