/**
 * Engine changes → Route 53 ChangeBatch elements. A creation is a CREATE (it counts once, where an
 * UPSERT counts twice); a deletion is a DELETE carrying the record set exactly as Route 53 holds it;
 * an update is an UPSERT of the full desired set, or a DELETE of the old set plus a CREATE of the
 * new one when that weighs less against the request limits and the old set is known exactly.
 */
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { META_ALIAS_ZONE, META_EVALUATE_HEALTH, parseAlias, R53_ALIAS } from './alias.js';
import { ROUTE53_LIMITS, totalWeight, type NativeChange, type PlannedChange } from './batch.js';
import { rrsetFromAlias, rrsetFromRecords } from './convert.js';

/** Looks up the record set Route 53 holds for an existing record (from getRecords in this run). */
export type NativeLookup = (record: DnsRecord) => ResourceRecordSet | undefined;

/** Builds a lookup from the records getRecords returned (their `native` field), keyed by identity. */
export function nativeLookup(existing: readonly DnsRecord[]): NativeLookup {
  const map = new Map<string, ResourceRecordSet>();
  for (const r of existing) {
    if (r.native) map.set(identity(r), r.native as ResourceRecordSet);
  }
  return (record) => (record.native as ResourceRecordSet | undefined) ?? map.get(identity(record));
}

function identity(r: DnsRecord): string {
  return `${r.name}\u0000${r.type}\u0000${r.rdata}`;
}

/** Plans one engine change. `zoneId` is the bare id of the zone (default alias target zone). */
export function planChange(change: Change, zoneId: string, zoneName: string, lookup: NativeLookup): PlannedChange {
  if (change.type === R53_ALIAS) return { change, natives: planAlias(change, zoneId, lookup) };
  const type = change.type ?? '';
  const natives: NativeChange[] = [];
  const oldSets = exactExisting(change.before, lookup);
  if (change.kind === 'delete') {
    for (const rrset of oldSets ?? [rrsetFromRecords(change.name, type, change.before)]) natives.push({ action: 'DELETE', rrset });
    return { change, natives };
  }
  const desired = rrsetFromRecords(change.name, type, change.after);
  if (change.kind === 'create') return { change, natives: [{ action: 'CREATE', rrset: desired }] };
  // Update. The apex NS and SOA must never be absent, even inside a batch: always UPSERT them.
  const apexSpecial = change.name === zoneName && (type === 'NS' || type === 'SOA');
  const upsert: NativeChange[] = [{ action: 'UPSERT', rrset: desired }];
  if (!oldSets || apexSpecial) return { change, natives: upsert };
  const replace: NativeChange[] = [...oldSets.map((rrset): NativeChange => ({ action: 'DELETE', rrset })), { action: 'CREATE', rrset: desired }];
  // A legacy SPF set shown as TXT must go, or it would stay beside the new TXT set forever.
  if (oldSets.some((s) => s.Type !== type)) return { change, natives: replace };
  return { change, natives: lighter(replace, upsert) };
}

function planAlias(change: Change, zoneId: string, lookup: NativeLookup): NativeChange[] {
  // One R53_ALIAS change covers every alias at the name; each alias type is its own record set.
  const before = new Map(change.before.map((r) => [parseAlias(r.rdata).aliasType, r]));
  const after = new Map(change.after.map((r) => [parseAlias(r.rdata).aliasType, r]));
  const natives: NativeChange[] = [];
  for (const [aliasType, old] of before) {
    if (after.has(aliasType)) continue;
    natives.push({ action: 'DELETE', rrset: lookup(old) ?? rrsetFromAlias(old, zoneId) });
  }
  for (const [aliasType, rec] of after) {
    const old = before.get(aliasType);
    if (old && sameAlias(old, rec)) continue;
    natives.push({ action: before.has(aliasType) ? 'UPSERT' : 'CREATE', rrset: rrsetFromAlias(rec, zoneId) });
  }
  return natives;
}

function sameAlias(a: DnsRecord, b: DnsRecord): boolean {
  return a.rdata === b.rdata && (a.meta?.[META_ALIAS_ZONE] ?? '') === (b.meta?.[META_ALIAS_ZONE] ?? '')
    && (a.meta?.[META_EVALUATE_HEALTH] ?? 'false') === (b.meta?.[META_EVALUATE_HEALTH] ?? 'false');
}

/**
 * The record sets holding `records` exactly as Route 53 returned them, or undefined when any record
 * has none (a plan read back from JSON without this run's reads): then only an UPSERT is safe.
 */
function exactExisting(records: readonly DnsRecord[], lookup: NativeLookup): ResourceRecordSet[] | undefined {
  const sets: ResourceRecordSet[] = [];
  for (const r of records) {
    const n = lookup(r);
    if (!n) return undefined;
    if (!sets.includes(n)) sets.push(n);
  }
  return sets.length > 0 ? sets : undefined;
}

/**
 * The alternative that fits one request when only one does; else the one that weighs less in both
 * limits; UPSERT when neither is lighter in both.
 */
function lighter(replace: NativeChange[], upsert: NativeChange[]): NativeChange[] {
  const a = totalWeight(replace);
  const b = totalWeight(upsert);
  const fits = (w: { records: number; chars: number }): boolean => w.records <= ROUTE53_LIMITS.records && w.chars <= ROUTE53_LIMITS.chars;
  if (fits(a) !== fits(b)) return fits(a) ? replace : upsert;
  const replaceNoWorse = a.records <= b.records && a.chars <= b.chars;
  const replaceBetter = a.records < b.records || a.chars < b.chars;
  return replaceNoWorse && replaceBetter ? replace : upsert;
}
