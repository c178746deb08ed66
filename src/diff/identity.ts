import type { DnsRecord } from '../records/types.js';
import { comparableRdata } from './record-view.js';

/** A record's identity within its name+type, TTL excluded (DNSControl's `comparableNoTTL`). */
export type IdentityFn = (rec: DnsRecord) => string;

/**
 * Builds the identity function for a provider: the comparable rdata, followed by ` key=value` for
 * each compared meta key the record carries (sorted, so the order the provider lists them in does
 * not matter). A record without a key and one with it differ, as in DNSControl's ComparableFunc.
 */
export function makeIdentity(comparedMeta: readonly string[] = []): IdentityFn {
  if (comparedMeta.length === 0) return comparableRdata;
  const keys = [...new Set(comparedMeta)].sort();
  return (rec) => {
    let out = comparableRdata(rec);
    const meta = rec.meta;
    if (meta) {
      for (const k of keys) {
        const v = meta[k];
        if (v !== undefined) out += ` ${k}=${v}`;
      }
    }
    return out;
  };
}

/** The `name\0type` grouping key; NUL cannot occur in a canonical name or a type. */
export function rrsetKey(rec: DnsRecord): string {
  return `${rec.name}\0${rec.type}`;
}
