import type { DnsRecord } from '../../src/records/types.js';

/**
 * Collects records as they are read and applies the load-time rules BIND applies (verified with
 * named-checkzone 9.18, 2026-11): an exact duplicate is dropped silently; a second, different SOA,
 * CNAME or DNAME at a name is "multiple RRs of singleton type"; CNAME beside other data is an
 * error; a record whose TTL differs from its RRset's first record takes that TTL ("TTL set to prior
 * TTL", a warning).
 *
 * Names are chained through one index array, so a million unique names cost one Map entry each;
 * a name that collects many records gets a summary so each insert stays O(1).
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
  readonly singletons: Map<string, string>;
}

/** The records read so far, in file order, with the per-name rules above. */
export class RecordStore {
  /** Accepted records, in the order they were read. */
  readonly records: DnsRecord[] = [];
  private readonly heads = new Map<string, number>();
  private readonly summaries = new Map<string, NameSummary>();
  private next = new Int32Array(1024);

  /** Offers a record; on 'ttl-changed' the stored record carries the RRset's TTL. */
  add(name: string, type: string, ttl: number, rdata: string): AddOutcome {
    const head = this.heads.get(name);
    if (head === undefined) {
      this.heads.set(name, this.push({ name, type, ttl, rdata }, -1));
      return ADDED;
    }
    const summary = this.summaries.get(name);
    if (summary !== undefined) return this.addSummarised(summary, head, name, type, ttl, rdata);
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
    const idx = this.push({ name, type, ttl: finalTtl, rdata }, this.next[head]!);
    this.next[head] = idx;
    if (length + 1 >= LONG_CHAIN) this.summarise(name, head);
    return finalTtl === ttl ? ADDED : { kind: 'ttl-changed', ttl: finalTtl };
  }

  private addSummarised(s: NameSummary, head: number, name: string, type: string, ttl: number, rdata: string): AddOutcome {
    const key = `${type} ${rdata}`;
    if (s.keys.has(key)) return DUPLICATE;
    if (SINGLETON.has(type) && s.singletons.has(type)) return singletonError(name, type);
    if (type === 'CNAME' ? [...s.ttls.keys()].some((t) => !AT_CNAME.has(t)) : !AT_CNAME.has(type) && s.ttls.has('CNAME')) {
      return cnameError(name);
    }
    const rrsetTtl = s.ttls.get(type);
    const finalTtl = rrsetTtl ?? ttl;
    const idx = this.push({ name, type, ttl: finalTtl, rdata }, this.next[head]!);
    this.next[head] = idx;
    s.keys.add(key);
    if (rrsetTtl === undefined) s.ttls.set(type, ttl);
    if (SINGLETON.has(type)) s.singletons.set(type, rdata);
    return finalTtl === ttl ? ADDED : { kind: 'ttl-changed', ttl: finalTtl };
  }

  private summarise(name: string, head: number): void {
    const s: NameSummary = { keys: new Set(), ttls: new Map(), singletons: new Map() };
    for (let i = head; i >= 0; i = this.next[i]!) {
      const r = this.records[i]!;
      s.keys.add(`${r.type} ${r.rdata}`);
      if (!s.ttls.has(r.type)) s.ttls.set(r.type, r.ttl);
      if (SINGLETON.has(r.type)) s.singletons.set(r.type, r.rdata);
    }
    this.summaries.set(name, s);
  }

  private push(rec: DnsRecord, next: number): number {
    const idx = this.records.length;
    this.records.push(rec);
    if (idx === this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[idx] = next;
    return idx;
  }
}

function singletonError(name: string, type: string): AddOutcome {
  return { kind: 'error', code: 'zonefile-multiple-singleton', message: `${name}: a second, different ${type} record (only one ${type} may exist at a name)` };
}

function cnameError(name: string): AddOutcome {
  return { kind: 'error', code: 'zonefile-cname-and-other', message: `${name}: CNAME and other data at the same name` };
}
