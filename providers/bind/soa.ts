import { getRecordType, parseRdata } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';
import type { SoaData } from '../../src/records/types/soa.js';
import type { SoaDefaults } from './settings.js';

/**
 * The SOA the BIND provider manages. The serial follows DNSControl's rule (documentation/provider/
 * bind.md, read 2026-11): the larger of `old + 1` and today's `YYYYMMDD00`, so it reads as a date
 * with a two-digit change counter, and a serial already past today's date just counts up. The date
 * is UTC and comes from an injectable clock. Like DNSControl, serial arithmetic past 2^32 is not
 * attempted beyond wrapping (yyyymmdd99 stays far below it).
 */

/** The placeholder primary when neither default_soa.master nor default_ns is set. */
export const PLACEHOLDER_NS = 'default-not-set.invalid.';

/** TTL of an SOA the provider makes up (DNSControl's default record TTL). */
const NEW_SOA_TTL = 300;

/** `YYYYMMDD00` for a date, in UTC. */
function dateSerial(now: Date): number {
  return (now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate()) * 100;
}

/** The serial after a change: max(old + 1, YYYYMMDD00), wrapped to 32 bits. */
export function nextSerial(old: number, now: Date): number {
  return Math.max(old + 1, dateSerial(now)) % 2 ** 32;
}

/** The fields of canonical SOA rdata. */
export function soaFields(rdata: string): SoaData {
  return parseRdata('SOA', rdata);
}

/** The same SOA record with another serial. */
export function withSerial(soa: DnsRecord, serial: number): DnsRecord {
  const d = soaFields(soa.rdata);
  return { name: soa.name, type: 'SOA', ttl: soa.ttl, rdata: getRecordType('SOA')!.format({ ...d, serial }) };
}

/** An SOA for a zone that has none, from default_soa; serial 0 until a write assigns one. */
export function defaultSoa(zone: string, defaults: SoaDefaults, defaultNs: readonly string[]): DnsRecord {
  const data: SoaData = {
    mname: defaults.master ?? defaultNs[0] ?? PLACEHOLDER_NS,
    rname: defaults.mbox ?? `hostmaster.${zone}.`,
    serial: 0,
    refresh: defaults.refresh,
    retry: defaults.retry,
    expire: defaults.expire,
    minimum: defaults.minttl,
  };
  return { name: zone, type: 'SOA', ttl: NEW_SOA_TTL, rdata: getRecordType('SOA')!.format(data) };
}
