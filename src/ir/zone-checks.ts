import { error, warning, type Diagnostic } from './diagnostic.js';
import type { NormalizedRecord } from './normalize-records.js';
import { formatSource } from './source.js';

// Cloudflare serves a proxied CNAME as addresses, so DNSControl lets it share its name (pkg/normalize/validate.go).
const PROXIED = new Set(['on', 'full']);

function at(n: NormalizedRecord): string {
  const where = formatSource(n.record.source);
  return where ? ` (at ${where})` : '';
}

/**
 * Checks that look at a whole zone's desired records (DNSControl's checkCNAMEs, checkDuplicates,
 * checkRecordSetHasMultipleTTLs, plus DS placement): several CNAMEs at one name, CNAME beside other
 * data, exact duplicates, differing TTLs within one name and type (a warning), and DS records
 * below the apex without NS records at the same name (a warning: DS belongs at a delegation).
 */
export function checkZone(records: readonly NormalizedRecord[], zone: string, domain: string, diagnostics: Diagnostic[]): void {
  const byName = new Map<string, NormalizedRecord[]>();
  const seen = new Map<string, NormalizedRecord>();
  const rrsets = new Map<string, { first: NormalizedRecord; warned: boolean }>();

  for (const n of records) {
    const { name, type, ttl } = n.record;
    const group = byName.get(name);
    if (group) group.push(n);
    else byName.set(name, [n]);

    const key = `${name}\u0000${type}`;
    const identity = `${key}\u0000${n.comparable}`;
    const earlier = seen.get(identity);
    if (earlier) {
      diagnostics.push(
        error('duplicate-record', `duplicate ${type} record ${name} ${n.record.rdata}, already declared${at(earlier)}`, n.record.source, domain),
      );
    } else seen.set(identity, n);

    const rrset = rrsets.get(key);
    if (!rrset) rrsets.set(key, { first: n, warned: false });
    else if (!rrset.warned && rrset.first.record.ttl !== ttl) {
      rrset.warned = true;
      diagnostics.push(
        warning(
          'inconsistent-ttl',
          `${type} records at ${name} have different TTLs (${rrset.first.record.ttl}${at(rrset.first)} and ${ttl}); most providers keep one TTL per name and type`,
          n.record.source,
          domain,
        ),
      );
    }
  }

  for (const [name, group] of byName) {
    if (group.length > 1) checkCnames(name, group, domain, diagnostics);
    for (const n of group) {
      if (n.record.type === 'DS' && name !== zone && !group.some((o) => o.record.type === 'NS')) {
        diagnostics.push(
          warning('ds-without-ns', `DS record at ${name} has no NS records beside it; DS records belong at a delegation`, n.record.source, domain),
        );
      }
    }
  }
}

function checkCnames(name: string, group: readonly NormalizedRecord[], domain: string, diagnostics: Diagnostic[]): void {
  const cnames = group.filter((n) => n.record.type === 'CNAME');
  if (cnames.length === 0) return;
  const first = cnames[0] as NormalizedRecord;
  for (const extra of cnames.slice(1)) {
    // An exact duplicate is already reported as such.
    if (extra.comparable === first.comparable) continue;
    diagnostics.push(error('cname-multiple', `${name} has more than one CNAME; the first is${at(first)}`, extra.record.source, domain));
  }
  const other = group.find((n) => n.record.type !== 'CNAME');
  if (!other) return;
  for (const c of cnames) {
    if (PROXIED.has(c.record.meta?.['cloudflare_proxy'] ?? '')) continue;
    diagnostics.push(
      error(
        'cname-with-other-data',
        `CNAME at ${name} cannot share its name with other records (${other.record.type}${at(other)}); a CNAME must be alone at its name`,
        c.record.source,
        domain,
      ),
    );
  }
}
