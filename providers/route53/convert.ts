/**
 * Route 53 record sets ↔ zonesmith records. Every value is normalised here, once, as it enters
 * (principle 4 of STYLE.md), so a converged zone diffs empty however Route 53 spelled it.
 */
import type { ResourceRecordSet, RRType } from '@aws-sdk/client-route-53';
import type { DnsRecord } from '../../src/records/types.js';
import { aliasRdata, bareZoneId, META_ALIAS_ZONE, META_EVALUATE_HEALTH, parseAlias, R53_ALIAS } from './alias.js';
import { nameFromRoute53, nameToRoute53 } from './names.js';
import { rdataFromRoute53, rdataToRoute53 } from './rdata.js';

/** TTL zonesmith shows for alias records, which have none in Route 53 (DNSControl does the same). */
export const ALIAS_TTL = 300;

/** What reading one record set gave: records, or a reason it is left alone. */
export type ReadResult =
  | { readonly kind: 'records'; readonly records: DnsRecord[] }
  | { readonly kind: 'skipped'; readonly reason: 'soa' | 'routing-policy' | 'traffic-policy' };

/**
 * Converts one record set. `zoneId` is the bare id of the zone being read: an alias pointing into
 * it carries no `r53_alias_zone_id` meta (the default), so configs need not repeat the id.
 */
export function recordsFromRrset(rrset: ResourceRecordSet, zoneId: string): ReadResult {
  const type = rrset.Type ?? '';
  if (rrset.TrafficPolicyInstanceId) return { kind: 'skipped', reason: 'traffic-policy' };
  // Weighted, latency, geo, failover, multivalue and CIDR record sets need R53_WEIGHTED and friends,
  // which zonesmith does not model yet: they are left alone rather than flattened into one rrset.
  if (rrset.SetIdentifier !== undefined || rrset.MultiValueAnswer !== undefined) return { kind: 'skipped', reason: 'routing-policy' };
  if (type === 'SOA') return { kind: 'skipped', reason: 'soa' };
  const name = nameFromRoute53(rrset.Name ?? '');
  if (rrset.AliasTarget) {
    const target = rrset.AliasTarget;
    const meta: Record<string, string> = {};
    const targetZone = bareZoneId(target.HostedZoneId ?? '');
    if (targetZone !== zoneId) meta[META_ALIAS_ZONE] = targetZone;
    if (target.EvaluateTargetHealth) meta[META_EVALUATE_HEALTH] = 'true';
    const rec: DnsRecord = {
      name,
      type: R53_ALIAS,
      ttl: ALIAS_TTL,
      rdata: aliasRdata(type, target.DNSName ?? '.'),
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
      native: rrset,
    };
    return { kind: 'records', records: [rec] };
  }
  // Route 53's legacy SPF type holds TXT data; it is shown as TXT, as DNSControl does, and
  // replaced by a TXT record set the first time it changes.
  const shownType = type === 'SPF' ? 'TXT' : type;
  const records = (rrset.ResourceRecords ?? []).map((rr): DnsRecord => ({
    name,
    type: shownType,
    ttl: rrset.TTL ?? 0,
    rdata: rdataFromRoute53(type, rr.Value ?? ''),
    native: rrset,
  }));
  return { kind: 'records', records };
}

/** The record set Route 53 should hold for records of one name and (non-alias) type. */
export function rrsetFromRecords(name: string, type: string, records: readonly DnsRecord[]): ResourceRecordSet {
  const first = records[0];
  if (!first) throw new Error(`no records for ${name} ${type}`);
  return {
    Name: nameToRoute53(name),
    Type: type as RRType,
    TTL: first.ttl,
    ResourceRecords: records.map((r) => ({ Value: rdataToRoute53(type, r.rdata) })),
  };
}

/** The alias record set for one R53_ALIAS record; `zoneId` fills in a missing target zone. */
export function rrsetFromAlias(record: DnsRecord, zoneId: string): ResourceRecordSet {
  const { aliasType, target } = parseAlias(record.rdata);
  return {
    Name: nameToRoute53(record.name),
    Type: aliasType as RRType,
    AliasTarget: {
      HostedZoneId: bareZoneId(record.meta?.[META_ALIAS_ZONE] ?? zoneId),
      DNSName: target,
      EvaluateTargetHealth: record.meta?.[META_EVALUATE_HEALTH] === 'true',
    },
  };
}

/** The identity of a record set within a zone, for grouping changes that touch the same one. */
export function rrsetKey(rrset: ResourceRecordSet): string {
  return `${nameFromRoute53(rrset.Name ?? '')}|${rrset.Type ?? ''}|${rrset.SetIdentifier ?? ''}`;
}
