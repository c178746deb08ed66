import type { RdataIssue, DnsRecord } from '../../src/records/types.js';
import { comparableRdata } from '../../src/records/registry.js';
import type { BindSettings } from './settings.js';
import { defaultSoa, nextSerial, soaFields, withSerial } from './soa.js';

/**
 * Between the records the engine works with and the zone file: the SOA and the apex NS a zone
 * file must have (named-checkzone refuses a zone without them), kept out of the diff unless the
 * config manages them.
 *
 * - SOA: when the config has none, the file's SOA is carried into the desired state unchanged
 *   (so no SOA change ever shows); a zone without one gets one from default_soa when written.
 *   When the config has one, it is used, and only the serial is the provider's.
 * - Apex NS: the engine puts NAMESERVER() names and default_ns (through `nameservers()`) into the
 *   desired state, or keeps the file's apex NS when none are declared. A zone that would still
 *   have none gets default_ns, else the SOA's primary, when written.
 */

/** The SOA among records, if any. */
export function findSoa(records: readonly DnsRecord[]): DnsRecord | undefined {
  for (const r of records) if (r.type === 'SOA') return r;
  return undefined;
}

/** Desired records as the file will hold them: the existing SOA added, or the config's SOA given the file's serial. */
export function prepareDesiredRecords(records: readonly DnsRecord[], existingSoa: DnsRecord | undefined): DnsRecord[] {
  const soa = findSoa(records);
  if (soa === undefined) return existingSoa ? [...records, existingSoa] : [...records];
  if (existingSoa === undefined) return [...records];
  const serial = soaFields(existingSoa.rdata).serial;
  return records.map((r) => (r === soa ? withSerial(r, serial) : r));
}

/**
 * What to write for a zone, or null when the file already holds exactly this content (then the
 * serial is not bumped either). The new serial is above both the file's and `floorSerial`.
 */
export function recordsToWrite(
  desired: readonly DnsRecord[],
  existing: readonly DnsRecord[],
  zone: string,
  settings: BindSettings,
  now: Date,
  floorSerial: number,
): DnsRecord[] | null {
  const existingSoa = findSoa(existing);
  const desiredSoa = findSoa(desired);
  let soa = desiredSoa ?? existingSoa ?? defaultSoa(zone, settings.defaultSoa, settings.defaultNs);
  const content = desired.filter((r) => r.type !== 'SOA');
  if (!content.some((r) => r.type === 'NS' && r.name === zone)) {
    const targets = settings.defaultNs.length > 0 ? settings.defaultNs : [soaFields(soa.rdata).mname];
    for (const t of targets) content.push({ name: zone, type: 'NS', ttl: soa.ttl, rdata: t });
  }
  if (existingSoa !== undefined && sameContent([soa, ...content], existing)) return null;
  const base = Math.max(existingSoa ? soaFields(existingSoa.rdata).serial : 0, soaFields(soa.rdata).serial, floorSerial);
  soa = withSerial(soa, nextSerial(base, now));
  return [soa, ...content];
}

function recordKey(r: DnsRecord): string {
  return `${r.name}\u0000${r.type}\u0000${r.ttl}\u0000${comparableRdata(r)}`;
}

/** Multiset equality by name, type, TTL and identity (an SOA serial does not count). */
export function sameContent(a: readonly DnsRecord[], b: readonly DnsRecord[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const r of a) {
    const k = recordKey(r);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const r of b) {
    const k = recordKey(r);
    const c = counts.get(k);
    if (!c) return false;
    if (c === 1) counts.delete(k);
    else counts.set(k, c - 1);
  }
  return counts.size === 0;
}

/**
 * Desired records BIND would refuse to load (verified with named-checkzone 9.18, 2026-11): an apex
 * NS whose in-zone target has no A/AAAA ("has no address records") or is a CNAME, and a DNAME at
 * the apex (the NS records would sit below it).
 */
export function auditRecords(records: readonly DnsRecord[], zone: string): { record: DnsRecord; issue: RdataIssue }[] {
  const out: { record: DnsRecord; issue: RdataIssue }[] = [];
  const byName = new Map<string, Set<string>>();
  for (const r of records) {
    let s = byName.get(r.name);
    if (!s) byName.set(r.name, (s = new Set()));
    s.add(r.type);
  }
  const suffix = `.${zone}.`;
  for (const r of records) {
    if (r.name !== zone) continue;
    if (r.type === 'DNAME') {
      out.push({ record: r, issue: { code: 'bind-dname-at-apex', severity: 'error', message: 'a DNAME at the apex puts the zone\'s own NS records below it; BIND refuses to load such a zone' } });
    }
    if (r.type !== 'NS') continue;
    const target = r.rdata.toLowerCase();
    if (target !== `${zone}.` && !target.endsWith(suffix)) continue;
    const types = byName.get(target.slice(0, -1));
    if (types?.has('CNAME')) {
      out.push({ record: r, issue: { code: 'bind-ns-is-cname', severity: 'error', message: `the nameserver ${target} is a CNAME; BIND refuses to load the zone` } });
    } else if (!types?.has('A') && !types?.has('AAAA')) {
      out.push({ record: r, issue: { code: 'bind-ns-no-address', severity: 'error', message: `the nameserver ${target} is inside the zone but has no A or AAAA record; BIND refuses to load the zone (add one, or use a nameserver outside the zone)` } });
    }
  }
  return out;
}
