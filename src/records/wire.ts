import { formatLabel, nameToWire } from './names.js';
import { RdataError, type WireReader, type WireWriter } from './types.js';

/** Growable WireWriter; `finish()` returns the bytes written. Out-of-range integers throw `number-range`. */
export class ByteWriter implements WireWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initial = 64) {
    this.buf = new Uint8Array(initial);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  u8(v: number): void {
    checkUint(v, 0xff);
    this.room(1);
    this.buf[this.len++] = v;
  }

  u16(v: number): void {
    checkUint(v, 0xffff);
    this.room(2);
    this.buf[this.len++] = v >>> 8;
    this.buf[this.len++] = v & 0xff;
  }

  u32(v: number): void {
    checkUint(v, 0xffffffff);
    this.room(4);
    this.buf[this.len++] = v >>> 24;
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  name(fqdn: string): void {
    this.bytes(nameToWire(fqdn));
  }

  /** Overwrites a 16-bit value written earlier (a length prefix). */
  patchU16(at: number, v: number): void {
    checkUint(v, 0xffff);
    this.buf[at] = v >>> 8;
    this.buf[at + 1] = v & 0xff;
  }

  /** A copy of the bytes written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function checkUint(v: number, max: number): void {
  if (!Number.isInteger(v) || v < 0 || v > max) {
    throw new RdataError('number-range', `${v} does not fit in ${max === 0xff ? 8 : max === 0xffff ? 16 : 32} bits`);
  }
}

/** Most pointer hops a name may take; a real message never needs more than a few. */
const MAX_HOPS = 64;

/**
 * WireReader over a message (or bare rdata). Sequential reads stop at `limit` (`wire-truncated`);
 * compression pointers may point anywhere earlier in `buf` but must go strictly backwards, so a
 * loop is impossible (`wire-pointer-loop`), and are followed at most 64 times.
 */
export class ByteReader implements WireReader {
  readonly buf: Uint8Array;
  offset: number;
  /** Sequential reads may not pass this offset. */
  limit: number;

  constructor(buf: Uint8Array, offset = 0, limit = buf.length) {
    this.buf = buf;
    this.offset = offset;
    this.limit = Math.min(limit, buf.length);
  }

  private need(n: number): void {
    if (this.offset + n > this.limit) {
      throw new RdataError('wire-truncated', `the data ends ${this.offset + n - this.limit} octet(s) early at offset ${this.offset}`);
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.offset++] as number;
  }

  u16(): number {
    this.need(2);
    const v = ((this.buf[this.offset] as number) << 8) | (this.buf[this.offset + 1] as number);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const b = this.buf;
    const o = this.offset;
    const v = (b[o] as number) * 0x1000000 + (((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number));
    this.offset += 4;
    return v;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  name(): string {
    return this.readName(false);
  }

  /** A name with ASCII letters lower-cased: the canonical form record modules keep. */
  nameLower(): string {
    return this.readName(true);
  }

  private readName(lower: boolean): string {
    const labels: string[] = [];
    let pos = this.offset;
    let end = -1; // where sequential reading resumes after the first pointer
    let hops = 0;
    let wireLen = 1;
    let segmentStart = pos; // each pointer must land before the segment it was found in
    for (;;) {
      if (pos >= (end < 0 ? this.limit : this.buf.length)) {
        throw new RdataError('wire-truncated', `a name runs past the end of the data at offset ${pos}`);
      }
      const len = this.buf[pos] as number;
      if (len === 0) {
        pos++;
        break;
      }
      const kind = len & 0xc0;
      if (kind === 0xc0) {
        if (pos + 1 >= (end < 0 ? this.limit : this.buf.length)) throw new RdataError('wire-truncated', `a compression pointer is cut off at offset ${pos}`);
        const target = ((len & 0x3f) << 8) | (this.buf[pos + 1] as number);
        if (end < 0) end = pos + 2;
        if (target >= segmentStart) throw new RdataError('wire-pointer-loop', `a compression pointer at offset ${pos} does not point backwards (to ${target})`);
        if (++hops > MAX_HOPS) throw new RdataError('wire-pointer-loop', `a name follows more than ${MAX_HOPS} compression pointers`);
        pos = target;
        segmentStart = target;
        continue;
      }
      if (kind !== 0) throw new RdataError('wire-bad-label', `label type 0x${kind.toString(16)} at offset ${pos} is not supported`);
      const stop = end < 0 ? this.limit : this.buf.length;
      if (pos + 1 + len > stop) throw new RdataError('wire-truncated', `a label runs past the end of the data at offset ${pos}`);
      wireLen += len + 1;
      if (wireLen > 255) throw new RdataError('name-too-long', `a name in the data is longer than 255 octets`);
      labels.push(formatLabel(this.buf.subarray(pos + 1, pos + 1 + len), lower));
      pos += 1 + len;
    }
    this.offset = end < 0 ? pos : end;
    return labels.length === 0 ? '.' : `${labels.join('.')}.`;
  }
}

/** Lower-case hex of bytes. */
export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}
