/** Conversion between Cloud DNS record sets and zonesmith records, desired-state preparation and the audit. */
import { describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { nameFromGcloud, nameToGcloud, rdataToGcloud, recordsFromRrset, rrdataBytes, rrsetFromRecords } from '../../../providers/gcloud/convert.js';
import { nativeLookup, planChange } from '../../../providers/gcloud/plan.js';
import { auditRecords, prepareDesired } from '../../../providers/gcloud/prepare.js';
import { manyA, rec, zoneRef } from './support.js';

const ZONE = 'conv.example';

describe('GCLOUD conversion', () => {
  it('maps names both ways', () => {
    expect(nameFromGcloud('WWW.Conv.Example.')).toBe('www.conv.example');
    expect(nameFromGcloud('*.conv.example.')).toBe('*.conv.example');
    expect(nameToGcloud('_dmarc.conv.example')).toBe('_dmarc.conv.example.');
  });

  it('reads a set into one record per rrdata, keeping the set as read for exact deletions', () => {
    const rrset = { kind: 'dns#resourceRecordSet', name: `mx.${ZONE}.`, type: 'MX', ttl: 600, rrdatas: ['10 a.example.net.', '20 B.example.net.'] };
    const read = recordsFromRrset(rrset, ZONE);
    expect(read.kind).toBe('records');
    const records = (read as { records: DnsRecord[] }).records;
    expect(records.map((r) => [r.name, r.type, r.ttl, r.rdata])).toEqual([
      [`mx.${ZONE}`, 'MX', 600, '10 a.example.net.'],
      [`mx.${ZONE}`, 'MX', 600, '20 b.example.net.'],
    ]);
    expect(records.every((r) => r.native === rrset)).toBe(true);
  });

  it('skips SOA, routing policies and types zonesmith does not know', () => {
    expect(recordsFromRrset({ name: `${ZONE}.`, type: 'SOA', ttl: 1, rrdatas: ['a. b. 1 2 3 4 5'] }, ZONE)).toEqual({ kind: 'skipped', reason: 'soa' });
    expect(recordsFromRrset({ name: `geo.${ZONE}.`, type: 'A', ttl: 1, rrdatas: [], routingPolicy: { geo: { items: [] } } }, ZONE)).toEqual({ kind: 'skipped', reason: 'routing-policy' });
    expect(recordsFromRrset({ name: `k.${ZONE}.`, type: 'IPSECKEY', ttl: 1, rrdatas: ['x'] }, ZONE)).toEqual({ kind: 'skipped', reason: 'unknown-type' });
  });

  it('refuses data of a known type it cannot read, naming the record (so it is never deleted unseen)', () => {
    expect(() => recordsFromRrset({ name: `bad.${ZONE}.`, type: 'A', ttl: 1, rrdatas: ['300.1.1.1'] }, ZONE)).toThrow(ZonesmithError);
    expect(() => recordsFromRrset({ name: `bad.${ZONE}.`, type: 'A', ttl: 1, rrdatas: ['300.1.1.1'] }, ZONE)).toThrow(/bad\.conv\.example A "300\.1\.1\.1"/);
  });

  it('writes TXT as quoted strings of at most 255 octets, never cutting a UTF-8 character, and counts bytes as UTF-8', () => {
    const text = `${'a'.repeat(254)}é${'b'.repeat(10)}`;
    const out = rdataToGcloud('TXT', rec(ZONE, 't', 'TXT', `"${text}"`).rdata);
    expect(out).toBe(`"${'a'.repeat(254)}" "é${'b'.repeat(10)}"`);
    expect(rrdataBytes({ name: 'x.', type: 'TXT', ttl: 1, rrdatas: [out] })).toBe(Buffer.byteLength(out));
    expect(rrsetFromRecords(`t.${ZONE}`, 'TXT', [rec(ZONE, 't', 'TXT', '"x"', 60)])).toEqual({ name: `t.${ZONE}.`, type: 'TXT', ttl: 60, rrdatas: ['"x"'] });
  });

  it('plans a deletion as the set read, or rebuilt when the read is gone', () => {
    const native = { name: `a.${ZONE}.`, type: 'A', ttl: 300, rrdatas: ['192.0.2.1'] };
    const existing: DnsRecord = { ...rec(ZONE, 'a', 'A', '192.0.2.1'), native };
    const c = { kind: 'update' as const, name: `a.${ZONE}`, type: 'A', before: [existing], after: [rec(ZONE, 'a', 'A', '192.0.2.2')], details: [] };
    expect(planChange(c, nativeLookup([existing]))).toEqual({ change: c, deletion: native, addition: { ...native, rrdatas: ['192.0.2.2'] } });
    const { native: _n, ...plain } = existing;
    const fromPlan = planChange({ ...c, before: [plain] }, nativeLookup([]));
    expect(fromPlan.deletion).toEqual(native);
  });
});

describe('GCLOUD desired state and audit', () => {
  const z = zoneRef(ZONE);

  it('gives every record of a set the TTL of the first, as a set has one TTL', () => {
    const out = prepareDesired([rec(ZONE, 'a', 'A', '192.0.2.1', 60), rec(ZONE, 'a', 'A', '192.0.2.2', 300), rec(ZONE, 'b', 'A', '192.0.2.3', 300)]);
    expect(out.map((r) => r.ttl)).toEqual([60, 60, 300]);
  });

  it('accepts what Cloud DNS can hold', () => {
    expect(auditRecords([rec(ZONE, '@', 'ALIAS', 'lb.example.net.'), rec(ZONE, 'child', 'NS', 'ns.example.net.'), ...manyA(ZONE, 'x', 100)], z, undefined)).toEqual([]);
  });

  it('objects to what Cloud DNS refuses, before anything is sent', () => {
    const codes = (records: DnsRecord[], visibility?: string): string[] => auditRecords(records, z, visibility).map((x) => `${x.issue.severity} ${x.issue.code}`);
    expect(codes([rec(ZONE, 'www', 'ALIAS', 'lb.example.net.')])).toEqual(['error gcloud-alias-not-apex']);
    expect(codes([rec(ZONE, '@', 'ALIAS', 'lb.example.net.')], 'private')).toEqual(['error gcloud-alias-private-zone']);
    expect(codes([rec(ZONE, '*', 'NS', 'ns.example.net.')])).toEqual(['error gcloud-wildcard-ns']);
    expect(codes(Array.from({ length: 101 }, (_v, i) => rec(ZONE, 'many', 'A', `10.0.0.${i}`)))).toEqual(['error gcloud-rrset-too-many']);
    expect(codes(Array.from({ length: 9 }, (_v, i) => rec(ZONE, 'sub', 'NS', `ns${i}.example.net.`)))).toEqual(['error gcloud-ns-too-many']);
    expect(codes(Array.from({ length: 60 }, (_v, i) => rec(ZONE, 'fat', 'TXT', `"${String(i).padEnd(2000, 'x')}"`)))).toEqual(['error gcloud-rrset-too-large']);
    expect(codes(manyA(ZONE, 'h', 10_000))).toEqual(['warning gcloud-zone-rrsets']);
  });
});
