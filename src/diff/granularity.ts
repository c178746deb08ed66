import type { DnsRecord } from '../records/types.js';
import type { IdentityFn } from './identity.js';
import { compareTypes } from './order-keys.js';
import { sortByIdentity } from './targets.js';
import type { Change, Granularity, RecordChange } from './types.js';

/** Every existing and desired record at one name+type. */
export interface RrsetGroup {
  readonly name: string;
  readonly type: string;
  readonly existing: DnsRecord[];
  readonly desired: DnsRecord[];
}

/** An rrset with differences, and those differences in display order. */
export interface ChangedRrset {
  readonly group: RrsetGroup;
  readonly details: readonly RecordChange[];
}

function kindOf(before: readonly unknown[], after: readonly unknown[]): Change['kind'] {
  if (before.length === 0) return 'create';
  if (after.length === 0) return 'delete';
  return 'update';
}

function perRecord(c: ChangedRrset): Change[] {
  const { name, type } = c.group;
  return c.details.map((d): Change => {
    switch (d.kind) {
      case 'create':
        return { kind: 'create', name, type, before: [], after: [d.after], details: [d] };
      case 'delete':
        return { kind: 'delete', name, type, before: [d.before], after: [], details: [d] };
      default:
        return { kind: 'update', name, type, before: [d.before], after: [d.after], details: [d] };
    }
  });
}

function perRrset(c: ChangedRrset, identity: IdentityFn): Change {
  const { name, type, existing, desired } = c.group;
  const before = sortByIdentity(existing, identity);
  const after = sortByIdentity(desired, identity);
  return { kind: kindOf(before, after), name, type, before, after, details: c.details };
}

function labelRecords(groups: readonly RrsetGroup[], side: 'existing' | 'desired', identity: IdentityFn): DnsRecord[] {
  return groups
    .filter((g) => g[side].length > 0)
    .sort((a, b) => compareTypes(a.type, b.type))
    .flatMap((g) => sortByIdentity(g[side], identity));
}

/**
 * Turns changed rrsets (already in pre-sort order) into Changes at a provider's granularity:
 * `record` one per RecordChange, `rrset` and `zone` one per name+type with the full old and new
 * sets, `label` one per name with every type at it. `byName` must hold every rrset of the zone
 * (unchanged ones too) for `label` granularity, so a label's before/after sets are complete.
 */
export function buildChanges(
  changed: readonly ChangedRrset[],
  granularity: Granularity,
  identity: IdentityFn,
  byName?: { get(name: string): readonly RrsetGroup[] | undefined },
): Change[] {
  switch (granularity) {
    case 'record':
      return changed.flatMap(perRecord);
    case 'rrset':
    case 'zone':
      return changed.map((c) => perRrset(c, identity));
    case 'label': {
      const out: Change[] = [];
      const at = new Map<string, RecordChange[]>();
      for (const c of changed) {
        const list = at.get(c.group.name);
        if (list) list.push(...c.details);
        else {
          const details = [...c.details];
          at.set(c.group.name, details);
          const groups = byName?.get(c.group.name) ?? [c.group];
          const before = labelRecords(groups, 'existing', identity);
          const after = labelRecords(groups, 'desired', identity);
          out.push({ kind: kindOf(before, after), name: c.group.name, before, after, details });
        }
      }
      return out;
    }
  }
}
