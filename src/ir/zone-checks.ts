import { error, warning, type Diagnostic } from './diagnostic.js';
import type { DnsRecord } from '../records/types.js';
import { groupByName, isFirst, nextSameName } from './name-groups.js';
import { comparableOf } from './records-api.js';
import { formatSource } from './source.js';

// Cloudflare serves a proxied CNAME as addresses, so DNSControl lets it share its name (pkg/normalize/validate.go).
const PROXIED = new Set(['on', 'full']);

// Beyond this many records at one name, pairwise comparison gives way to a map.
const SMALL_GROUP = 8;

function at(n: DnsRecord): string {
  const where = formatSource(n.source);
  return where ? ` (at ${where})` : '';
}

/**
 * Checks that look at a whole zone's desired records (DNSControl's checkCNAMEs, checkDuplicates,
 * checkRecordSetHasMultipleTTLs, plus DS placement): several CNAMEs at one name, CNAME beside other
 * data, exact duplicates, differing TTLs within one name and type (a warning), and DS records
 * below the apex without NS records at the same name (a warning: DS belongs at a delegation).
 * Records are grouped by name once (name-groups.ts); most names hold one or two records, so the
 * rest is cheap.
 */
export function checkZone(records: readonly DnsRecord[], zone: string, domain: string, diagnostics: Diagnostic[]): void {
  groupByName(records);
  for (let i = 0; i < records.length; i++) {
    if (!isFirst(i)) continue;
    const first = records[i] as DnsRecord;
    const name = first.name;
    let j = nextSameName(i);
    if (j < 0) {
      if (first.type === 'DS' && name !== zone) dsWithoutNs(first, domain, diagnostics);
      continue;
    }
    const group = [first];
    for (; j >= 0; j = nextSameName(j)) group.push(records[j] as DnsRecord);
    checkGroup(group, domain, diagnostics);
    checkCnames(name, group, domain, diagnostics);
    if (name !== zone && group.some(isDs) && !group.some(isNs)) {
      for (const n of group) if (n.type === 'DS') dsWithoutNs(n, domain, diagnostics);
    }
  }
}

const isDs = (n: DnsRecord): boolean => n.type === 'DS';
const isNs = (n: DnsRecord): boolean => n.type === 'NS';
const isCname = (n: DnsRecord): boolean => n.type === 'CNAME';

/** Equal identity; the rdata decides except for types with their own comparison (SOA). */
function same(a: DnsRecord, b: DnsRecord): boolean {
  return a.rdata === b.rdata || comparableOf(a) === comparableOf(b);
}

function dsWithoutNs(n: DnsRecord, domain: string, diagnostics: Diagnostic[]): void {
  diagnostics.push(
    warning('ds-without-ns', `DS record at ${n.name} has no NS records beside it; DS records belong at a delegation`, n.source, domain),
  );
}

/** Duplicates and TTL consistency among the records at one name. */
function checkGroup(group: readonly DnsRecord[], domain: string, diagnostics: Diagnostic[]): void {
  const firstOfType = new Map<string, { first: DnsRecord; warned: boolean }>();
  const seen = group.length > SMALL_GROUP ? new Map<string, DnsRecord>() : undefined;
  for (let i = 0; i < group.length; i++) {
    const n = group[i] as DnsRecord;
    const { type, ttl, name } = n;
    let earlier: DnsRecord | undefined;
    if (seen) {
      const key = `${type}\u0000${comparableOf(n)}`;
      earlier = seen.get(key);
      if (!earlier) seen.set(key, n);
    } else {
      for (let j = 0; j < i && !earlier; j++) {
        const o = group[j] as DnsRecord;
        if (o.type === type && same(o, n)) earlier = o;
      }
    }
    if (earlier) {
      diagnostics.push(error('duplicate-record', `duplicate ${type} record ${name} ${n.rdata}, already declared${at(earlier)}`, n.source, domain));
    }
    const rrset = firstOfType.get(type);
    if (!rrset) firstOfType.set(type, { first: n, warned: false });
    else if (!rrset.warned && rrset.first.ttl !== ttl) {
      rrset.warned = true;
      diagnostics.push(
        warning(
          'inconsistent-ttl',
          `${type} records at ${name} have different TTLs (${rrset.first.ttl}${at(rrset.first)} and ${ttl}); most providers keep one TTL per name and type`,
          n.source,
          domain,
        ),
      );
    }
  }
}

function checkCnames(name: string, group: readonly DnsRecord[], domain: string, diagnostics: Diagnostic[]): void {
  if (!group.some(isCname)) return;
  const cnames = group.filter(isCname);
  const first = cnames[0] as DnsRecord;
  for (const extra of cnames.slice(1)) {
    // An exact duplicate is already reported as such.
    if (same(extra, first)) continue;
    diagnostics.push(error('cname-multiple', `${name} has more than one CNAME; the first is${at(first)}`, extra.source, domain));
  }
  const other = group.find((n) => n.type !== 'CNAME');
  if (!other) return;
  for (const c of cnames) {
    if (PROXIED.has(c.meta?.['cloudflare_proxy'] ?? '')) continue;
    diagnostics.push(
      error(
        'cname-with-other-data',
        `CNAME at ${name} cannot share its name with other records (${other.type}${at(other)}); a CNAME must be alone at its name`,
        c.source,
        domain,
      ),
    );
  }
}
