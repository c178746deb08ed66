import type { RdataIssue, DnsRecord } from '../../src/records/types.js';
import { comparableRdata, getRecordType } from '../../src/records/registry.js';
import type { BindSettings } from './settings.js';
import { defaultSoa, nextSerial, PLACEHOLDER_NS, soaFields, withSerial } from './soa.js';

/**
 * Between the records the engine works with and the zone file: the SOA and the apex NS a zone
 * file must have (named-checkzone refuses a zone without them), kept out of the diff unless the
 * config manages them.
 *
 * - SOA: a file records in a comment whether its SOA came from the config ({@link SOA_MARKER}).
 *   Only such an SOA is part of the zone's records (getRecords); any other SOA belongs to the
 *   provider, is invisible to the diff, and is kept as it is (a zone without one gets one from
 *   default_soa). So a config without SOA() never sees an SOA change, and a config with one is
 *   diffed against it (serial excepted). In both cases the serial is the provider's.
 * - Apex NS: the engine puts NAMESERVER() names and default_ns (through `nameservers()`) into the
 *   desired state, or keeps the file's apex NS when none are declared. A zone that would still
 *   have none gets default_ns, else the SOA's primary, when written.
 */

/** The header comment of a file whose SOA comes from the config (`SOA()`). */
export const SOA_MARKER = 'zonesmith: the SOA comes from the config';

/** True when the file's header (its first lines) says the SOA comes from the config. */
export function hasSoaMarker(file: Uint8Array): boolean {
  const head = Buffer.from(file.buffer, file.byteOffset, Math.min(file.byteLength, 4096)).toString('latin1');
  return head.includes(`\n; ${SOA_MARKER}\n`);
}

/** The SOA among records, if any. */
export function findSoa(records: readonly DnsRecord[]): DnsRecord | undefined {
  for (const r of records) if (r.type === 'SOA') return r;
  return undefined;
}

/** A desired record as the file will hold it: a config SOA carries the file's serial (one in, one out). */
export function prepareDesiredRecord(record: DnsRecord, fileSoa: DnsRecord | undefined): DnsRecord {
  if (record.type !== 'SOA' || fileSoa === undefined) return record;
  return withSerial(record, soaFields(fileSoa.rdata).serial);
}

/** What apply writes: the records (SOA first) and whether the SOA is the config's. */
export interface ZoneWrite {
  readonly records: DnsRecord[];
  readonly soaFromConfig: boolean;
}

/** What the file holds now, as far as writing is concerned. */
export interface FileState {
  /** The zone's records as getRecords returned them (no provider-owned SOA). */
  readonly records: readonly DnsRecord[];
  /** The file's SOA, whoever owns it. */
  readonly soa: DnsRecord | undefined;
  readonly soaFromConfig: boolean;
}

/**
 * What to write for a zone, or null when the file already holds exactly this (then the serial is
 * not bumped either).
 */
export function recordsToWrite(desired: readonly DnsRecord[], file: FileState, zone: string, settings: BindSettings, now: Date): ZoneWrite | null {
  const desiredSoa = findSoa(desired);
  const soaFromConfig = desiredSoa !== undefined;
  // A new SOA's primary: default_soa.master, else default_ns, else the zone's own first nameserver
  // (NAMESERVER() in the config), so a zone file never needs the placeholder when NS are known.
  const apexNs = desired.filter((r) => r.type === 'NS' && r.name === zone).map((r) => r.rdata);
  const fallback = defaultSoa(zone, settings.defaultSoa, settings.defaultNs.length > 0 ? settings.defaultNs : apexNs);
  // A provider-made SOA still naming the placeholder (ensureZone had no nameservers to go on) takes
  // the real primary as soon as one is known.
  const fileSoa = file.soa && !file.soaFromConfig && soaFields(file.soa.rdata).mname === PLACEHOLDER_NS ? withMname(file.soa, soaFields(fallback.rdata).mname) : file.soa;
  let soa = desiredSoa ?? fileSoa ?? fallback;
  const content = desired.filter((r) => r.type !== 'SOA');
  if (!content.some((r) => r.type === 'NS' && r.name === zone)) {
    const targets = settings.defaultNs.length > 0 ? settings.defaultNs : [soaFields(soa.rdata).mname];
    for (const t of targets) content.push({ name: zone, type: 'NS', ttl: soa.ttl, rdata: t });
  }
  if (file.soa !== undefined) {
    const before = [file.soa, ...file.records.filter((r) => r.type !== 'SOA')];
    if (sameContent([soa, ...content], before)) {
      if (soaFromConfig === file.soaFromConfig) return null;
      // Only who owns the SOA changed: rewrite the marker, keep the serial.
      return { records: [withSerial(soa, soaFields(file.soa.rdata).serial), ...content], soaFromConfig };
    }
  }
  const base = Math.max(file.soa ? soaFields(file.soa.rdata).serial : 0, soaFields(soa.rdata).serial);
  soa = withSerial(soa, nextSerial(base, now));
  return { records: [soa, ...content], soaFromConfig };
}

function recordKey(r: DnsRecord): string {
  return `${r.name}\u0000${r.type}\u0000${r.ttl}\u0000${comparableRdata(r)}`;
}

/** Multiset equality by name, type, TTL and identity (an SOA serial does not count). */
function sameContent(a: readonly DnsRecord[], b: readonly DnsRecord[]): boolean {
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

function withMname(soa: DnsRecord, mname: string): DnsRecord {
  return { ...soa, rdata: getRecordType('SOA')!.format({ ...soaFields(soa.rdata), mname }) };
}
