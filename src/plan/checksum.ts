import { createHash } from 'node:crypto';
import type { Change, Granularity, RecordChange } from '../diff/types.js';
import type { IrHandsOff } from '../ir/types.js';
import type { DnsRecord } from '../records/types.js';
import type { ZonePlan } from './types.js';

/**
 * JSON with object keys sorted and `undefined` members dropped, no whitespace: equal values give
 * equal text, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * A record as checksums see it: name, type, TTL, rdata and meta. The source position is left out
 * (moving a line in dnsconfig.ts changes nothing in DNS), and so is provider-private data.
 */
export function recordTuple(r: DnsRecord): unknown[] {
  return r.meta && Object.keys(r.meta).length > 0 ? [r.name, r.type, r.ttl, r.rdata, r.meta] : [r.name, r.type, r.ttl, r.rdata];
}

function sortedRecordsJson(recs: readonly DnsRecord[]): string {
  const items = recs.map((r) => canonicalJson(recordTuple(r)));
  items.sort();
  return `[${items.join(',')}]`;
}

/** Inputs of {@link zoneChecksum}: everything that decides a zone's diff. */
export interface ZoneChecksumInput {
  readonly domain: string;
  readonly provider: string;
  readonly providerType: string;
  readonly granularity: Granularity;
  readonly desired: readonly DnsRecord[];
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly comparedMeta?: readonly string[];
  /** What the provider serves; null when the zone does not exist. */
  readonly observed: readonly DnsRecord[] | null;
}

/**
 * sha256 (hex) over the canonical JSON of a zone's desired state (records, ENSURE_ABSENT records,
 * hands-off rules) and its observed state, records sorted. Push recomputes it from the live zone and
 * refuses when it differs from the saved plan's: the zone changed since the plan was reviewed.
 */
export function zoneChecksum(input: ZoneChecksumInput): string {
  const h = createHash('sha256');
  // Streamed in canonical-JSON key order (absent, comparedMeta, desired, domain, granularity,
  // handsOff, observed, provider, providerType) so a million records never form one string.
  const handsOff = { ...input.handsOff, ignores: input.handsOff.ignores.map(({ label, types, target }) => ({ label, types, target })) };
  h.update(`{"absent":${sortedRecordsJson(input.absent)}`);
  h.update(`,"comparedMeta":${canonicalJson([...new Set(input.comparedMeta ?? [])].sort())}`);
  h.update(`,"desired":`);
  h.update(sortedRecordsJson(input.desired));
  h.update(`,"domain":${canonicalJson(input.domain)},"granularity":${canonicalJson(input.granularity)}`);
  h.update(`,"handsOff":${canonicalJson(handsOff)},"observed":`);
  h.update(input.observed === null ? 'null' : sortedRecordsJson(input.observed));
  h.update(`,"provider":${canonicalJson(input.provider)},"providerType":${canonicalJson(input.providerType)}}`);
  return h.digest('hex');
}

function detailJson(d: RecordChange): unknown {
  switch (d.kind) {
    case 'create':
      return { kind: d.kind, after: recordTuple(d.after) };
    case 'delete':
      return { kind: d.kind, before: recordTuple(d.before) };
    default:
      return { kind: d.kind, before: recordTuple(d.before), after: recordTuple(d.after) };
  }
}

function changeJson(c: Change): unknown {
  return { kind: c.kind, name: c.name, type: c.type, before: c.before.map(recordTuple), after: c.after.map(recordTuple), details: c.details.map(detailJson) };
}

/** sha256 (hex) over the canonical JSON of every zone's identity, checksum, error and changes, in plan order. */
export function planChecksum(zones: readonly ZonePlan[]): string {
  const h = createHash('sha256');
  h.update('{"version":1,"zones":[');
  zones.forEach((z, i) => {
    if (i > 0) h.update(',');
    // Keys in sorted order, as canonicalJson would write them.
    h.update('{"changes":[');
    z.changes.forEach((c, j) => h.update(`${j > 0 ? ',' : ''}${canonicalJson(changeJson(c))}`));
    h.update(`],"checksum":${canonicalJson(z.checksum)},"domain":${canonicalJson(z.domain)},"error":${canonicalJson(z.error ?? null)}`);
    h.update(`,"provider":${canonicalJson(z.provider)}}`);
  });
  h.update(']}');
  return h.digest('hex');
}
