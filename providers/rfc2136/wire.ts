/**
 * DNS message framing the provider needs beyond dns-packet: header fields, walking records by
 * offset (dns-packet gives none), and records written with owner names compressed against the zone
 * name at offset 12. dns-packet 5.6.1 cannot write opcode UPDATE, class NONE, empty RDATA or names
 * with escapes (dns-servers.md §D, verified 2026-11), so UPDATE messages are assembled here.
 */
import { nameToWire } from '../../src/records/names.js';

/** Octets of a DNS header. */
export const HEADER_BYTES = 12;
/** The largest DNS message TCP can carry: its length prefix is 16 bits (RFC 1035 §4.2.2). */
export const MAX_TCP_MESSAGE = 65535;
/** The largest message over UDP without EDNS (RFC 1035 §4.2.1). */
export const MAX_UDP_MESSAGE = 512;

/** Opcode of a standard query. */
export const OPCODE_QUERY = 0;
/** Opcode of a DNS UPDATE (RFC 2136 §1). */
export const OPCODE_UPDATE = 5;
/** Class IN. */
export const CLASS_IN = 1;
/** RFC 2136 §2.4/2.5: "RRset does not exist" prerequisites and "delete an RR from an RRset". */
export const CLASS_NONE = 254;
/** Class ANY: "RRset exists" prerequisites, RRset deletes, TSIG. */
export const CLASS_ANY = 255;
/** Type SOA. */
export const TYPE_SOA = 6;
/** Type NS. */
export const TYPE_NS = 2;
/** Type TSIG (RFC 8945). */
export const TYPE_TSIG = 250;
/** Type AXFR (RFC 5936). */
export const TYPE_AXFR = 252;

/** Header fields (RFC 1035 §4.1.1; for UPDATE the counts are ZO/PR/UP/AD, RFC 2136 §2.2). */
export interface Header {
  readonly id: number;
  readonly qr: boolean;
  readonly opcode: number;
  readonly tc: boolean;
  readonly rcode: number;
  readonly qdcount: number;
  readonly ancount: number;
  readonly nscount: number;
  readonly arcount: number;
}

/** Reads the 12-octet header; throws when the message is shorter. */
export function readHeader(msg: Uint8Array): Header {
  if (msg.length < HEADER_BYTES) throw new RangeError(`a DNS message of ${msg.length} octets has no complete header`);
  const flags = (msg[2]! << 8) | msg[3]!;
  const u = (o: number): number => (msg[o]! << 8) | msg[o + 1]!;
  return {
    id: u(0),
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    tc: (flags & 0x0200) !== 0,
    rcode: flags & 0xf,
    qdcount: u(4),
    ancount: u(6),
    nscount: u(8),
    arcount: u(10),
  };
}

/** Writes a header; `opcode` goes into the flags (dns-packet ignores an opcode field on encode). */
export function writeHeader(buf: Buffer, h: { id: number; opcode: number; qd: number; an: number; ns: number; ar: number }): void {
  buf.writeUInt16BE(h.id, 0);
  buf.writeUInt16BE((h.opcode & 0xf) << 11, 2);
  buf.writeUInt16BE(h.qd, 4);
  buf.writeUInt16BE(h.an, 6);
  buf.writeUInt16BE(h.ns, 8);
  buf.writeUInt16BE(h.ar, 10);
}

/** Offset just past the (possibly compressed) name at `pos`. */
export function skipName(msg: Uint8Array, pos: number): number {
  for (;;) {
    if (pos >= msg.length) throw new RangeError(`a name runs past the end of the message at offset ${pos}`);
    const len = msg[pos]!;
    if (len === 0) return pos + 1;
    if ((len & 0xc0) === 0xc0) return pos + 2;
    if ((len & 0xc0) !== 0) throw new RangeError(`unsupported label type at offset ${pos}`);
    pos += len + 1;
  }
}

/** Offset just past the question at `pos`. */
export function skipQuestion(msg: Uint8Array, pos: number): number {
  return skipName(msg, pos) + 4;
}

/** Offset just past the resource record at `pos`. */
export function skipRecord(msg: Uint8Array, pos: number): number {
  const p = skipName(msg, pos);
  if (p + 10 > msg.length) throw new RangeError(`a record is cut off at offset ${pos}`);
  const end = p + 10 + ((msg[p + 8]! << 8) | msg[p + 9]!);
  if (end > msg.length) throw new RangeError(`a record's data runs past the end of the message at offset ${pos}`);
  return end;
}

/**
 * Owner names of one zone in wire form, compressed: the labels below the zone followed by a pointer
 * to the zone name, which an UPDATE carries at offset 12 (its zone section). Every owner's size is
 * therefore fixed, whatever else the message holds, which keeps the packing arithmetic exact.
 */
export class ZoneNames {
  /** The zone name, uncompressed. */
  readonly zoneWire: Uint8Array;
  private readonly cache = new Map<string, Uint8Array | null>();
  private readonly suffix: string;

  constructor(private readonly zone: string) {
    this.zoneWire = nameToWire(zone);
    this.suffix = `.${zone.toLowerCase().replace(/\.$/, '')}`;
  }

  /** The compressed owner for `name` (no trailing dot needed); null when it is not in the zone. */
  owner(name: string): Uint8Array | null {
    let hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    hit = this.plain(name) ?? this.compress(nameToWire(name));
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(name, hit);
    return hit;
  }

  /**
   * The common case without nameToWire: a lower-case printable-ASCII name without escapes, below
   * the zone. Anything else (escapes, non-ASCII, label or name too long) returns undefined and goes
   * the exact way, which also raises the errors.
   */
  private plain(name: string): Uint8Array | undefined {
    const rel = name.length - this.suffix.length;
    if (rel <= 0 || !name.endsWith(this.suffix) || name.length + this.zoneWire.length > 250) return undefined;
    const out = new Uint8Array(rel + 3);
    let lenAt = 0;
    for (let i = 0; i < rel; i++) {
      const c = name.charCodeAt(i);
      if (c === 0x2e) {
        const len = i - lenAt;
        if (len === 0 || len > 63) return undefined;
        out[lenAt] = len;
        lenAt = i + 1;
      } else if (c <= 0x20 || c >= 0x7f || c === 0x5c) return undefined;
      else out[i + 1] = c;
    }
    const last = rel - lenAt;
    if (last === 0 || last > 63) return undefined;
    out[lenAt] = last;
    out[rel + 1] = 0xc0;
    out[rel + 2] = HEADER_BYTES;
    return out;
  }

  private compress(full: Uint8Array): Uint8Array | null {
    const z = this.zoneWire;
    // Walk label boundaries so `a\.example.test` never counts as inside `example.test`.
    for (let pos = 0; pos < full.length; pos += full[pos]! + 1) {
      if (full.length - pos === z.length && sameNameBytes(full, pos, z)) {
        const out = new Uint8Array(pos + 2);
        out.set(full.subarray(0, pos), 0);
        out[pos] = 0xc0;
        out[pos + 1] = HEADER_BYTES;
        return out;
      }
      if (full[pos] === 0) break;
    }
    return null;
  }
}

function sameNameBytes(a: Uint8Array, at: number, b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    let x = a[at + i]!;
    let y = b[i]!;
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** One resource record in wire form: owner (as given), type, class, TTL, RDATA. */
export function encodeRecord(owner: Uint8Array, type: number, klass: number, ttl: number, rdata: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(owner.length + 10 + rdata.length);
  out.set(owner, 0);
  let p = owner.length;
  out.writeUInt16BE(type, p);
  out.writeUInt16BE(klass, p + 2);
  out.writeUInt32BE(ttl, p + 4);
  out.writeUInt16BE(rdata.length, p + 8);
  out.set(rdata, p + 10);
  return out;
}

/** True for octets a canonical name shows as themselves (BIND's rules, as src/records formats them). */
function plainOctet(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x24 && c !== 0x28 && c !== 0x29 && c !== 0x2e && c !== 0x3b && c !== 0x40 && c !== 0x5c;
}

/**
 * Owner names of one message, lower-cased, with a trailing dot, as src/records' ByteReader.nameLower
 * gives them, but decoded once per message offset: a compressed owner costs one label plus a lookup.
 * An AXFR of 100,000 records spends most of its parsing here. Labels with octets that need escaping
 * return undefined, and the caller falls back to ByteReader.
 */
export class OwnerNames {
  private readonly cache = new Map<number, string>();

  constructor(private readonly msg: Uint8Array) {}

  /** The name at `pos`, or undefined when it needs the general decoder. Pointers must go backwards. */
  at(pos: number): string | undefined {
    const hit = this.cache.get(pos);
    if (hit !== undefined) return hit;
    const msg = this.msg;
    if (pos >= msg.length) return undefined;
    const len = msg[pos]!;
    let name: string | undefined;
    if (len === 0) name = '.';
    else if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= msg.length) return undefined;
      const target = ((len & 0x3f) << 8) | msg[pos + 1]!;
      name = target < pos ? this.at(target) : undefined;
    } else if ((len & 0xc0) === 0 && pos + 1 + len < msg.length) {
      let label = '';
      for (let i = pos + 1; i <= pos + len; i++) {
        let c = msg[i]!;
        if (!plainOctet(c)) return undefined;
        if (c >= 0x41 && c <= 0x5a) c += 0x20;
        label += String.fromCharCode(c);
      }
      const rest = this.at(pos + 1 + len);
      if (rest !== undefined) name = rest === '.' ? `${label}.` : `${label}.${rest}`;
    }
    if (name !== undefined && name.length <= 254) this.cache.set(pos, name);
    else name = undefined;
    return name;
  }
}
