/**
 * changes.create as Cloud DNS documents it: "A Change represents a set of ResourceRecordSet
 * additions and deletions applied atomically" (API reference, changes); deletions "must match
 * existing data exactly"; the whole Change is validated first and applied all or nothing,
 * deletions before additions. Answers, first failure wins: 400 invalid (malformed), 413
 * quotaExceeded (limits), 404 notFound (deleting what is not there), 412 conditionNotMet (a
 * deletion that does not match), 409 alreadyExists (adding what is there), 400 for a final state
 * Cloud DNS forbids (CNAME beside other data, no apex SOA/NS).
 */
import { isIPv4, isIPv6 } from 'node:net';
import { GoogleError, invalid, quotaExceeded } from './errors.js';
import { rrsetKey, type StoredRrset, type StoredZone } from './state.js';

/**
 * Limits (cloud.google.com/dns/quotas, "Resource limits", verified 2026-11). The page does not
 * say whether deletions count towards the rrdata size; this server counts both, as the provider does.
 */
export const LIMITS = { additions: 1000, deletions: 1000, bytes: 100_000, rrsetsPerZone: 10_000, recordsPerRrset: 100, nsPerDelegation: 8 } as const;

/** Record types Cloud DNS accepts (cloud.google.com/dns/docs/records-overview, 2026-11). */
const TYPES = new Set(['A', 'AAAA', 'ALIAS', 'CAA', 'CNAME', 'DNSKEY', 'DS', 'HTTPS', 'IPSECKEY', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT']);
const SINGLE = new Set(['CNAME', 'SOA', 'ALIAS']);

/** A validated Change, ready to apply. */
export interface ParsedChange {
  readonly additions: StoredRrset[];
  readonly deletions: StoredRrset[];
}

/** Reads and checks the request body's shape. Throws GoogleError 400. */
export function parseChange(body: unknown, zone: StoredZone): ParsedChange {
  if (typeof body !== 'object' || body === null) throw invalid('Invalid JSON payload received.');
  const b = body as { additions?: unknown; deletions?: unknown };
  const read = (list: unknown, field: string): StoredRrset[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw invalid(`Invalid value for '${field}': not a list`);
    return list.map((r, i) => parseRrset(r, `entity.change.${field}[${i}]`, zone));
  };
  const change = { additions: read(b.additions, 'additions'), deletions: read(b.deletions, 'deletions') };
  if (change.additions.length === 0 && change.deletions.length === 0) throw invalid("The 'entity.change' resource is empty: it has no additions and no deletions.");
  return change;
}

function parseRrset(r: unknown, field: string, zone: StoredZone): StoredRrset {
  if (typeof r !== 'object' || r === null) throw invalid(`Invalid value for '${field}'`);
  const { name, type, ttl, rrdatas } = r as { name?: unknown; type?: unknown; ttl?: unknown; rrdatas?: unknown };
  if (typeof name !== 'string' || !name.endsWith('.')) throw invalid(`Invalid value for '${field}.name': '${String(name)}' (the name must be absolute, ending with a dot)`);
  const lower = name.toLowerCase();
  if (lower !== zone.dnsName && !lower.endsWith(`.${zone.dnsName}`)) throw invalid(`The resource '${field}' named '${name}' is not within the zone '${zone.dnsName}'`);
  if (lower.slice(0, -1).split('.').some((l) => l.length === 0 || l.length > 63)) throw invalid(`Invalid value for '${field}.name': '${name}'`);
  if (typeof type !== 'string' || !TYPES.has(type)) throw invalid(`Invalid value for '${field}.type': '${String(type)}'`);
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 2_147_483_647) throw invalid(`Invalid value for '${field}.ttl': '${String(ttl)}'`);
  if (!Array.isArray(rrdatas) || rrdatas.length === 0 || !rrdatas.every((d) => typeof d === 'string' && d.length > 0)) throw invalid(`Invalid value for '${field}.rrdatas'`);
  if (SINGLE.has(type) && rrdatas.length > 1) throw invalid(`The resource record set '${field}' of type ${type} may hold only one record`);
  if (type === 'NS' && lower.startsWith('*.')) throw invalid(`The resource '${field}': wildcard NS records are not allowed`);
  if (type === 'ALIAS' && lower !== zone.dnsName) throw invalid(`The resource '${field}': ALIAS records are allowed only at the zone apex`);
  (rrdatas as string[]).forEach((d, j) => {
    if (!rdataLooksValid(type, d)) throw invalid(`Invalid value for '${field}.rrdata[${j}]': '${d.slice(0, 80)}'`);
  });
  return { name: lower, type, ttl, rrdatas: [...(rrdatas as string[])] };
}

/** UTF-8 octets of a set's rrdatas. */
export function rrdataBytes(r: StoredRrset): number {
  return r.rrdatas.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
}

/**
 * Validates `change` against `zone`, then applies it, or throws a GoogleError and changes nothing.
 * `rrsetsPerZone` stands for the project's quota, which Google raises on request.
 */
export function applyChange(zone: StoredZone, change: ParsedChange, rrsetsPerZone: number = LIMITS.rrsetsPerZone): void {
  if (change.additions.length > LIMITS.additions) throw quotaExceeded('The change would exceed quota for additions per change.');
  if (change.deletions.length > LIMITS.deletions) throw quotaExceeded('The change would exceed quota for deletions per change.');
  const bytes = [...change.additions, ...change.deletions].reduce((n, r) => n + rrdataBytes(r), 0);
  if (bytes > LIMITS.bytes) throw quotaExceeded('The change would exceed quota for total rrdata size per change.');
  for (const [i, a] of change.additions.entries()) {
    if (a.rrdatas.length > LIMITS.recordsPerRrset) throw quotaExceeded(`The change would exceed quota for resource records per rrset ('entity.change.additions[${i}]').`);
    if (a.type === 'NS' && a.name !== zone.dnsName && a.rrdatas.length > LIMITS.nsPerDelegation) throw quotaExceeded(`The change would exceed quota for name servers per delegation ('entity.change.additions[${i}]').`);
  }
  const dup = (list: StoredRrset[], field: string): void => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const k = rrsetKey(r.name, r.type);
      if (seen.has(k)) throw invalid(`The resource 'entity.change.${field}[${i}]' named '${r.name} (${r.type})' appears more than once in the change`);
      seen.add(k);
    });
  };
  dup(change.additions, 'additions');
  dup(change.deletions, 'deletions');

  const next = new Map(zone.rrsets);
  for (const [i, d] of change.deletions.entries()) {
    const k = rrsetKey(d.name, d.type);
    const cur = next.get(k);
    if (!cur) throw new GoogleError(404, 'notFound', `The 'entity.change.deletions[${i}]' resource named '${d.name} (${d.type})' does not exist.`);
    if (!sameRrset(cur, d)) throw new GoogleError(412, 'conditionNotMet', `Precondition not met for 'entity.change.deletions[${i}]'`);
    next.delete(k);
  }
  for (const [i, a] of change.additions.entries()) {
    const k = rrsetKey(a.name, a.type);
    if (next.has(k)) throw new GoogleError(409, 'alreadyExists', `The resource 'entity.change.additions[${i}]' named '${a.name} (${a.type})' already exists`);
    next.set(k, a);
  }
  if (next.size > rrsetsPerZone) throw quotaExceeded('The change would exceed quota for rrsets per managed zone.');
  checkFinalState(zone, next, change);
  zone.rrsets.clear();
  for (const [k, r] of next) zone.rrsets.set(k, r);
  zone.sorted = undefined;
}

/** Exact match: same TTL and the same rrdatas (in any order). */
export function sameRrset(a: StoredRrset, b: StoredRrset): boolean {
  if (a.ttl !== b.ttl || a.rrdatas.length !== b.rrdatas.length) return false;
  const x = [...a.rrdatas].sort();
  const y = [...b.rrdatas].sort();
  return x.every((v, i) => v === y[i]);
}

function checkFinalState(zone: StoredZone, next: Map<string, StoredRrset>, change: ParsedChange): void {
  if (!next.has(rrsetKey(zone.dnsName, 'SOA')) || !next.has(rrsetKey(zone.dnsName, 'NS'))) {
    throw invalid(`The resource record sets of type SOA and NS at the apex '${zone.dnsName}' are required and cannot be deleted`);
  }
  const touched = new Set([...change.additions, ...change.deletions].map((r) => r.name));
  for (const name of touched) {
    const types = ['CNAME', ...[...TYPES].filter((t) => t !== 'CNAME')].filter((t) => next.has(rrsetKey(name, t)));
    if (types[0] === 'CNAME' && name === zone.dnsName) throw invalid(`The resource record set '${name} (CNAME)' is invalid: a CNAME is not allowed at the zone apex`);
    if (types[0] === 'CNAME' && types.length > 1) {
      throw invalid(`The resource record set '${name}' is invalid because the DNS name '${name}' may have either one CNAME resource record set or resource record sets of other types, but not both.`);
    }
  }
}

/** A light, independent check of presentation-format rrdata (not the provider's own parser). */
function rdataLooksValid(type: string, d: string): boolean {
  const absolute = (n: string): boolean => /^(\S+\.|\.)$/.test(n);
  const f = d.trim().split(/\s+/);
  switch (type) {
    case 'A':
      return isIPv4(d);
    case 'AAAA':
      return isIPv6(d);
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'ALIAS':
      return f.length === 1 && absolute(d);
    case 'MX':
      return f.length === 2 && /^\d+$/.test(f[0]!) && absolute(f[1]!);
    case 'SRV':
      return f.length === 4 && f.slice(0, 3).every((x) => /^\d+$/.test(x)) && absolute(f[3]!);
    case 'TXT':
    case 'SPF':
      return characterStrings(d);
    case 'CAA':
      return /^\d+ [A-Za-z0-9]+ \S/.test(d);
    default:
      return true;
  }
}

/** Quoted (or bare) character-strings, each at most 255 octets after unescaping. */
function characterStrings(d: string): boolean {
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))/y;
  let i = 0;
  while (i < d.length) {
    re.lastIndex = i;
    const m = re.exec(d);
    if (!m) return /^\s*$/.test(d.slice(i));
    const body = m[1] ?? m[2] ?? '';
    const octets = Buffer.byteLength(body.replace(/\\(\d{3}|.)/g, (_x, e: string) => (/^\d{3}$/.test(e) ? '\u0001' : e)), 'utf8');
    if (octets > 255) return false;
    i = re.lastIndex;
  }
  return true;
}
