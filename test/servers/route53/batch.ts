import { inZone, storedName } from './names.js';
import { rrsetKey, type StoredRrset, type StoredZone } from './state.js';

/** One Change element of a ChangeResourceRecordSets request, names already in stored form. */
export interface BatchChange {
  readonly action: 'CREATE' | 'DELETE' | 'UPSERT';
  readonly rrset: StoredRrset;
}

/** Thrown when a batch is refused; the server renders it as an InvalidChangeBatch error. */
export class InvalidChangeBatchError extends Error {
  readonly messages: readonly string[];
  constructor(messages: readonly string[]) {
    super(`[${messages.join(', ')}]`);
    this.messages = messages;
  }
}

/**
 * Per-request limits (Route 53 Developer Guide, DNSLimitations.html, "Maximums on API requests",
 * verified 2026-11): at most 1,000 ResourceRecord elements and 32,000 characters summed over all
 * Value elements; with UPSERT every element and every character counts twice.
 */
export const MAX_RECORDS = 1000;
/** See MAX_RECORDS. */
export const MAX_CHARS = 32000;
/** ResourceRecord Value: "not to exceed 4,000 characters" (API_ResourceRecord.html). */
export const MAX_VALUE = 4000;

/**
 * Validates a whole batch against the zone, then applies it, or throws and changes nothing
 * (Route 53 "either makes all or none of the changes in a change batch request"). Changes apply
 * in the order given, so DELETE of a CNAME followed by CREATE of an A at the same name succeeds.
 */
export function applyBatch(zone: StoredZone, changes: readonly BatchChange[]): void {
  const errors: string[] = [];
  checkLimits(changes, errors);
  if (errors.length > 0) throw new InvalidChangeBatchError(errors);
  checkDuplicates(changes, errors);

  const overlay = new Map<string, StoredRrset | null>();
  const current = (key: string): StoredRrset | undefined => {
    const o = overlay.get(key);
    return o === null ? undefined : (o ?? zone.rrsets.get(key));
  };
  const touched = new Set<string>();
  for (const { action, rrset } of changes) {
    const label = `[name='${rrset.name}', type='${rrset.type}'${rrset.setIdentifier ? `, set-identifier='${rrset.setIdentifier}'` : ''}]`;
    if (!inZone(rrset.name, zone.name)) {
      errors.push(`RRSet with DNS name ${rrset.name} is not permitted in zone ${zone.name}`);
      continue;
    }
    checkShape(rrset, errors);
    const key = rrsetKey(rrset.name, rrset.type, rrset.setIdentifier);
    const existing = current(key);
    touched.add(rrset.name);
    if (action === 'CREATE') {
      if (existing) errors.push(`Tried to create resource record set ${label} but it already exists`);
      else overlay.set(key, rrset);
    } else if (action === 'DELETE') {
      if (!existing) errors.push(`Tried to delete resource record set ${label} but it was not found`);
      else if (!sameRrset(existing, rrset)) errors.push(`Tried to delete resource record set ${label} but the values provided do not match the current values`);
      else overlay.set(key, null);
    } else {
      overlay.set(key, rrset);
    }
  }
  if (errors.length === 0) checkFinalState(zone, overlay, touched, errors);
  if (errors.length > 0) throw new InvalidChangeBatchError(errors);

  for (const [key, r] of overlay) {
    if (r === null) zone.rrsets.delete(key);
    else zone.rrsets.set(key, r);
  }
  zone.sorted = undefined;
}

/** ResourceRecord elements and Value characters a batch counts against the limits. */
export function batchWeight(changes: readonly BatchChange[]): { records: number; chars: number } {
  let records = 0;
  let chars = 0;
  for (const { action, rrset } of changes) {
    const factor = action === 'UPSERT' ? 2 : 1;
    records += factor * rrset.values.length;
    chars += factor * rrset.values.reduce((n, v) => n + v.length, 0);
  }
  return { records, chars };
}

function checkLimits(changes: readonly BatchChange[], errors: string[]): void {
  const { records, chars } = batchWeight(changes);
  // moto words the record limit this way; Route 53's own wording is not documented.
  if (records > MAX_RECORDS) errors.push(`Number of records limit of ${MAX_RECORDS} exceeded.`);
  if (chars > MAX_CHARS) errors.push(`Number of characters limit of ${MAX_CHARS} exceeded.`);
}

function checkDuplicates(changes: readonly BatchChange[], errors: string[]): void {
  // A key may see one DELETE followed by one CREATE/UPSERT (a replace); anything else is refused,
  // including deleting the same record set twice.
  const seen = new Map<string, string[]>();
  for (const { action, rrset } of changes) {
    const key = rrsetKey(rrset.name, rrset.type, rrset.setIdentifier);
    const list = seen.get(key) ?? [];
    list.push(action);
    seen.set(key, list);
    const ok = list.length === 1 || (list.length === 2 && list[0] === 'DELETE' && list[1] !== 'DELETE');
    if (!ok && list.length === 2) errors.push(`The request contains an invalid set of changes for a resource record set '${rrset.type} ${rrset.name}'`);
  }
}

function checkShape(r: StoredRrset, errors: string[]): void {
  if (r.alias) {
    if (r.values.length > 0 || r.ttl !== undefined) errors.push(`Invalid request: an alias record set ${r.name} cannot have a TTL or resource records`);
    return;
  }
  if (r.ttl === undefined) errors.push(`Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=?, Name=${r.name}, Type=${r.type}]`);
  if (r.values.length === 0) errors.push(`Invalid request: record set ${r.name} type ${r.type} has no ResourceRecords`);
  if ((r.type === 'CNAME' || r.type === 'SOA') && r.values.length > 1) errors.push(`RRSet of type ${r.type} with DNS name ${r.name} has more than one resource record`);
  for (const v of r.values) {
    if (v.length > MAX_VALUE) errors.push(`Invalid Resource Record: FATAL problem: value longer than ${MAX_VALUE} characters encountered at ${v.slice(0, 40)}`);
    if (r.type === 'TXT' || r.type === 'SPF') checkTxt(v, errors);
  }
}

function checkTxt(value: string, errors: string[]): void {
  // Route 53 wants TXT as one or more quoted strings of at most 255 characters each (Developer
  // Guide, ResourceRecordTypes.html#TXTFormat); `\"`, `\\` and `\ooo` count as one character.
  const re = /"((?:[^"\\]|\\[0-7]{3}|\\.)*)"\s*/y;
  let i = 0;
  while (i < value.length) {
    re.lastIndex = i;
    const m = re.exec(value);
    if (!m) {
      errors.push(`Invalid Resource Record: 'FATAL problem: InvalidTXTRDATA encountered at ${value}'`);
      return;
    }
    const length = m[1]!.replace(/\\[0-7]{3}|\\./g, 'x').length;
    if (length > 255) {
      errors.push(`Invalid Resource Record: 'FATAL problem: TXTRDATATooLong (Value is too long) encountered with '${value.slice(0, 40)}''`);
      return;
    }
    i = re.lastIndex;
  }
  if (value.length === 0) errors.push(`Invalid Resource Record: 'FATAL problem: InvalidTXTRDATA encountered at '`);
}

function sameRrset(a: StoredRrset, b: StoredRrset): boolean {
  if (a.ttl !== b.ttl || a.weight !== b.weight) return false;
  if (!!a.alias !== !!b.alias) return false;
  if (a.alias && b.alias) {
    return a.alias.hostedZoneId === b.alias.hostedZoneId && storedName(a.alias.dnsName) === storedName(b.alias.dnsName) && a.alias.evaluateTargetHealth === b.alias.evaluateTargetHealth;
  }
  const x = [...a.values].sort();
  const y = [...b.values].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function checkFinalState(zone: StoredZone, overlay: Map<string, StoredRrset | null>, touched: Set<string>, errors: string[]): void {
  const byName = new Map<string, StoredRrset[]>();
  const all = new Map(zone.rrsets);
  for (const [k, r] of overlay) {
    if (r === null) all.delete(k);
    else all.set(k, r);
  }
  for (const r of all.values()) {
    if (!touched.has(r.name)) continue;
    const list = byName.get(r.name) ?? [];
    list.push(r);
    byName.set(r.name, list);
  }
  for (const [name, list] of byName) {
    const hasCname = list.some((r) => r.type === 'CNAME');
    if (hasCname && name === zone.name) errors.push(`RRSet of type CNAME with DNS name ${name} is not permitted at apex in zone ${zone.name}`);
    else if (hasCname && list.some((r) => r.type !== 'CNAME')) errors.push(`RRSet of type CNAME with DNS name ${name} is not permitted as it conflicts with other records with the same DNS name in zone ${zone.name}`);
  }
  if (touched.has(zone.name)) {
    const apex = [...all.values()].filter((r) => r.name === zone.name);
    if (apex.filter((r) => r.type === 'SOA').length !== 1) errors.push('A HostedZone must contain exactly one SOA record.');
    if (!apex.some((r) => r.type === 'NS')) errors.push('A HostedZone must contain at least one NS record for the zone itself.');
  }
}
