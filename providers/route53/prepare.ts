/**
 * Desired records in the form Route 53 will hand back (so a converged zone diffs empty), and the
 * provider's own objections to records it cannot hold.
 */
import type { DnsRecord, RdataIssue } from '../../src/records/types.js';
import { ALIAS_TYPES, bareZoneId, META_ALIAS_ZONE, META_EVALUATE_HEALTH, parseAlias, R53_ALIAS } from './alias.js';
import { ALIAS_TTL } from './convert.js';
import { rdataToRoute53 } from './rdata.js';

/**
 * - R53_ALIAS: TTL 300 (aliases have none); `r53_alias_zone_id` dropped when it names the zone
 *   itself and evaluate-target-health dropped when false, as getRecords reports them.
 * - Every record of one name and type gets the TTL of the first, because a record set has one TTL.
 */
export function prepareDesired(records: readonly DnsRecord[], ownZoneId: string | undefined): DnsRecord[] {
  const ttlOf = new Map<string, number>();
  return records.map((r) => {
    if (r.type === R53_ALIAS) {
      const meta: Record<string, string> = { ...(r.meta ?? {}) };
      if (meta[META_ALIAS_ZONE] !== undefined && (bareZoneId(meta[META_ALIAS_ZONE]) === ownZoneId || meta[META_ALIAS_ZONE] === '')) delete meta[META_ALIAS_ZONE];
      else if (meta[META_ALIAS_ZONE] !== undefined) meta[META_ALIAS_ZONE] = bareZoneId(meta[META_ALIAS_ZONE]);
      if (meta[META_EVALUATE_HEALTH] !== undefined && meta[META_EVALUATE_HEALTH] !== 'true') delete meta[META_EVALUATE_HEALTH];
      const { meta: _old, ...rest } = r;
      return { ...rest, ttl: ALIAS_TTL, ...(Object.keys(meta).length > 0 ? { meta } : {}) };
    }
    const key = `${r.name}\u0000${r.type}`;
    const ttl = ttlOf.get(key);
    if (ttl === undefined) {
      ttlOf.set(key, r.ttl);
      return r;
    }
    return ttl === r.ttl ? r : { ...r, ttl };
  });
}

/** Route 53's per-value limit (API_ResourceRecord.html: "not to exceed 4,000 characters"). */
const MAX_VALUE = 4000;

/** Record meta of DNSControl's R53_WEIGHT and R53_HEALTH_CHECK_ID, which this provider does not model yet. */
const UNSUPPORTED_META = ['r53_weight', 'r53_set_identifier', 'r53_health_check_id'];

/** Records Route 53 cannot hold, with the reason. */
export function auditRecords(records: readonly DnsRecord[]): { record: DnsRecord; issue: RdataIssue }[] {
  const out: { record: DnsRecord; issue: RdataIssue }[] = [];
  const plainTypes = new Set<string>();
  for (const r of records) if (r.type !== R53_ALIAS) plainTypes.add(`${r.name}\u0000${r.type}`);
  const aliasSeen = new Set<string>();
  for (const r of records) {
    const routing = UNSUPPORTED_META.filter((k) => r.meta?.[k] !== undefined);
    if (routing.length > 0) {
      out.push({ record: r, issue: { code: 'route53-routing-unsupported', severity: 'error', message: `zonesmith's ROUTE53 provider does not manage weighted records or health checks yet (${routing.join(', ')})` } });
    }
    if (r.type === R53_ALIAS) {
      let aliasType: string;
      try {
        aliasType = parseAlias(r.rdata).aliasType;
      } catch (e) {
        out.push({ record: r, issue: { code: 'r53-alias-rdata', severity: 'error', message: (e as Error).message } });
        continue;
      }
      if (!ALIAS_TYPES.has(aliasType)) {
        out.push({ record: r, issue: { code: 'r53-alias-type', severity: 'error', message: `R53_ALIAS cannot have type ${aliasType}` } });
      }
      const key = `${r.name}\u0000${aliasType}`;
      if (plainTypes.has(key)) {
        out.push({ record: r, issue: { code: 'r53-alias-conflict', severity: 'error', message: `${r.name} has both an R53_ALIAS of type ${aliasType} and ${aliasType} records; Route 53 holds one ${aliasType} record set per name` } });
      }
      if (aliasSeen.has(key)) {
        out.push({ record: r, issue: { code: 'r53-alias-duplicate', severity: 'error', message: `${r.name} has more than one R53_ALIAS of type ${aliasType}` } });
      }
      aliasSeen.add(key);
      continue;
    }
    if (r.type === 'TXT') {
      const value = rdataToRoute53('TXT', r.rdata);
      if (value.length > MAX_VALUE) {
        out.push({ record: r, issue: { code: 'route53-txt-too-long', severity: 'error', message: `the TXT value is ${value.length} characters as Route 53 stores it (quoted, escaped, split in 255-octet strings); the limit is ${MAX_VALUE}` } });
      }
    }
  }
  return out;
}
