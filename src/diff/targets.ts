import type { DnsRecord } from '../records/types.js';
import type { IdentityFn } from './identity.js';
import { compareStrings } from './order-keys.js';
import type { RecordChange } from './types.js';

interface Item {
  readonly rec: DnsRecord;
  readonly id: string;
}

function byIdThenTtl(a: Item, b: Item): number {
  return compareStrings(a.id, b.id) || a.rec.ttl - b.rec.ttl;
}

/**
 * Sorted items of one side; with `dedupe`, exact duplicates (same identity and TTL) are dropped:
 * an rrset is a set, and DNSControl's removeCommon treats both sides as sets in the same way.
 */
function items(recs: readonly DnsRecord[], identity: IdentityFn, dedupe: boolean): Item[] {
  const out: Item[] = [];
  const seen = dedupe && recs.length > 1 ? new Set<string>() : null;
  for (const rec of recs) {
    const id = identity(rec);
    if (seen) {
      const key = `${id}\0${rec.ttl}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ rec, id });
  }
  return out.sort(byIdThenTtl);
}

/** Sorts records canonically within one name+type: by identity, then TTL. */
export function sortByIdentity(recs: readonly DnsRecord[], identity: IdentityFn): DnsRecord[] {
  if (recs.length < 2) return recs.slice();
  return items(recs, identity, false).map((i) => i.rec);
}

/**
 * DNSControl's minimal-change algorithm for one name+type (`diffTargets`): drop exact matches, pair
 * equal rdata with different TTLs as TTL-only changes, pair what is left in sorted order as
 * updates, and the leftovers are deletes and creates. The result is in display order: TTL changes,
 * updates, deletes, creates. The number of changes is max(#existing, #desired) after the matches go.
 */
export function diffTargets(existing: readonly DnsRecord[], desired: readonly DnsRecord[], identity: IdentityFn): RecordChange[] {
  // The overwhelmingly common case in a large zone: one record on each side.
  if (existing.length === 1 && desired.length === 1) {
    const before = existing[0] as DnsRecord;
    const after = desired[0] as DnsRecord;
    if (identity(before) === identity(after)) return before.ttl === after.ttl ? [] : [{ kind: 'ttl', before, after }];
    return [{ kind: 'update', before, after }];
  }
  const e = items(existing, identity, true);
  const d = items(desired, identity, true);

  // 1. Exact matches (identity and TTL) leave both sides.
  const e1: Item[] = [];
  const d1: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < e.length && j < d.length) {
    const c = byIdThenTtl(e[i] as Item, d[j] as Item);
    if (c === 0) {
      i++;
      j++;
    } else if (c < 0) e1.push(e[i++] as Item);
    else d1.push(d[j++] as Item);
  }
  while (i < e.length) e1.push(e[i++] as Item);
  while (j < d.length) d1.push(d[j++] as Item);

  // 2. Same identity, different TTL: a TTL-only change.
  const out: RecordChange[] = [];
  const e2: Item[] = [];
  const d2: Item[] = [];
  i = 0;
  j = 0;
  while (i < e1.length && j < d1.length) {
    const a = e1[i] as Item;
    const b = d1[j] as Item;
    const c = compareStrings(a.id, b.id);
    if (c === 0) {
      out.push({ kind: 'ttl', before: a.rec, after: b.rec });
      i++;
      j++;
    } else if (c < 0) {
      e2.push(a);
      i++;
    } else {
      d2.push(b);
      j++;
    }
  }
  while (i < e1.length) e2.push(e1[i++] as Item);
  while (j < d1.length) d2.push(d1[j++] as Item);

  // 3. Pair the rest index by index; which old record becomes which new one is just sort order.
  const paired = Math.min(e2.length, d2.length);
  for (let k = 0; k < paired; k++) out.push({ kind: 'update', before: (e2[k] as Item).rec, after: (d2[k] as Item).rec });
  for (let k = paired; k < e2.length; k++) out.push({ kind: 'delete', before: (e2[k] as Item).rec });
  for (let k = paired; k < d2.length; k++) out.push({ kind: 'create', after: (d2[k] as Item).rec });
  return out;
}
