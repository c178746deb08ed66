import { DslError, show } from '../errors.js';
import { registerCallable } from '../modifier.js';
import { callWith, entryPos, type Pos } from '../pos.js';
import { TTL } from '../record-modifiers.js';
import { LOC } from '../records.js';
import type { DomainModifierFn, Duration } from '../types.js';

/** One coordinate in degrees, minutes, seconds and hemisphere. */
interface Dms {
  readonly dg: number;
  readonly mn: number;
  readonly sc: number;
  readonly hemi: string;
}

/** Options shared by the LOC builders. */
export interface LocBuilderOptions {
  /** Label (default `@`). */
  readonly label?: string;
  /** Altitude in metres (default 0). */
  readonly alt?: number;
  readonly ttl?: Duration;
}

/** Options of LOC_BUILDER_DD: decimal degrees, x = latitude and y = longitude as DNSControl names them. */
export interface LocBuilderDdOptions extends LocBuilderOptions {
  readonly x: number;
  readonly y: number;
}

/** Options of the string LOC builders. */
export interface LocBuilderStrOptions extends LocBuilderOptions {
  readonly str: string;
}

// DNSControl's ConvertDDToDMS (pkg/js/helpers.js): the 1e-9 nudge keeps 0.5 from becoming 29'59.999".
function ddToDms(value: number, longitude: boolean): Dms {
  const hemi = value < 0 ? (longitude ? 'W' : 'S') : longitude ? 'E' : 'N';
  let d = Math.abs(value);
  const dg = Math.trunc(d);
  d += 1e-9;
  const mn = Math.trunc((d % 1) * 60);
  const sc = Math.trunc(((d * 60) % 1) * 60000) / 1000;
  return { hemi, dg, mn, sc };
}

// "41°24'12.2\"N 2°10'26.5\"E" (DNSControl's parseDMSCoordinatesString patterns).
function parseDms(s: string): { lat: Dms; lon: Dms } | undefined {
  const lat = /(-?\d+).(\d+).([\d.]+).? ?([NS])/.exec(s);
  const lon = /(-?\d+).(\d+).([\d.]+).? ?([EW])/.exec(s);
  if (!lat || !lon) return undefined;
  const dms = (m: RegExpExecArray): Dms => ({
    dg: parseInt(m[1] as string, 10),
    mn: parseInt(m[2] as string, 10),
    sc: parseFloat(m[3] as string),
    hemi: m[4] as string,
  });
  return { lat: dms(lat), lon: dms(lon) };
}

// "25.24°S 153.15°E" (DNSControl's parseDMMCoordinatesString).
function parseDmm(s: string): { lat: Dms; lon: Dms } | undefined {
  const lat = /(-?\d+(\.\d+)?)°?\s*([NS])/i.exec(s);
  const lon = /(-?\d+(\.\d+)?)°?\s*([EW])/i.exec(s);
  if (!lat || !lon) return undefined;
  const dms = (m: RegExpExecArray): Dms => {
    const v = parseFloat(m[1] as string);
    const dg = Math.floor(v);
    const mn = Math.floor((v - dg) * 60);
    const sc = Math.round(((v - dg) * 60 - mn) * 60);
    return { dg, mn, sc, hemi: m[3] as string };
  };
  return { lat: dms(lat), lon: dms(lon) };
}

function push(fn: string, pos: Pos | undefined, o: LocBuilderOptions, c: { lat: Dms; lon: Dms } | undefined): DomainModifierFn[] {
  if (!c) throw new DslError('dsl-bad-argument', `${fn}: could not read coordinates from ${show((o as LocBuilderStrOptions).str)}`);
  const { lat, lon } = c;
  const mods = o.ttl ? [TTL(o.ttl)] : [];
  return [
    callWith(pos, LOC, o.label || '@', lat.dg, lat.mn, lat.sc, lat.hemi as 'N', lon.dg, lon.mn, lon.sc, lon.hemi as 'E', o.alt || 0, 0, 0, 0, ...mods),
  ];
}

function requireStr(fn: string, o: LocBuilderStrOptions, example: string): void {
  if (o === null || typeof o !== 'object' || !o.str) throw new DslError('dsl-bad-argument', `${fn} requires a string of the form ${example}`);
}

/** LOC record from decimal degrees: `LOC_BUILDER_DD({ x: 51.5007, y: -0.1246, alt: 42 })`. */
export const LOC_BUILDER_DD = registerCallable('LOC_BUILDER_DD', function LOC_BUILDER_DD(o: LocBuilderDdOptions): DomainModifierFn[] {
  const pos = entryPos(LOC_BUILDER_DD);
  if (o === null || typeof o !== 'object' || (!o.x && !o.y)) throw new DslError('dsl-bad-argument', 'LOC_BUILDER_DD requires x and y elements');
  return push('LOC_BUILDER_DD', pos, o, { lat: ddToDms(o.x, false), lon: ddToDms(o.y, true) });
});

/** LOC record from degrees and decimal minutes text: `LOC_BUILDER_DMM_STR({ str: "25.24°S 153.15°E" })`. */
export const LOC_BUILDER_DMM_STR = registerCallable('LOC_BUILDER_DMM_STR', function LOC_BUILDER_DMM_STR(o: LocBuilderStrOptions): DomainModifierFn[] {
  const pos = entryPos(LOC_BUILDER_DMM_STR);
  requireStr('LOC_BUILDER_DMM_STR', o, '25.24°S 153.15°E');
  return push('LOC_BUILDER_DMM_STR', pos, o, parseDmm(o.str));
});

/** LOC record from degrees/minutes/seconds text: `LOC_BUILDER_DMS_STR({ str: "33°51′31″S 151°12′51″E" })`. */
export const LOC_BUILDER_DMS_STR = registerCallable('LOC_BUILDER_DMS_STR', function LOC_BUILDER_DMS_STR(o: LocBuilderStrOptions): DomainModifierFn[] {
  const pos = entryPos(LOC_BUILDER_DMS_STR);
  requireStr('LOC_BUILDER_DMS_STR', o, '33°51′31″S 151°12′51″E');
  return push('LOC_BUILDER_DMS_STR', pos, o, parseDms(o.str));
});

/** LOC record from either text form (DMM tried first, then DMS). */
export const LOC_BUILDER_STR = registerCallable('LOC_BUILDER_STR', function LOC_BUILDER_STR(o: LocBuilderStrOptions): DomainModifierFn[] {
  const pos = entryPos(LOC_BUILDER_STR);
  requireStr('LOC_BUILDER_STR', o, '25.24°S 153.15°E');
  return push('LOC_BUILDER_STR', pos, o, parseDmm(o.str) ?? parseDms(o.str));
});
