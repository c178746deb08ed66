/**
 * Engine changes → Cloud DNS additions and deletions. A deletion must match the existing record set
 * exactly (Cloud DNS answers 412 conditionNotMet otherwise), so it is the set as getRecords read it
 * in this run, byte for byte; an update is that deletion plus the addition of the desired set, in
 * one Change, which Cloud DNS applies atomically (deletions first).
 */
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { rrsetFromRecords, rrsetKey, type NativeRrset } from './convert.js';

/** An engine change with the record sets it deletes and adds. */
export interface PlannedChange {
  readonly change: Change;
  readonly deletion?: NativeRrset;
  readonly addition?: NativeRrset;
}

/** Finds the record set Cloud DNS holds at a name and type, as read in this run. */
export type NativeLookup = (name: string, type: string) => NativeRrset | undefined;

/** Builds a lookup from the records getRecords returned (their `native` field). */
export function nativeLookup(existing: readonly DnsRecord[]): NativeLookup {
  const map = new Map<string, NativeRrset>();
  for (const r of existing) if (r.native) map.set(rrsetKey(r.name, r.type), r.native as NativeRrset);
  return (name, type) => map.get(rrsetKey(name, type));
}

/**
 * Plans one rrset-granularity change. The deletion is the set as read when it is known; otherwise
 * (a plan whose reads are gone) it is rebuilt from the records, which Cloud DNS refuses with 412 if
 * anything differs, so nothing wrong can be deleted.
 */
export function planChange(change: Change, lookup: NativeLookup): PlannedChange {
  const type = change.type ?? '';
  const first = change.before[0];
  const deletion = first ? ((first.native as NativeRrset | undefined) ?? lookup(change.name, type) ?? rrsetFromRecords(change.name, type, change.before)) : undefined;
  const addition = change.after.length > 0 ? rrsetFromRecords(change.name, type, change.after) : undefined;
  return { change, ...(deletion ? { deletion } : {}), ...(addition ? { addition } : {}) };
}
