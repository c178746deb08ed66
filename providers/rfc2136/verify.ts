/**
 * After a push: does the server hold what was desired? BIND and Knot answer NOERROR yet silently
 * skip some updates: a CNAME added beside other data, deletes of the apex NS RRset or the SOA
 * (RFC 2136 §3.4.2; verified with BIND 9.18 and Knot 3.2, dns-servers.md §A6, 2026-11).
 */
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { error, type Diagnostic } from '../../src/ir/diagnostic.js';
import { rrsetKey } from './convert.js';
import { groupByRrset } from './update-plan.js';

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
    for (const r of [...c.before, ...c.after]) keys.add(rrsetKey(r.name, r.type));
    if (c.type !== undefined) keys.add(rrsetKey(c.name, c.type));
  }
  return keys;
}

const show = (r: DnsRecord): string => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`;

/** Compares the touched RRsets (rdata and TTL) of the server's records with the desired ones. */
export function findDiscrepancies(keys: ReadonlySet<string>, desired: readonly DnsRecord[], served: readonly DnsRecord[]): Discrepancy[] {
  const want = groupByRrset(desired);
  const have = groupByRrset(served);
  const out: Discrepancy[] = [];
  for (const key of keys) {
    const w = want.get(key) ?? [];
    const h = have.get(key) ?? [];
    const hs = new Set(h.map(show));
    const ws = new Set(w.map(show));
    for (const r of w) if (!hs.has(show(r))) out.push({ kind: 'missing', record: r });
    for (const r of h) if (!ws.has(show(r))) out.push({ kind: 'unexpected', record: r });
  }
  return out;
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

/** One line per discrepancy (`+ missing`, `- still present`), the first `max` of them. */
export function describeDiscrepancies(list: readonly Discrepancy[], max = 20): string {
  const lines = list.slice(0, max).map((d) => (d.kind === 'missing' ? `not added: ${show(d.record)}` : `not removed: ${show(d.record)}`));
  if (list.length > max) lines.push(`and ${list.length - max} more`);
  return lines.join('; ');
}
