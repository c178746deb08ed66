/**
 * Records between the wire and zonesmith's canonical DnsRecord. RDATA goes through src/records
 * (rdataFromWire / rdataToWire), so every type it knows works, and unknown ones as RFC 3597 `\#`.
 */
import type { DnsRecord } from '../../src/records/types.js';
import { rdataFromWire, rdataToWire, typeCode } from '../../src/records/registry.js';

/**
 * What the provider keeps in DnsRecord.native: the uncompressed wire RDATA exactly as the server
 * holds it. Deletes and prerequisites must match the server's RDATA octet for octet, and the
 * canonical text loses some of it (a TXT "ab" "c" reads as "abc"). A view into the transfer's
 * message where possible: a separate buffer per record would cost the garbage collector dearly.
 */
export type NativeRdata = Uint8Array;

/**
 * Types whose RDATA names a server may compress (RFC 3597 §4 and the list receivers must accept);
 * their raw bytes cannot be reused outside the message, so they are re-encoded from the text.
 */
const COMPRESSIBLE = new Set([2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15, 17, 18, 21, 24, 26, 30, 33, 35, 36]);

/**
 * Types the server manages when it signs the zone (RRSIG, NSEC, DNSKEY, NSEC3, NSEC3PARAM, CDS,
 * CDNSKEY, ZONEMD, BIND's private TYPE65534); never read into the zone's records (DNSControl skips
 * the same set, ZONEMD aside).
 */
const DNSSEC_TYPES = new Set([46, 47, 48, 50, 51, 59, 60, 63, 65534]);

/** Type numbers zonesmith reads but does not manage on an RFC 2136 server. */
export function isServerManaged(code: number): boolean {
  return code === 6 || DNSSEC_TYPES.has(code);
}

/** A record from a transfer, before conversion. */
export interface WireRecord {
  /** Owner, canonical (lower-case, escapes as BIND prints them), with trailing dot. */
  readonly owner: string;
  readonly type: number;
  readonly klass: number;
  readonly ttl: number;
  /** The message the RDATA lives in (compression pointers resolve against it). */
  readonly msg: Uint8Array;
  readonly rdOffset: number;
  readonly rdLength: number;
}

/** A DnsRecord for a transferred record (owner without trailing dot; native wire RDATA kept). */
export function recordFromWire(rr: WireRecord): DnsRecord {
  const { type, rdata } = rdataFromWire(rr.type, rr.msg, rr.rdOffset, rr.rdLength);
  const native: NativeRdata = COMPRESSIBLE.has(rr.type) ? rdataToWire(type, rdata) : rr.msg.subarray(rr.rdOffset, rr.rdOffset + rr.rdLength);
  return Object.freeze({ name: rr.owner === '.' ? '.' : rr.owner.slice(0, -1), type, ttl: rr.ttl, rdata, native });
}

/**
 * The RDATA to send for `rec`: the server's own octets when the record was read from it, else
 * encoded from its text. `cache` (one push's records → octets) lets packing and verification share
 * the encoding; a plain Map dropped after the push, as a WeakMap of this size slows every GC.
 */
export function wireRdata(rec: DnsRecord, cache?: Map<DnsRecord, Uint8Array>): Uint8Array {
  if (rec.native instanceof Uint8Array) return rec.native;
  let w = cache?.get(rec);
  if (!w) {
    w = fastRdata(rec) ?? rdataToWire(rec.type, rec.rdata);
    cache?.set(rec, w);
  }
  return w;
}

/**
 * The two shapes bulk pushes are made of, encoded without the general parser: an A address and a
 * TXT of one plain printable-ASCII string up to 255 octets (no escapes, so octets = characters).
 * Anything else returns undefined. Tests check these equal rdataToWire's octets.
 */
export function fastRdata(rec: DnsRecord): Uint8Array | undefined {
  const t = rec.rdata;
  if (rec.type === 'TXT') {
    const n = t.length - 2;
    if (n < 0 || n > 255 || t.charCodeAt(0) !== 0x22 || t.charCodeAt(t.length - 1) !== 0x22) return undefined;
    const out = new Uint8Array(n + 1);
    out[0] = n;
    for (let i = 0; i < n; i++) {
      const c = t.charCodeAt(i + 1);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return undefined;
      out[i + 1] = c;
    }
    return out;
  }
  if (rec.type === 'A') {
    const parts = t.split('.');
    if (parts.length !== 4) return undefined;
    const out = new Uint8Array(4);
    for (let i = 0; i < 4; i++) {
      const p = parts[i]!;
      if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
      out[i] = Number(p);
    }
    return out;
  }
  return undefined;
}

/** True when a type's RDATA may hold compressed names (its raw octets are not self-contained). */
export function mayCompress(type: number): boolean {
  return COMPRESSIBLE.has(type);
}

/** The uncompressed RDATA of a transferred record, without formatting it as text when it can be avoided. */
export function wireRdataOf(rr: WireRecord): Uint8Array {
  if (!COMPRESSIBLE.has(rr.type)) return rr.msg.subarray(rr.rdOffset, rr.rdOffset + rr.rdLength);
  return recordFromWire(rr).native as NativeRdata;
}

/** `ttl|rdata octets`: equal for two records exactly when the server would treat them as the same RR with the same TTL. */
export function wireIdentity(ttl: number, rdata: Uint8Array): string {
  return `${ttl}|${Buffer.from(rdata.buffer, rdata.byteOffset, rdata.byteLength).toString('latin1')}`;
}

/** The IANA number of a record's type; undefined for pseudo types (ALIAS) that cannot go on the wire. */
export function wireType(rec: DnsRecord): number | undefined {
  return typeCode(rec.type);
}

/** `name/TYPE`: the key of an RRset. */
export function rrsetKey(name: string, type: string): string {
  return `${name}/${type}`;
}
