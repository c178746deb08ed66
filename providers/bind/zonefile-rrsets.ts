import type { DnsRecord } from '../../src/records/types.js';

/**
 * Collects records as they are read and applies the load-time rules BIND applies (verified with
 * named-checkzone 9.18, 2026-11): an exact duplicate is dropped silently; a second, different SOA,
 * CNAME or DNAME at a name is "multiple RRs of singleton type"; CNAME beside other data is an
 * error; a record whose TTL differs from its RRset's first record takes that TTL ("TTL set to prior
 * TTL", a warning).
 *
 * Speed and memory matter here (a million records): names go into an open-addressing table of
 * typed arrays rather than a Map, and the records of one name are chained through an index array,
 * so a unique name costs a few bytes beyond its record. A name that collects many records gets a
 * summary so each insert stays O(1).
 */

/** What happened to a record offered to the store. */
export type AddOutcome =
  | { readonly kind: 'added' | 'duplicate' }
  | { readonly kind: 'ttl-changed'; readonly ttl: number }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

const SINGLETON = new Set(['SOA', 'CNAME', 'DNAME']);
/** Types BIND lets stand beside a CNAME (DNSSEC data about the CNAME itself). */
const AT_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'SIG', 'NXT', 'KEY']);

const ADDED: AddOutcome = { kind: 'added' };
const DUPLICATE: AddOutcome = { kind: 'duplicate' };
/** Chains longer than this get a summary instead of being walked. */
const LONG_CHAIN = 32;

interface NameSummary {
  readonly keys: Set<string>;
  readonly ttls: Map<string, number>;
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
  /** Open-addressing table: 1 + index of the first record of a name, 0 when empty. */
  private table = new Int32Array(1 << 12);
  private hashes = new Int32Array(1024);
  private next = new Int32Array(1024);
  private heads = 0;

  /** Offers a record; on 'ttl-changed' the stored record carries the RRset's TTL. */
  add(name: string, type: string, ttl: number, rdata: string): AddOutcome {
    const h = hashName(name);
    const mask = this.table.length - 1;
    let slot = h & mask;
    let head = -1;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) break;
      if (this.hashes[v - 1] === h && this.records[v - 1]!.name === name) {
        head = v - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (head < 0) {
      this.table[slot] = this.push({ name, type, ttl, rdata }, -1, h) + 1;
      if (++this.heads * 2 > this.table.length) this.grow();
      return ADDED;
    }
    const summary = this.summaries.get(name);
    if (summary !== undefined) return this.addSummarised(summary, head, name, type, ttl, rdata, h);
    let rrsetTtl = -1;
    let length = 0;
    for (let i = head; i >= 0; i = this.next[i]!) {
      const r = this.records[i]!;
      length++;
      if (r.type === type) {
        if (r.rdata === rdata) return DUPLICATE;
        if (SINGLETON.has(type)) return singletonError(name, type);
        rrsetTtl = r.ttl;
      } else if ((type === 'CNAME' && !AT_CNAME.has(r.type)) || (r.type === 'CNAME' && !AT_CNAME.has(type))) {
        return cnameError(name);
      }
    }
    const finalTtl = rrsetTtl >= 0 ? rrsetTtl : ttl;
    this.next[head] = this.push({ name, type, ttl: finalTtl, rdata }, this.next[head]!, h);
    if (length + 1 >= LONG_CHAIN) this.summarise(name, head);
    return finalTtl === ttl ? ADDED : { kind: 'ttl-changed', ttl: finalTtl };
  }

  private addSummarised(s: NameSummary, head: number, name: string, type: string, ttl: number, rdata: string, h: number): AddOutcome {
    const key = `${type} ${rdata}`;
    if (s.keys.has(key)) return DUPLICATE;
    if (SINGLETON.has(type) && s.ttls.has(type)) return singletonError(name, type);
    if (type === 'CNAME' ? [...s.ttls.keys()].some((t) => !AT_CNAME.has(t)) : !AT_CNAME.has(type) && s.ttls.has('CNAME')) {
      return cnameError(name);
    }
    const rrsetTtl = s.ttls.get(type);
    const finalTtl = rrsetTtl ?? ttl;
    this.next[head] = this.push({ name, type, ttl: finalTtl, rdata }, this.next[head]!, h);
    s.keys.add(key);
    if (rrsetTtl === undefined) s.ttls.set(type, ttl);
    return finalTtl === ttl ? ADDED : { kind: 'ttl-changed', ttl: finalTtl };
  }

  private summarise(name: string, head: number): void {
    const s: NameSummary = { keys: new Set(), ttls: new Map() };
    for (let i = head; i >= 0; i = this.next[i]!) {
      const r = this.records[i]!;
      s.keys.add(`${r.type} ${r.rdata}`);
      if (!s.ttls.has(r.type)) s.ttls.set(r.type, r.ttl);
    }
    this.summaries.set(name, s);
  }

  private push(rec: DnsRecord, next: number, hash: number): number {
    const idx = this.records.length;
    this.records.push(rec);
    if (idx === this.next.length) {
      this.next = grown(this.next, this.next.length * 2);
      this.hashes = grown(this.hashes, this.hashes.length * 2);
    }
    this.next[idx] = next;
    this.hashes[idx] = hash;
    return idx;
  }

  /** Doubles the table; only chain heads are in it, found again through their stored hashes. */
  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length - 1;
    for (let i = 0; i < old.length; i++) {
      const v = old[i]!;
      if (v === 0) continue;
      let slot = this.hashes[v - 1]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = v;
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
