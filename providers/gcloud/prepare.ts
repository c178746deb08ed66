/**
 * Desired records in the form Cloud DNS will hand back (so a converged zone diffs empty), and the
 * provider's own objections to records it cannot hold, found before anything is sent.
 */
import type { ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord, RdataIssue } from '../../src/records/types.js';
import { GCLOUD_LIMITS } from './batch.js';
import { rrdataBytes, rrsetFromRecords, rrsetKey } from './convert.js';

/** Every record of one name and type gets the TTL of the first, because a record set has one TTL. */
export function prepareDesired(records: readonly DnsRecord[]): DnsRecord[] {
  const ttlOf = new Map<string, number>();
  return records.map((r) => {
    const key = rrsetKey(r.name, r.type);
    const ttl = ttlOf.get(key);
    if (ttl === undefined) {
      ttlOf.set(key, r.ttl);
      return r;
    }
    return ttl === r.ttl ? r : { ...r, ttl };
  });
}

/**
 * Limits of Cloud DNS (cloud.google.com/dns/quotas, "Resource limits", and records-overview,
 * verified 2026-11): 100 records per record set, 8 name servers per NS set, no wildcard NS, ALIAS
 * only at the apex of a public zone.
 */
const MAX_RECORDS_PER_SET = 100;
const MAX_NS_PER_SET = 8;
/** Record sets per managed zone, a default Google raises on request: a warning, not an error. */
const DEFAULT_SETS_PER_ZONE = 10_000;

/** Records Cloud DNS cannot hold, with the reason. */
export function auditRecords(records: readonly DnsRecord[], zone: ZoneRef, visibility: string | undefined): { record: DnsRecord; issue: RdataIssue }[] {
  const out: { record: DnsRecord; issue: RdataIssue }[] = [];
  const issue = (record: DnsRecord, code: string, message: string): void => {
    out.push({ record, issue: { code, severity: 'error', message } });
  };
  const sets = new Map<string, DnsRecord[]>();
  for (const r of records) {
    const key = rrsetKey(r.name, r.type);
    const list = sets.get(key);
    if (list) list.push(r);
    else sets.set(key, [r]);
    if (r.type === 'ALIAS' && r.name !== zone.name) issue(r, 'gcloud-alias-not-apex', 'Cloud DNS allows ALIAS records only at the zone apex');
    if (r.type === 'ALIAS' && visibility === 'private') issue(r, 'gcloud-alias-private-zone', 'Cloud DNS allows ALIAS records only in public zones');
    if (r.type === 'NS' && (r.name === '*' || r.name.startsWith('*.'))) issue(r, 'gcloud-wildcard-ns', 'Cloud DNS does not allow wildcard NS records');
  }
  // Cloud DNS counts its own SOA too.
  if (sets.size + 1 > DEFAULT_SETS_PER_ZONE) {
    out.push({
      record: records[0]!,
      issue: { code: 'gcloud-zone-rrsets', severity: 'warning', message: `${zone.name} would hold ${sets.size + 1} record sets with its SOA; Cloud DNS allows ${DEFAULT_SETS_PER_ZONE} per zone unless Google raised the project's limit` },
    });
  }
  for (const [, set] of sets) {
    const first = set[0]!;
    if (set.length > MAX_RECORDS_PER_SET) {
      issue(first, 'gcloud-rrset-too-many', `${set.length} ${first.type} records at ${first.name}; a Cloud DNS record set holds at most ${MAX_RECORDS_PER_SET}`);
    }
    if (first.type === 'NS' && set.length > MAX_NS_PER_SET) {
      issue(first, 'gcloud-ns-too-many', `${set.length} NS records at ${first.name}; Cloud DNS allows at most ${MAX_NS_PER_SET} name servers per delegation`);
    }
    const bytes = rrdataBytes(rrsetFromRecords(first.name, first.type, set));
    if (bytes > GCLOUD_LIMITS.bytes) {
      issue(first, 'gcloud-rrset-too-large', `the ${first.type} set at ${first.name} holds ${bytes} bytes of record data; one Cloud DNS Change carries at most ${GCLOUD_LIMITS.bytes}`);
    }
  }
  return out;
}
