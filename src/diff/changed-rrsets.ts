import type { DnsRecord } from '../records/types.js';
import type { RrsetGroup } from './granularity.js';
import type { IdentityFn } from './identity.js';

/**
 * FNV-1a over UTF-16 code units, mixed with the length. `skip` trailing units are left out: every
 * name in a zone ends with the zone's name, so hashing it again for each record would be wasted
 * (any fixed function of the string is a valid hash; equal names still hash equally).
 */
function hashName(s: string, skip: number): number {
  let h = (0x811c9dc5 ^ s.length) | 0;
  const end = s.length - skip;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The names with differences, each with every record at it grouped by type. */
export interface ChangedNames {
  /** One list of rrsets per changed name: names the provider has (in its order), then names only the config has. */
  readonly names: readonly (readonly RrsetGroup[])[];
  /** The rrsets at a name, when the name changed. */
  get(name: string): readonly RrsetGroup[] | undefined;
}

/**
 * Finds the names whose records differ, and groups every record at those names by type.
 *
 * The minimal-change algorithm first removes exact matches (same name, type, identity and TTL),
 * and that step does not depend on the rest of the rrset, so it can run over the whole zone at
 * once. Only names left with an unmatched record need the full per-rrset treatment, which keeps a
 * large, mostly unchanged zone to one hashed lookup per record and no allocation per unchanged one.
 */
export function changedRrsetsByName(
  existing: readonly DnsRecord[],
  desired: readonly DnsRecord[],
  identity: IdentityFn,
  opts: { readonly zone: string; readonly rdataIsIdentity: boolean },
): ChangedNames {
  const skip = opts.zone.length;
  const ne = existing.length;
  const nd = desired.length;
  // Existing owner names are interned into dense slot numbers with an open-addressing table over
  // typed arrays, sized up front: nothing is allocated per name and the table never rehashes. A
  // slot remembers the first existing record with its name. Measured 2026-07 on Node 20: about
  // twice as fast as a Map<string, number> for a million names. Memory is kept small on purpose:
  // a large allocation here triggers a full GC of the (large) heap holding the zone's records.
  let cap = 16;
  while (cap < ne * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const slotRef = new Int32Array(ne);
  let slots = 0;
  const slotOf = (name: string, create: number): number => {
    let h = hashName(name, skip) & mask;
    for (;;) {
      const s = table[h] as number;
      if (s === -1) break;
      if ((existing[slotRef[s] as number] as DnsRecord).name === name) return s;
      h = (h + 1) & mask;
    }
    if (create < 0) return -1;
    table[h] = slots;
    slotRef[slots] = create;
    return slots++;
  };

  // Existing records at one name form a chain: head[slot] → next[i] → ... → -1.
  const head = new Int32Array(ne).fill(-1);
  const next = new Int32Array(ne).fill(-1);
  for (let i = 0; i < ne; i++) {
    const s = slotOf((existing[i] as DnsRecord).name, i);
    next[i] = head[s] as number;
    head[s] = i;
  }

  const matched = new Uint8Array(ne);
  const dSlot = new Int32Array(nd);
  const flag = new Uint8Array(slots);
  const changed: number[] = [];
  const mark = (s: number): void => {
    if (flag[s] === 0) {
      flag[s] = 1;
      changed.push(s);
    }
  };
  // Names only the config has (new names): few in a mostly converged zone, grouped by a Map.
  const fresh = new Map<string, RrsetGroup[]>();
  for (let j = 0; j < nd; j++) {
    const d = desired[j] as DnsRecord;
    const s = slotOf(d.name, -1);
    dSlot[j] = s;
    if (s < 0) {
      if (!fresh.has(d.name)) fresh.set(d.name, []);
      continue;
    }
    let found = false;
    let dId: string | undefined;
    for (let i = head[s] as number; i >= 0; i = next[i] as number) {
      if (matched[i]) continue;
      const e = existing[i] as DnsRecord;
      if (e.type !== d.type || e.ttl !== d.ttl) continue;
      // Without compared meta, equal rdata means equal identity; only different rdata (an SOA
      // serial) needs the identity function.
      if ((opts.rdataIsIdentity && e.rdata === d.rdata) || identity(e) === (dId ??= identity(d))) {
        matched[i] = 1;
        found = true;
        break;
      }
    }
    if (!found) mark(s);
  }
  for (let i = 0; i < ne; i++) if (!matched[i]) mark(slotOf((existing[i] as DnsRecord).name, -1));

  // Groups are kept per slot (a dense array), so no second name-keyed table is built.
  changed.sort((a, b) => a - b);
  const bySlot: (RrsetGroup[] | undefined)[] = new Array<RrsetGroup[] | undefined>(slots);
  const groupIn = (list: RrsetGroup[], name: string, type: string): RrsetGroup => {
    for (const g of list) if (g.type === type) return g;
    const g: RrsetGroup = { name, type, existing: [], desired: [] };
    list.push(g);
    return g;
  };
  for (const s of changed) {
    const list: RrsetGroup[] = (bySlot[s] = []);
    const idx: number[] = [];
    for (let i = head[s] as number; i >= 0; i = next[i] as number) idx.push(i);
    idx.sort((a, b) => a - b);
    for (const i of idx) {
      const e = existing[i] as DnsRecord;
      groupIn(list, e.name, e.type).existing.push(e);
    }
  }
  for (let j = 0; j < nd; j++) {
    const s = dSlot[j] as number;
    const d = desired[j] as DnsRecord;
    if (s >= 0) {
      if (flag[s] === 1) groupIn(bySlot[s] as RrsetGroup[], d.name, d.type).desired.push(d);
    } else {
      groupIn(fresh.get(d.name) as RrsetGroup[], d.name, d.type).desired.push(d);
    }
  }
  return {
    names: [...changed.map((s) => bySlot[s] as RrsetGroup[]), ...fresh.values()],
    get: (name) => {
      const s = slotOf(name, -1);
      return s >= 0 ? (flag[s] === 1 ? bySlot[s] : undefined) : fresh.get(name);
    },
  };
}
