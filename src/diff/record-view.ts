import * as registry from '../records/registry.js';
import type { DnsRecord } from '../records/types.js';

/*
 * The three views of a record the diff needs, from the records registry, made total: a record a
 * provider returned with a type or rdata the registry cannot parse is still diffed, by its text
 * (identity = rdata, target = rdata, no dependencies), instead of aborting the whole zone.
 */

// Types whose module defines its own comparable form (SOA); for every other type the identity is the
// canonical rdata itself, and skipping the registry for them keeps a million-record diff fast.
const hasComparable = new Map<string, boolean>();

function needsComparable(type: string): boolean {
  let v = hasComparable.get(type);
  if (v === undefined) {
    v = registry.getRecordType(type)?.comparable !== undefined;
    hasComparable.set(type, v);
  }
  return v;
}

/** The rdata compared for identity: the canonical text, except where a type says otherwise (SOA ignores its serial). */
export function comparableRdata(rec: DnsRecord): string {
  if (!needsComparable(rec.type)) return rec.rdata;
  try {
    return registry.comparableRdata(rec);
  } catch {
    return rec.rdata;
  }
}

/** What IGNORE's target glob matches: the name a record points at, or a TXT record's text. */
export function recordTarget(rec: DnsRecord): string {
  try {
    return registry.recordTarget(rec);
  } catch {
    return rec.rdata;
  }
}

// DNSControl orders by the targets of these types only (models/record.go: GetDependencies); the
// check also spares parsing the rdata of the other 90% of a zone.
const NONE: readonly string[] = [];
const HAS_DEPENDENCIES = new Set(['NS', 'SRV', 'CNAME', 'DNAME', 'MX', 'ALIAS', 'R53_ALIAS']);

/** Names a record points at (absolute, with a trailing dot), for ordering changes. */
export function recordDependencies(rec: DnsRecord): readonly string[] {
  if (!HAS_DEPENDENCIES.has(rec.type)) return NONE;
  try {
    return registry.recordDependencies(rec).map((n) => n.toLowerCase());
  } catch {
    return NONE;
  }
}
