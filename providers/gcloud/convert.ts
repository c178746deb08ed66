/**
 * Cloud DNS resource record sets ↔ zonesmith records. Cloud DNS keeps rrdatas in presentation
 * format (names absolute with a dot, TXT as quoted character-strings of at most 255 octets), which
 * is what the records registry reads and writes; every value is normalised here, once, as it
 * enters (principle 4 of STYLE.md), so a converged zone diffs empty however Cloud DNS spelled it.
 */
import { ZonesmithError } from '../../src/errors.js';
import { canonicalName } from '../../src/records/names.js';
import { canonicalRdata, getRecordType, zoneFileRdata } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';

/** A ResourceRecordSet as the Cloud DNS v1 API sends and takes it (the fields zonesmith uses). */
export interface NativeRrset {
  readonly kind?: string;
  /** Absolute, with the trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly rrdatas: readonly string[];
  readonly signatureRrdatas?: readonly string[];
  /** Geo, weighted round robin or failover routing (zonesmith leaves such sets alone). */
  readonly routingPolicy?: unknown;
}

/** What reading one record set gave: records, or why it is left alone. */
export type ReadResult =
  | { readonly kind: 'records'; readonly records: DnsRecord[] }
  | { readonly kind: 'skipped'; readonly reason: 'soa' | 'routing-policy' | 'unknown-type' };

/** A Cloud DNS owner name (`www.example.com.`) to zonesmith's form (`www.example.com`). */
export function nameFromGcloud(name: string): string {
  const fqdn = canonicalName(name.endsWith('.') ? name : `${name}.`, '.');
  return fqdn === '.' ? '.' : fqdn.slice(0, -1);
}

/** zonesmith's owner name to the absolute form Cloud DNS takes. */
export function nameToGcloud(name: string): string {
  return name === '.' ? '.' : `${name}.`;
}

/**
 * Converts one record set. SOA is skipped (Cloud DNS owns it, as DNSControl also skips it); so are
 * sets with a routing policy, which have no plain rrdatas, and types zonesmith does not know
 * (IPSECKEY, the legacy SPF): the caller reports them. Unreadable data of a known type throws
 * `gcloud-unreadable-record`, because a record zonesmith cannot see would be deleted.
 */
export function recordsFromRrset(rrset: NativeRrset, zone: string): ReadResult {
  const type = rrset.type.toUpperCase();
  if (type === 'SOA') return { kind: 'skipped', reason: 'soa' };
  if (rrset.routingPolicy !== undefined && rrset.routingPolicy !== null) return { kind: 'skipped', reason: 'routing-policy' };
  if (!getRecordType(type) || type === 'R53_ALIAS') return { kind: 'skipped', reason: 'unknown-type' };
  const name = nameFromGcloud(rrset.name);
  const origin = `${zone}.`;
  const records = (rrset.rrdatas ?? []).map((text): DnsRecord => {
    let rdata: string;
    try {
      rdata = canonicalRdata(type, text, origin);
    } catch (err) {
      throw new ZonesmithError('gcloud-unreadable-record', `${zone}: Cloud DNS holds ${name} ${type} "${text.slice(0, 80)}", which zonesmith cannot read: ${(err as Error).message}`, { cause: err });
    }
    return { name, type, ttl: rrset.ttl, rdata, native: rrset };
  });
  return { kind: 'records', records };
}

/** The rrdata Cloud DNS takes for canonical rdata (TXT split into quoted pieces of at most 255 octets). */
export function rdataToGcloud(type: string, rdata: string): string {
  return zoneFileRdata({ type, rdata });
}

/** The record set Cloud DNS should hold for records of one name and type (one TTL: the first's). */
export function rrsetFromRecords(name: string, type: string, records: readonly DnsRecord[]): NativeRrset {
  const first = records[0];
  if (!first) throw new Error(`no records for ${name} ${type}`);
  return { name: nameToGcloud(name), type, ttl: first.ttl, rrdatas: records.map((r) => rdataToGcloud(type, r.rdata)) };
}

/** The key of a record set within a zone: owner name (as zonesmith writes it) and type. */
export function rrsetKey(name: string, type: string): string {
  return `${name}\u0000${type}`;
}

const encoder = new TextEncoder();

/** Octets of resource record data a set counts against the per-change limit (UTF-8 of its rrdatas). */
export function rrdataBytes(rrset: NativeRrset): number {
  let n = 0;
  for (const d of rrset.rrdatas) n += isAscii(d) ? d.length : encoder.encode(d).length;
  return n;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
