/**
 * TSIG (RFC 8945) with node:crypto: signing requests, verifying single responses and every message of
 * a multi-message response (AXFR). Recipe verified against BIND 9.18, Knot 3.2 and PowerDNS 4.7
 * (dns-servers.md §D1, 2026-11). dns-packet has no TSIG support at all.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { nameToWire } from '../../src/records/names.js';
import { TsigFailure } from './errors.js';
import { HEADER_BYTES, TYPE_TSIG, CLASS_ANY, readHeader, skipName, skipQuestion, skipRecord } from './wire.js';
import { ByteReader } from '../../src/records/wire.js';

/** A TSIG key ready for use. The secret never leaves this object in any message or error. */
export interface TsigKey {
  /** Canonical key name: lower-case, absolute (`zs-key.`). */
  readonly name: string;
  /** Canonical algorithm name (`hmac-sha256.`). */
  readonly algorithm: string;
  /** node:crypto digest name (`sha256`). */
  readonly hash: string;
  /** Full MAC length in octets. */
  readonly macSize: number;
  /** The decoded secret. */
  readonly secret: Buffer;
}

/** Algorithms by every spelling DNSControl accepts (`hmac-sha256`, `sha256`). */
export const TSIG_ALGORITHMS: Readonly<Record<string, { name: string; hash: string; macSize: number }>> = {
  'hmac-md5': { name: 'hmac-md5.sig-alg.reg.int.', hash: 'md5', macSize: 16 },
  'hmac-sha1': { name: 'hmac-sha1.', hash: 'sha1', macSize: 20 },
  'hmac-sha224': { name: 'hmac-sha224.', hash: 'sha224', macSize: 28 },
  'hmac-sha256': { name: 'hmac-sha256.', hash: 'sha256', macSize: 32 },
  'hmac-sha384': { name: 'hmac-sha384.', hash: 'sha384', macSize: 48 },
  'hmac-sha512': { name: 'hmac-sha512.', hash: 'sha512', macSize: 64 },
};

/** Builds a key from its parts; the algorithm in any accepted spelling. Returns undefined for an unknown algorithm. */
export function makeTsigKey(algorithm: string, name: string, secret: Buffer): TsigKey | undefined {
  const a = algorithm.toLowerCase();
  const alg = TSIG_ALGORITHMS[a] ?? TSIG_ALGORITHMS[`hmac-${a}`] ?? Object.values(TSIG_ALGORITHMS).find((x) => x.name === a || x.name === `${a}.`);
  if (!alg) return undefined;
  const lower = name.toLowerCase();
  return { name: lower.endsWith('.') ? lower : `${lower}.`, algorithm: alg.name, hash: alg.hash, macSize: alg.macSize, secret };
}

/** The fudge we send (RFC 8945 recommends 300 s). */
export const FUDGE = 300;

/** TSIG error BADSIG (RFC 8945 §4.3): the MAC did not verify. */
export const TSIG_BADSIG = 16;
/** TSIG error BADKEY: the key is not known (or, with Knot, not admitted by the zone's ACL). */
export const TSIG_BADKEY = 17;
/** TSIG error BADTIME: the clocks differ by more than the fudge. */
export const TSIG_BADTIME = 18;

function u16(v: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(v);
  return b;
}

function u48(v: number): Buffer {
  const b = Buffer.alloc(6);
  b.writeUInt16BE(Math.floor(v / 0x100000000));
  b.writeUInt32BE(v >>> 0, 2);
  return b;
}

/** Time Signed + Fudge: the "timers" that later messages of a multi-message response MAC. */
function timers(timeSigned: number, fudge: number): Buffer {
  return Buffer.concat([u48(timeSigned), u16(fudge)]);
}

/** The TSIG variables of RFC 8945 §4.3.3 (key name, class, TTL, algorithm, timers, error, other). */
function variables(keyName: string, algorithm: string, timeSigned: number, fudge: number, error: number, other: Uint8Array): Buffer {
  return Buffer.concat([nameToWire(keyName), u16(CLASS_ANY), Buffer.alloc(4), nameToWire(algorithm), timers(timeSigned, fudge), u16(error), u16(other.length), other]);
}

/** A signed request and the MAC the response will be chained to. */
export interface SignedMessage {
  readonly wire: Buffer;
  readonly mac: Buffer;
}

/**
 * Appends a TSIG RR to `msg` (a complete message whose ARCOUNT does not count it yet) and bumps
 * ARCOUNT. `timeSigned` is Unix seconds; tests inject a skewed clock through it.
 */
export function signMessage(msg: Uint8Array, key: TsigKey, timeSigned: number, fudge = FUDGE): SignedMessage {
  const id = (msg[0]! << 8) | msg[1]!;
  const mac = createHmac(key.hash, key.secret).update(msg).update(variables(key.name, key.algorithm, timeSigned, fudge, 0, Buffer.alloc(0))).digest();
  const rdata = Buffer.concat([nameToWire(key.algorithm), timers(timeSigned, fudge), u16(mac.length), mac, u16(id), u16(0), u16(0)]);
  const owner = nameToWire(key.name);
  const rr = Buffer.alloc(owner.length + 10);
  rr.set(owner, 0);
  rr.writeUInt16BE(TYPE_TSIG, owner.length);
  rr.writeUInt16BE(CLASS_ANY, owner.length + 2);
  rr.writeUInt32BE(0, owner.length + 4);
  rr.writeUInt16BE(rdata.length, owner.length + 8);
  const out = Buffer.concat([msg, rr, rdata]);
  out.writeUInt16BE(out.readUInt16BE(10) + 1, 10);
  return { wire: out, mac };
}

/** A TSIG RR as found at the end of a message. */
export interface TsigRecord {
  /** Offset of the TSIG RR: everything before it (with ARCOUNT−1) is what the MAC covers. */
  readonly offset: number;
  readonly keyName: string;
  readonly algorithm: string;
  readonly timeSigned: number;
  readonly fudge: number;
  readonly mac: Buffer;
  readonly originalId: number;
  readonly error: number;
  readonly other: Buffer;
}

/** The TSIG RR when it is the last additional record of `msg`; undefined when there is none. */
export function findTsig(msg: Uint8Array): TsigRecord | undefined {
  const h = readHeader(msg);
  if (h.arcount === 0) return undefined;
  let pos = HEADER_BYTES;
  for (let i = 0; i < h.qdcount; i++) pos = skipQuestion(msg, pos);
  const before = h.ancount + h.nscount + h.arcount - 1;
  for (let i = 0; i < before; i++) pos = skipRecord(msg, pos);
  const offset = pos;
  const nameEnd = skipName(msg, pos);
  if (nameEnd + 10 > msg.length) throw new TsigFailure('malformed', 'the last additional record is cut off');
  const type = (msg[nameEnd]! << 8) | msg[nameEnd + 1]!;
  if (type !== TYPE_TSIG) return undefined;
  const r = new ByteReader(msg, offset);
  const keyName = r.nameLower();
  r.offset += 8; // type, class, TTL
  const rdlength = r.u16();
  const end = r.offset + rdlength;
  if (end !== msg.length) throw new TsigFailure('malformed', 'the TSIG record is not the last thing in the message');
  const algorithm = r.nameLower();
  const hi = r.u16();
  const timeSigned = hi * 0x100000000 + r.u32();
  const fudge = r.u16();
  const mac = Buffer.from(r.bytes(r.u16()));
  const originalId = r.u16();
  const error = r.u16();
  const other = Buffer.from(r.bytes(r.u16()));
  return { offset, keyName, algorithm, timeSigned, fudge, mac, originalId, error, other };
}

/** `msg` without its TSIG RR: ARCOUNT − 1 and the header ID set back to the Original ID. */
function stripTsig(msg: Uint8Array, t: TsigRecord): Buffer {
  const out = Buffer.from(msg.subarray(0, t.offset));
  out.writeUInt16BE(t.originalId, 0);
  out.writeUInt16BE(out.readUInt16BE(10) - 1, 10);
  return out;
}

/** Server time carried in a BADTIME response's Other Data (6 octets), in Unix seconds. */
export function badTimeServerTime(t: TsigRecord): number | undefined {
  if (t.other.length !== 6) return undefined;
  return t.other.readUInt16BE(0) * 0x100000000 + t.other.readUInt32BE(2);
}

/** Result of checking one response message. */
export type TsigCheck =
  /** MAC verified. */
  | { readonly kind: 'verified'; readonly tsig: TsigRecord }
  /** No TSIG on an intermediate message of a multi-message response (allowed, RFC 8945 §5.3.1). */
  | { readonly kind: 'unsigned' }
  /** The server reports a TSIG error (BADSIG, BADKEY, BADTIME...); such answers carry no usable MAC. */
  | { readonly kind: 'server-error'; readonly tsig: TsigRecord };

/**
 * Verifies the responses to one signed request, in order: the first against the request MAC with
 * the full variables, each later one against the previous MAC with the timers only, including any
 * unsigned messages in between (RFC 8945 §5.3.1).
 */
export class TsigVerifier {
  private priorMac: Buffer;
  private first = true;
  private pendingUnsigned: Uint8Array[] = [];

  constructor(
    private readonly key: TsigKey,
    requestMac: Buffer,
    /** Current time in ms; injectable for tests. */
    private readonly now: () => number,
  ) {
    this.priorMac = requestMac;
  }

  /** True while unsigned messages await a signed one (a transfer must not end in that state). */
  get hasUnverifiedTail(): boolean {
    return this.pendingUnsigned.length > 0;
  }

  /** Checks one message; throws TsigFailure when it must not be trusted. `allowUnsigned` for AXFR middles. */
  check(msg: Uint8Array, allowUnsigned = false): TsigCheck {
    const t = findTsig(msg);
    if (!t) {
      if (allowUnsigned && !this.first) {
        // RFC 8945 §5.3.1: at most 99 unsigned messages in a row.
        if (this.pendingUnsigned.length >= 99) throw new TsigFailure('unsigned', 'more than 99 consecutive unsigned messages');
        this.pendingUnsigned.push(msg);
        return { kind: 'unsigned' };
      }
      throw new TsigFailure('unsigned', 'the response is not signed');
    }
    if (t.keyName !== this.key.name || t.algorithm !== this.key.algorithm) {
      throw new TsigFailure('wrong-key', `the response is signed with key ${t.keyName} (${t.algorithm}), not ${this.key.name} (${this.key.algorithm})`);
    }
    // An error answer can only stop us, never make a change look applied, so it is reported
    // whether or not its MAC verifies (BADSIG/BADKEY answers carry none; BADTIME ones do).
    if (t.error !== 0) return { kind: 'server-error', tsig: t };
    const stripped = stripTsig(msg, t);
    const hmac = createHmac(this.key.hash, this.key.secret).update(u16(this.priorMac.length)).update(this.priorMac);
    if (this.first) {
      hmac.update(stripped).update(variables(t.keyName, t.algorithm, t.timeSigned, t.fudge, t.error, t.other));
    } else {
      for (const m of this.pendingUnsigned) hmac.update(m);
      hmac.update(stripped).update(timers(t.timeSigned, t.fudge));
    }
    const expected = hmac.digest();
    // A truncated MAC (RFC 8945 §5.2.2.1) must keep at least half the hash and 10 octets.
    const minLen = Math.max(10, Math.ceil(this.key.macSize / 2));
    if (t.mac.length < minLen || t.mac.length > expected.length || !timingSafeEqual(t.mac, expected.subarray(0, t.mac.length))) {
      throw new TsigFailure('bad-mac', 'the response MAC does not verify (wrong secret, or the message was altered)');
    }
    const nowSec = Math.floor(this.now() / 1000);
    if (Math.abs(nowSec - t.timeSigned) > t.fudge) {
      throw new TsigFailure('bad-time', `the response was signed at ${t.timeSigned}, ${nowSec - t.timeSigned} s from our clock (fudge ${t.fudge} s)`);
    }
    this.priorMac = t.mac;
    this.first = false;
    this.pendingUnsigned = [];
    return { kind: 'verified', tsig: t };
  }
}

/** Octets a TSIG RR adds to a request signed with `key`: what packing must leave room for. */
export function tsigRecordBytes(key: TsigKey): number {
  // owner + type/class/TTL/rdlength + algorithm + time(6) fudge(2) macsize(2) mac origid(2) error(2) otherlen(2)
  return nameToWire(key.name).length + 10 + nameToWire(key.algorithm).length + 16 + key.macSize;
}
