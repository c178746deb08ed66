import { tokenizeRdata } from '../../src/records/text.js';
import type { DnsRecord } from '../../src/records/types.js';
import { recordModule } from './record-types.js';
import { absoluteName, relativeOwner } from './zonefile-names.js';
import { zoneFileOrder } from './zonefile-sort.js';

/** How to lay out a zone file. */
export interface WriteZoneOptions {
  /** The zone (canonical: no trailing dot); owners are written relative to it. */
  readonly zone: string;
  /** Lines for a comment block after `$TTL` (no `;` needed). */
  readonly comments?: readonly string[];
}

/**
 * The most common TTL, NS records not counted, ties to the highest; 300 for an empty zone
 * (DNSControl's MostCommonTTL, so files look the same).
 */
export function mostCommonTtl(records: readonly DnsRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of records) if (r.type !== 'NS') counts.set(r.ttl, (counts.get(r.ttl) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [ttl, c] of counts) {
    if (c > bestCount || (c === bestCount && ttl > best)) {
      best = ttl;
      bestCount = c;
    }
  }
  return bestCount === 0 ? 300 : best;
}

// DNSControl's prettyzone columns: owner 0, TTL 11, class 17, type 20, data 26.
const NAME_COL = 11;
const TTL_COL = 17;
const DATA_COL = 26;
const CHUNK = 1 << 17;

/** Bytes of zone-file text being built; fields are copied char by char (no string per line). */
class ByteSink {
  buf = Buffer.allocUnsafe(CHUNK);
  o = 0;

  /** Makes room for `n` more bytes; returns the finished chunk when a new buffer was started. */
  reserve(n: number): Buffer | undefined {
    if (this.o + n <= this.buf.length) return undefined;
    const done = this.buf.subarray(0, this.o);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.o = 0;
    return done.length > 0 ? done : undefined;
  }

  /** Text; ASCII byte by byte, anything else through the UTF-8 encoder. */
  text(s: string): void {
    const buf = this.buf;
    let o = this.o;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.o = o + buf.write(s.slice(i), o, 'utf8');
        return;
      }
      buf[o++] = c;
    }
    this.o = o;
  }

  /** Blanks up to column `col` of the line that started at `lineStart` (none when already past it). */
  padTo(lineStart: number, col: number): void {
    let o = this.o;
    const end = lineStart + col;
    while (o < end) this.buf[o++] = 0x20;
    this.o = o;
  }
}

/**
 * Renders records as a zone file in prettyzone order and layout (owner, TTL when it differs from
 * `$TTL`, `IN`, type, data; a repeated owner left blank), with `$ORIGIN` so the file reads the
 * same anywhere. Yields UTF-8 chunks of about 128 KiB.
 */
export function* zoneChunks(records: readonly DnsRecord[], options: WriteZoneOptions): Generator<Uint8Array, void, undefined> {
  const zone = options.zone;
  const defaultTtl = mostCommonTtl(records);
  let head = `$ORIGIN ${absoluteName(zone)}\n$TTL ${defaultTtl}\n`;
  for (const c of options.comments ?? []) for (const line of c.split('\n')) if (line !== '') head += `; ${line}\n`;
  yield Buffer.from(head, 'utf8');
  const order = zoneFileOrder(records, zone);
  const direct = new Map<string, boolean>();
  const sink = new ByteSink();
  let prevName: string | undefined;
  for (let k = 0; k < order.length; k++) {
    const r = records[order[k]!]!;
    let isDirect = direct.get(r.type);
    if (isDirect === undefined) direct.set(r.type, (isDirect = recordModule(r.type)?.toZoneFile === undefined));
    const data = isDirect ? r.rdata : zoneFileText(r);
    const owner = r.name !== prevName ? relativeOwner(r.name, zone) : '';
    prevName = r.name;
    // 3 octets per UTF-16 unit at most, plus the columns, the TTL and the type.
    const done = sink.reserve(3 * (owner.length + data.length) + 64);
    if (done) yield done;
    const start = sink.o;
    if (owner !== '') {
      sink.text(owner);
      sink.buf[sink.o++] = 0x20;
    }
    sink.padTo(start, NAME_COL);
    if (r.ttl !== defaultTtl) {
      sink.text(String(r.ttl));
      sink.buf[sink.o++] = 0x20;
    }
    sink.padTo(start, TTL_COL);
    sink.text('IN ');
    sink.text(r.type);
    sink.buf[sink.o++] = 0x20;
    sink.padTo(start, DATA_COL);
    sink.text(data);
    sink.buf[sink.o++] = 0x0a;
  }
  if (sink.o > 0) yield sink.buf.subarray(0, sink.o);
}

/**
 * The rdata as a zone file holds it: the type's `toZoneFile` (TXT cut into 255-octet strings) when
 * it has one, else the canonical text itself, which is valid zone-file text (absolute names).
 */
function zoneFileText(r: DnsRecord): string {
  if (r.type === 'TXT') {
    const plain = plainTxtPieces(r.rdata);
    if (plain !== undefined) return plain;
  }
  const m = recordModule(r.type);
  if (m?.toZoneFile === undefined) return r.rdata;
  return m.toZoneFile(m.fromTokens(tokenizeRdata(r.rdata), '.'));
}

/**
 * The common TXT (short, or printable ASCII without escapes: SPF, DKIM) cut into 255-character
 * strings without parsing it; undefined for anything else, which the TXT module handles.
 */
function plainTxtPieces(rdata: string): string | undefined {
  const n = rdata.length;
  // At most 3 octets per UTF-16 unit: 85 units inside the quotes cannot exceed 255 octets.
  if (n <= 87) return rdata;
  if (rdata.charCodeAt(0) !== 0x22 || rdata.charCodeAt(n - 1) !== 0x22) return undefined;
  for (let i = 1; i < n - 1; i++) {
    const c = rdata.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return undefined;
  }
  let out = '';
  for (let i = 1; i < n - 1; i += 255) out += `${i > 1 ? ' ' : ''}"${rdata.slice(i, Math.min(i + 255, n - 1))}"`;
  return out;
}
