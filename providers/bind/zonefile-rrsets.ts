import type { DnsRecord } from '../../src/records/types.js';

/**
 * Collects records as they are read and applies the load-time rules BIND applies (verified with
 * named-checkzone and named-compilezone 9.18, 2026-11):
 * - an exact duplicate is dropped;
 * - a second, different SOA, CNAME or DNAME at a name is "multiple RRs of singleton type";
 * - CNAME beside other data is an error;
 * - TTLs of one RRset: BIND loads a zone in batches of consecutive records with the same owner.
 *   Within a batch a record takes the RRset's first TTL ("TTL set to prior TTL", a warning); a
 *   later batch replaces the TTL of the whole RRset with its own, silently. So `a 60 A x`,
 *   `b ...`, `a 90 A y` gives both `a` records TTL 90, even when `y` repeats `x`.
 *
 * Speed and memory matter here (a million records): names go into an open-addressing table of
 * typed arrays rather than a Map, and the records of one name are chained through an index array,
 * so a unique name costs a few bytes beyond its record. A name that collects many records gets a
 * summary so each insert stays O(1).
 */

/** What happened to a record offered to the store. */
export type AddOutcome =
  | { readonly kind: 'added' | 'duplicate' }
  /** Same batch, different TTL: the record took the RRset's TTL (BIND: "TTL set to prior TTL"). */
  | { readonly kind: 'ttl-prior'; readonly ttl: number }
  /** A later batch with another TTL: the whole RRset now has this record's TTL. */
  | { readonly kind: 'ttl-replaced'; readonly previous: number }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

const SINGLETON = new Set(['SOA', 'CNAME', 'DNAME']);
/** Types BIND lets stand beside a CNAME (DNSSEC data about the CNAME itself). */
const AT_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'SIG', 'NXT', 'KEY']);

const ADDED: AddOutcome = { kind: 'added' };
const DUPLICATE: AddOutcome = { kind: 'duplicate' };
/** Chains longer than this get a summary instead of being walked. */
const LONG_CHAIN = 32;

interface RrsetState {
  ttl: number;
  batch: number;
}

interface NameSummary {
  readonly keys: Set<string>;
  readonly rrsets: Map<string, RrsetState>;
}

/** FNV-1a over the UTF-16 units; never 0, so 0 can mean "empty slot". */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 1;
}

/** The records read so far, in file order, with the per-name rules above. */
export class RecordStore {
  /** Accepted records, in the order they were read. */
  readonly records: DnsRecord[] = [];
  private readonly summaries = new Map<string, NameSummary>();
  /**
   * Open-addressing table of slot pairs [hash, 1 + index of the first record of the name]; 0 marks
   * an empty slot. The hash sits next to the index so a probe touches one cache line.
   */
  private table = new Int32Array(2 << 12);
  private next = new Int32Array(1024);
  private batches = new Int32Array(1024);
  private heads = 0;

  /** Offers a record read in `batch` (a run of consecutive records with one owner). */
  add(name: string, type: string, ttl: number, rdata: string, batch: number): AddOutcome {
    const h = hashName(name);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = h & mask;
    let head = -1;
    for (;;) {
      const v = table[2 * slot + 1]!;
      if (v === 0) break;
      if (table[2 * slot] === h && this.records[v - 1]!.name === name) {
        head = v - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (head < 0) {
      table[2 * slot] = h;
      table[2 * slot + 1] = this.push({ name, type, ttl, rdata }, -1, batch) + 1;
      if (++this.heads > mask >> 1) this.grow();
      return ADDED;
    }
    const summary = this.summaries.get(name);
    let duplicate = false;
    let rrset: RrsetState | undefined;
    if (summary !== undefined) {
      duplicate = summary.keys.has(`${type} ${rdata}`);
      rrset = summary.rrsets.get(type);
      if (!duplicate && rrset !== undefined && SINGLETON.has(type)) return singletonError(name, type);
      if (type === 'CNAME' ? [...summary.rrsets.keys()].some((t) => !AT_CNAME.has(t)) : !AT_CNAME.has(type) && summary.rrsets.has('CNAME')) {
        return cnameError(name);
      }
    } else {
      for (let i = head; i >= 0; i = this.next[i]!) {
        const r = this.records[i]!;
        if (r.type === type) {
          if (r.rdata === rdata) duplicate = true;
          else if (SINGLETON.has(type)) return singletonError(name, type);
          const b = this.batches[i]!;
          if (rrset === undefined) rrset = { ttl: r.ttl, batch: b };
          else if (b > rrset.batch) rrset.batch = b;
        } else if ((type === 'CNAME' && !AT_CNAME.has(r.type)) || (r.type === 'CNAME' && !AT_CNAME.has(type))) {
          return cnameError(name);
        }
      }
    }
    let outcome = ADDED;
    let finalTtl = ttl;
    if (rrset !== undefined) {
      if (rrset.ttl !== ttl && rrset.batch === batch) {
        finalTtl = rrset.ttl;
        outcome = { kind: 'ttl-prior', ttl: finalTtl };
      } else if (rrset.ttl !== ttl) {
        outcome = { kind: 'ttl-replaced', previous: rrset.ttl };
        this.setRrsetTtl(head, type, ttl, batch);
      } else if (duplicate && batch > rrset.batch && summary === undefined) {
        // The repeat joins this batch, so later records of the batch take its TTL.
        this.setRrsetTtl(head, type, ttl, batch);
      }
      if (summary !== undefined) summary.rrsets.set(type, { ttl: finalTtl, batch: Math.max(rrset.batch, batch) });
    }
    if (duplicate) return outcome === ADDED ? DUPLICATE : outcome;
    this.next[head] = this.push({ name, type, ttl: finalTtl, rdata }, this.next[head]!, batch);
    if (summary !== undefined) {
      summary.keys.add(`${type} ${rdata}`);
      if (rrset === undefined) summary.rrsets.set(type, { ttl: finalTtl, batch });
    } else if (this.chainLength(head) >= LONG_CHAIN) this.summarise(name, head);
    return outcome;
  }

  /** Gives every record of one RRset a TTL (a later batch's), and marks it as touched in `batch`. */
  private setRrsetTtl(head: number, type: string, ttl: number, batch: number): void {
    for (let i = head; i >= 0; i = this.next[i]!) {
      const r = this.records[i]!;
      if (r.type !== type) continue;
      if (r.ttl !== ttl) this.records[i] = { name: r.name, type: r.type, ttl, rdata: r.rdata };
      this.batches[i] = batch;
    }
  }

  private chainLength(head: number): number {
    let n = 0;
    for (let i = head; i >= 0 && n < LONG_CHAIN; i = this.next[i]!) n++;
    return n;
  }

  private summarise(name: string, head: number): void {
    const s: NameSummary = { keys: new Set(), rrsets: new Map() };
    for (let i = head; i >= 0; i = this.next[i]!) {
      const r = this.records[i]!;
      s.keys.add(`${r.type} ${r.rdata}`);
      const st = s.rrsets.get(r.type);
      if (st === undefined) s.rrsets.set(r.type, { ttl: r.ttl, batch: this.batches[i]! });
      else if (this.batches[i]! > st.batch) st.batch = this.batches[i]!;
    }
    this.summaries.set(name, s);
  }

  private push(rec: DnsRecord, next: number, batch: number): number {
    const idx = this.records.length;
    this.records.push(rec);
    if (idx === this.next.length) {
      this.next = grown(this.next, this.next.length * 2);
      this.batches = grown(this.batches, this.batches.length * 2);
    }
    this.next[idx] = next;
    this.batches[idx] = batch;
    return idx;
  }

  /** Doubles the table; only chain heads are in it, each with its hash. */
  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const v = old[i + 1]!;
      if (v === 0) continue;
      const h = old[i]!;
      let slot = h & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = v;
    }
    this.table = table;
  }
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function singletonError(name: string, type: string): AddOutcome {
  return { kind: 'error', code: 'zonefile-multiple-singleton', message: `${name}: a second, different ${type} record (only one ${type} may exist at a name)` };
}

function cnameError(name: string): AddOutcome {
  return { kind: 'error', code: 'zonefile-cname-and-other', message: `${name}: CNAME and other data at the same name` };
}
