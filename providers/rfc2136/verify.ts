/**
 * After a push: does the server hold what was desired? BIND and Knot answer NOERROR yet silently
 * skip some updates: a CNAME added beside other data, deletes of the apex NS RRset or the SOA
 * (RFC 2136 §3.4.2; verified with BIND 9.18 and Knot 3.2, dns-servers.md §A6, 2026-11).
 */
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { error, type Diagnostic } from '../../src/ir/diagnostic.js';
import { typeName } from '../../src/records/registry.js';
import { mayCompress, recordFromWire, rrsetKey, wireIdentity, wireRdata, wireRdataOf, type WireRecord } from './convert.js';

/** One difference between what was desired and what the server holds. */
export interface Discrepancy {
  /** missing: desired but not on the server; unexpected: on the server but not desired. */
  readonly kind: 'missing' | 'unexpected';
  readonly record: DnsRecord;
}

/** RRset keys the changes touch. */
export function touchedKeys(changes: readonly Change[]): Set<string> {
  const keys = new Set<string>();
  for (const c of changes) {
    for (const r of c.before) keys.add(rrsetKey(r.name, r.type));
    for (const r of c.after) keys.add(rrsetKey(r.name, r.type));
    if (c.type !== undefined && c.before.length === 0 && c.after.length === 0) keys.add(rrsetKey(c.name, c.type));
  }
  return keys;
}

/** Placeholder for a matched record in an indexed (large) RRset. */
const MATCHED: DnsRecord = Object.freeze({ name: '', type: '', ttl: -1, rdata: '' });

const show = (r: DnsRecord): string => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`;

/**
 * Compares the touched RRsets (rdata and TTL) the server transferred with the desired ones. Records
 * are matched by RRset and wire octets first, which needs no text formatting; only what is left
 * over is compared as canonical text, which also equates a TXT the server holds as "ab" "c" with
 * the desired "abc".
 */
export function findDiscrepancies(
  keys: ReadonlySet<string>,
  desired: readonly DnsRecord[],
  served: readonly WireRecord[],
  encoded?: Map<DnsRecord, Uint8Array>,
): Discrepancy[] {
  // Desired records not yet seen on the server, per RRset (a lone record is kept without an array).
  const pending = new Map<string, DnsRecord | DnsRecord[]>();
  for (const r of desired) {
    const key = rrsetKey(r.name, r.type);
    if (!keys.has(key)) continue;
    const had = pending.get(key);
    if (had === undefined) pending.set(key, r);
    else if (Array.isArray(had)) had.push(r);
    else pending.set(key, [had, r]);
  }
  const extra: WireRecord[] = [];
  // Large RRsets (hundreds of records at one name) are matched through an index, not a scan.
  const indexes = new Map<string, Map<string, number[]>>();
  const indexOfLarge = (key: string, list: DnsRecord[], ttl: number, rdata: Uint8Array): number => {
    let idx = indexes.get(key);
    if (!idx) {
      idx = new Map();
      list.forEach((r, i) => {
        const id = wireIdentity(r.ttl, wireRdata(r, encoded));
        idx!.set(id, [...(idx!.get(id) ?? []), i]);
      });
      indexes.set(key, idx);
    }
    const slots = idx.get(wireIdentity(ttl, rdata));
    const i = slots?.pop();
    if (i === undefined) return -1;
    // Matched entries are blanked, not removed, so the indexes stay valid.
    list[i] = MATCHED;
    return -2;
  };
  for (const rr of served) {
    if (rr.klass !== 1) continue;
    const key = rrsetKey(rr.owner === '.' ? '.' : rr.owner.slice(0, -1), typeName(rr.type));
    if (!keys.has(key)) continue;
    const had = pending.get(key);
    if (had !== undefined && !Array.isArray(had)) {
      if (sameAsServed(had, rr, encoded)) pending.delete(key);
      else extra.push(rr);
      continue;
    }
    const list = had;
    const at = list ? (list.length > 64 ? indexOfLarge(key, list, rr.ttl, wireRdataOf(rr)) : indexOfWire(list, rr.ttl, wireRdataOf(rr), encoded)) : -1;
    if (at === -2) continue;
    if (at < 0) {
      extra.push(rr);
      continue;
    }
    if (list!.length === 1) pending.delete(key);
    else {
      list![at] = list![list!.length - 1]!;
      list!.pop();
    }
  }
  const missing = [...pending.values()].flatMap((v) => (Array.isArray(v) ? v : [v])).filter((r) => r !== MATCHED);
  if (missing.length === 0 && extra.length === 0) return [];
  // Slow path for what is left: compare canonical text.
  const unexpected = extra.map(recordFromWire);
  const out: Discrepancy[] = [];
  const left = new Map<string, number>();
  for (const r of unexpected) left.set(show(r), (left.get(show(r)) ?? 0) + 1);
  const matched = new Map<string, number>();
  for (const r of missing) {
    const k = show(r);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      matched.set(k, (matched.get(k) ?? 0) + 1);
    } else out.push({ kind: 'missing', record: r });
  }
  for (const r of unexpected) {
    const k = show(r);
    const n = matched.get(k) ?? 0;
    if (n > 0) matched.set(k, n - 1);
    else out.push({ kind: 'unexpected', record: r });
  }
  return out;
}

/** True when desired `r` equals transferred `rr` in TTL and RDATA octets (compared in place, no copies). */
function sameAsServed(r: DnsRecord, rr: WireRecord, encoded?: Map<DnsRecord, Uint8Array>): boolean {
  if (r.ttl !== rr.ttl) return false;
  if (mayCompress(rr.type)) return sameWire(r, rr.ttl, wireRdataOf(rr), encoded);
  const w = wireRdata(r, encoded);
  if (w.length !== rr.rdLength) return false;
  const m = rr.msg;
  const at = rr.rdOffset;
  for (let i = 0; i < w.length; i++) if (w[i] !== m[at + i]) return false;
  return true;
}

/** True when `r` has this TTL and these RDATA octets. */
function sameWire(r: DnsRecord, ttl: number, rdata: Uint8Array, encoded?: Map<DnsRecord, Uint8Array>): boolean {
  if (r.ttl !== ttl) return false;
  const w = wireRdata(r, encoded);
  return w.length === rdata.length && Buffer.from(rdata.buffer, rdata.byteOffset, rdata.byteLength).equals(w);
}

/** Index of the desired record with this TTL and these RDATA octets; -1 when none. */
function indexOfWire(list: readonly DnsRecord[], ttl: number, rdata: Uint8Array, encoded?: Map<DnsRecord, Uint8Array>): number {
  for (let i = 0; i < list.length; i++) if (sameWire(list[i]!, ttl, rdata, encoded)) return i;
  return -1;
}

/** Diagnostics naming each discrepancy, for the error the provider throws. */
export function discrepancyDiagnostics(zone: string, list: readonly Discrepancy[]): Diagnostic[] {
  return list.map((d) =>
    error(
      d.kind === 'missing' ? 'rfc2136-record-not-added' : 'rfc2136-record-not-removed',
      d.kind === 'missing' ? `the server does not hold ${show(d.record)}` : `the server still holds ${show(d.record)}`,
      d.record.source,
      zone,
    ),
  );
}

/** One line per discrepancy, the first `max` of them. */
export function describeDiscrepancies(list: readonly Discrepancy[], max = 20): string {
  const lines = list.slice(0, max).map((d) => (d.kind === 'missing' ? `not added: ${show(d.record)}` : `not removed: ${show(d.record)}`));
  if (list.length > max) lines.push(`and ${list.length - max} more`);
  return lines.join('; ');
}
