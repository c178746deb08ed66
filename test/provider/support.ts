/**
 * Record and apply helpers every provider's tests use the same way: zone references, desired
 * records in canonical form, many A records, comparable zone views, and an ApplyContext that keeps
 * what the provider reports.
 */
import type { Change } from '../../src/diff/types.js';
import type { ApplyContext, ZoneRef } from '../../src/provider/types.js';
import { canonicalRdata } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';

/** A zone reference with optional domain meta. */
export function zoneRef(name: string, meta: Record<string, string> = {}): ZoneRef {
  return { name, meta };
}

/** A desired record with canonical rdata (relative names resolve against `zone`). */
export function rec(zone: string, label: string, type: string, text: string, ttl = 300, meta?: Record<string, string>): DnsRecord {
  const name = label === '@' ? zone : `${label}.${zone}`;
  return { name, type, ttl, rdata: canonicalRdata(type, text, `${zone}.`), ...(meta ? { meta } : {}) };
}

/** Many single-value A records `prefix00000.zone` … (the conformance suite's manyA). */
export function manyA(zone: string, prefix: string, n: number, ip = '192.0.2.1', ttl = 300): DnsRecord[] {
  return Array.from({ length: n }, (_v, i) => rec(zone, `${prefix}${String(i).padStart(5, '0')}`, 'A', ip, ttl));
}

/** Records as sortable lines (`name ttl type rdata`), for comparing zones. */
export function view(rs: readonly DnsRecord[]): string[] {
  return rs.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`).sort();
}

/** An ApplyContext that records what the provider reports: each committed batch, each log line. */
export function applyContext(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): ApplyContext & { batches: Change[][]; lines: string[] } {
  const batches: Change[][] = [];
  const lines: string[] = [];
  return { desired, existing, applied: (c) => batches.push([...c]), log: (l) => lines.push(l), batches, lines };
}

/**
 * The desired records plus the zone's existing apex NS when the config names none, as the engine
 * does (it adds the provider's nameservers); tests keep whatever apex NS the zone has.
 */
export function withApexNs(desired: readonly DnsRecord[], existing: readonly DnsRecord[], zone: ZoneRef): DnsRecord[] {
  if (desired.some((r) => r.name === zone.name && r.type === 'NS')) return [...desired];
  return [...desired, ...existing.filter((r) => r.name === zone.name && r.type === 'NS').map(({ native: _n, ...r }) => r)];
}

/** The zone as it must be when exactly `applied` (rrset changes) went through: every other set untouched. */
export function expectedAfterRrsets(existing: readonly DnsRecord[], applied: readonly Change[]): string[] {
  const touched = new Set(applied.map((c) => `${c.name}|${c.type}`));
  return view([...existing.filter((r) => !touched.has(`${r.name}|${r.type}`)), ...applied.flatMap((c) => c.after)]);
}
