import { dataFromWire } from './define.js';
import type { RecordDataMap } from './data-map.js';
import { tokenizeRdata } from './text.js';
import { A } from './types/a.js';
import { AAAA } from './types/aaaa.js';
import { ALIAS } from './types/alias.js';
import { CAA } from './types/caa.js';
import { CNAME } from './types/cname.js';
import { DNAME } from './types/dname.js';
import { MX } from './types/mx.js';
import { NS } from './types/ns.js';
import { PTR } from './types/ptr.js';
import { SOA } from './types/soa.js';
import { SRV } from './types/srv.js';
import { TXT } from './types/txt.js';
import { DHCID } from './types/dhcid.js';
import { DNSKEY } from './types/dnskey.js';
import { DS } from './types/ds.js';
import { HTTPS } from './types/https.js';
import { LOC } from './types/loc.js';
import { NAPTR } from './types/naptr.js';
import { OPENPGPKEY } from './types/openpgpkey.js';
import { R53_ALIAS } from './types/r53-alias.js';
import { RP } from './types/rp.js';
import { SMIMEA } from './types/smimea.js';
import { SSHFP } from './types/sshfp.js';
import { SVCB } from './types/svcb.js';
import { TLSA } from './types/tlsa.js';
import { RdataError, type ArgsContext, type DnsRecord, type RdataIssue, type RdataToken, type RecordTypeModule } from './types.js';
import { unknownType } from './unknown-type.js';
import { ByteReader, ByteWriter } from './wire.js';

type AnyModule = RecordTypeModule<any>;

/** Every record type zonesmith knows, one line each; adding a type is a module plus a line here. */
const MODULES: readonly AnyModule[] = [
  A,
  AAAA,
  ALIAS,
  CAA,
  CNAME,
  DHCID,
  DNAME,
  DNSKEY,
  DS,
  HTTPS,
  LOC,
  MX,
  NAPTR,
  NS,
  OPENPGPKEY,
  PTR,
  R53_ALIAS,
  RP,
  SMIMEA,
  SOA,
  SRV,
  SSHFP,
  SVCB,
  TLSA,
  TXT,
];

const byName = new Map<string, AnyModule>(MODULES.map((m) => [m.type, m]));
const byCode = new Map<number, AnyModule>(MODULES.filter((m) => m.code !== undefined).map((m) => [m.code as number, m]));
const unknownModules = new Map<number, AnyModule>();

function moduleForCode(code: number): AnyModule {
  const known = byCode.get(code);
  if (known) return known;
  let m = unknownModules.get(code);
  if (!m) {
    m = unknownType(code);
    unknownModules.set(code, m);
  }
  return m;
}

/** The number in `TYPE65280`, or -1. */
function genericCode(type: string): number {
  const m = /^TYPE([0-9]{1,5})$/.exec(type);
  if (!m) return -1;
  const code = Number(m[1]);
  return code >= 1 && code <= 65535 ? code : -1;
}

/**
 * The behaviour module of a type (`MX`, `mx`, `R53_ALIAS`, `TYPE65280`, `TYPE15` = MX), or undefined
 * when the name is neither a known type nor RFC 3597's `TYPEnnn`.
 */
export function getRecordType(type: string): RecordTypeModule | undefined {
  const m = byName.get(type) ?? byName.get(type.toUpperCase());
  if (m) return m as RecordTypeModule;
  const code = genericCode(type.toUpperCase());
  return code < 0 ? undefined : (moduleForCode(code) as RecordTypeModule);
}

/** Like getRecordType, but throws RdataError `unknown-record-type`. */
export function requireRecordType(type: string): RecordTypeModule {
  const m = getRecordType(type);
  if (!m) throw new RdataError('unknown-record-type', `"${type}" is not a record type zonesmith knows (use TYPEnnn with \\# rdata for others)`);
  return m;
}

/** The canonical name of a type (`mx` → `MX`, `TYPE15` → `MX`, `type65280` → `TYPE65280`). Throws `unknown-record-type`. */
export function canonicalTypeName(type: string): string {
  return requireRecordType(type).type;
}

/** The IANA number of a type; undefined for pseudo types (ALIAS, R53_ALIAS) and unknown names. */
export function typeCode(type: string): number | undefined {
  return getRecordType(type)?.code;
}

/** The name for a type number: the known name, else `TYPEnnn`. */
export function typeName(code: number): string {
  return byCode.get(code)?.type ?? `TYPE${code}`;
}

/** Every known type name (the DSL's types and the pseudo types). */
export function knownTypeNames(): string[] {
  return MODULES.map((m) => m.type);
}

/** Canonical rdata from DSL arguments (`rdataFromArgs('MX', [10, 'mail'], { zone: 'example.com' })` → `10 mail.example.com.`). */
export function rdataFromArgs(type: string, args: readonly unknown[], ctx: ArgsContext): string {
  const m = requireRecordType(type);
  return m.format(m.fromArgs(args, ctx));
}

/** Canonical rdata from presentation tokens (the zone-file reader's entry point; uses the fast paths). */
export function canonicalFromTokens(type: string, tokens: readonly RdataToken[], origin: string): string {
  const m = requireRecordType(type);
  return m.canonical ? m.canonical(tokens, origin) : m.format(m.fromTokens(tokens, origin));
}

/** Canonical rdata from presentation text: tokenize → parse → format. Names are relative to `origin`. */
export function canonicalRdata(type: string, text: string, origin: string): string {
  return canonicalFromTokens(type, tokenizeRdata(text), origin);
}

/** Typed data of an rdata string (`parseRdata('MX', '10 mx.example.com.').preference`). */
export function parseRdata<T extends keyof RecordDataMap>(type: T, rdata: string, origin?: string): RecordDataMap[T];
export function parseRdata(type: string, rdata: string, origin?: string): unknown;
export function parseRdata(type: string, rdata: string, origin = '.'): unknown {
  return requireRecordType(type).fromTokens(tokenizeRdata(rdata), origin);
}

/** The type's range and semantic checks on an rdata string (parse errors are thrown, not returned). */
export function checkRdata(type: string, rdata: string): readonly RdataIssue[] {
  const m = requireRecordType(type);
  return m.check(m.fromTokens(tokenizeRdata(rdata), '.'));
}

type RecordLike = Pick<DnsRecord, 'type' | 'rdata'>;

/** The string compared for identity: the rdata, except where a type says otherwise (SOA without its serial). */
export function comparableRdata(rec: RecordLike): string {
  const m = requireRecordType(rec.type);
  if (!m.comparable) return rec.rdata;
  return m.comparable(m.fromTokens(tokenizeRdata(rec.rdata), '.'));
}

/** What IGNORE's target glob matches and the text renderer shows (the name for CNAME, the text for TXT). */
export function recordTarget(rec: RecordLike): string {
  const m = requireRecordType(rec.type);
  return m.target(m.fromTokens(tokenizeRdata(rec.rdata), '.'));
}

/** The names a record points at (absolute, with a dot), for ordering changes. */
export function recordDependencies(rec: RecordLike): string[] {
  const m = requireRecordType(rec.type);
  if (m.dependsOn === TXT.dependsOn) return [];
  return m.dependsOn(m.fromTokens(tokenizeRdata(rec.rdata), '.'));
}

function shortAscii(rdata: string): boolean {
  if (rdata.length > 257) return false;
  for (let i = 0; i < rdata.length; i++) if (rdata.charCodeAt(i) > 0x7e) return false;
  return true;
}

/** The rdata as a zone file writes it (TXT split into quoted pieces of at most 255 octets). */
export function zoneFileRdata(rec: RecordLike): string {
  const m = requireRecordType(rec.type);
  if (!m.toZoneFile) return rec.rdata;
  if (m === TXT && shortAscii(rec.rdata)) return rec.rdata;
  return m.toZoneFile(m.fromTokens(tokenizeRdata(rec.rdata), '.'));
}

/** RDATA in wire format (names uncompressed). Throws `pseudo-type-no-wire` for ALIAS and R53_ALIAS. */
export function rdataToWire(type: string, rdata: string): Uint8Array {
  const m = requireRecordType(type);
  const w = new ByteWriter(Math.max(64, rdata.length));
  m.toWire(m.fromTokens(tokenizeRdata(rdata), '.'), w);
  const out = w.finish();
  if (out.length > 65535) throw new RdataError('rdata-too-long', `${m.type} rdata is ${out.length} octets; the limit is 65535`);
  return out;
}

/**
 * Canonical rdata from wire RDATA at `buf[offset..offset+length)`; `buf` may be the whole message so
 * compression pointers resolve. Unknown type numbers give `TYPEnnn` with `\#` rdata.
 */
export function rdataFromWire(code: number, buf: Uint8Array, offset: number, length: number): { type: string; rdata: string } {
  const m = moduleForCode(code);
  const end = offset + length;
  if (end > buf.length) throw new RdataError('wire-truncated', `the rdata runs ${end - buf.length} octet(s) past the end of the message`);
  const r = new ByteReader(buf, offset, end);
  const data = m.fromWire(r, end);
  if (r.offset !== end) throw new RdataError('wire-trailing-data', `${m.type} rdata has ${end - r.offset} octet(s) left over`);
  return { type: m.type, rdata: m.format(data) };
}

/** Typed data from bare wire RDATA (no message around it). */
export function dataFromRdataWire(code: number, rdata: Uint8Array): unknown {
  const m = moduleForCode(code);
  return dataFromWire(m.fromWire.bind(m), rdata, m.type);
}
