import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, planChecksum, recordTuple, zoneChecksum, type ZoneChecksumInput } from '../../src/plan/checksum.js';
import type { DnsRecord } from '../../src/records/types.js';
import { PURGE, rec, smallPlan, zonePlan } from './fixtures.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const Z = 'sum.example';
const desired = [rec(Z, 'www', 'A', '192.0.2.1', 300, 3), rec(Z, '@', 'MX', '10 mx.sum.example.', 300, 4)];
const observed = [rec(Z, 'www', 'A', '192.0.2.9'), { ...rec(Z, 'x', 'TXT', '"y"'), meta: { b: '2', a: '1' } }];
const input: ZoneChecksumInput = { domain: Z, provider: 'p', providerType: 'BIND', granularity: 'zone', desired, absent: [], handsOff: PURGE, observed };

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
  });
});

describe('zoneChecksum', () => {
  it('is sha256 over the canonical JSON of the zone inputs (records sorted)', () => {
    const sorted = (recs: readonly DnsRecord[]) => recs.map((r) => canonicalJson(recordTuple(r))).sort().map((t) => JSON.parse(t) as unknown);
    const doc = {
      absent: [],
      comparedMeta: [],
      desired: sorted(desired),
      domain: Z,
      granularity: 'zone',
      handsOff: PURGE,
      observed: sorted(observed),
      provider: 'p',
      providerType: 'BIND',
    };
    expect(zoneChecksum(input)).toBe(sha(canonicalJson(doc)));
  });

  it('is the same for the same state in any order, and ignores config positions and provider data', () => {
    const again = zoneChecksum({
      ...input,
      desired: [...desired].reverse().map((r) => ({ ...r, source: { file: 'other.ts', line: 1, column: 1 } })),
      observed: [...observed].reverse().map((r) => ({ ...r, native: { id: 'abc' } })),
    });
    expect(again).toBe(zoneChecksum(input));
  });

  it.each<[string, Partial<ZoneChecksumInput>]>([
    ['a desired TTL', { desired: [{ ...desired[0], ttl: 60 } as DnsRecord, desired[1] as DnsRecord] }],
    ['an observed record', { observed: observed.slice(1) }],
    ['a zone that does not exist', { observed: null }],
    ['an IGNORE rule', { handsOff: { ...PURGE, ignores: [{ label: 'x', types: '*', target: '*' }] } }],
    ['NO_PURGE', { handsOff: { ...PURGE, purge: false } }],
    ['an ENSURE_ABSENT record', { absent: [rec(Z, 'gone', 'A', '192.0.2.7')] }],
    ['the provider', { provider: 'q' }],
    ['compared meta', { comparedMeta: ['cloudflare_proxy'] }],
  ])('changes with %s', (_what, change) => {
    expect(zoneChecksum({ ...input, ...change })).not.toBe(zoneChecksum(input));
  });
});

describe('planChecksum', () => {
  it('is sha256 over the canonical JSON of the zones and their changes', () => {
    const plan = smallPlan();
    const tuple = (r: DnsRecord) => recordTuple(r);
    const doc = {
      version: 1,
      zones: plan.zones.map((z) => ({
        changes: z.changes.map((c) => ({
          kind: c.kind,
          name: c.name,
          type: c.type,
          before: c.before.map(tuple),
          after: c.after.map(tuple),
          details: c.details.map((d) => ({ kind: d.kind, ...('before' in d ? { before: tuple(d.before) } : {}), ...('after' in d ? { after: tuple(d.after) } : {}) })),
        })),
        checksum: z.checksum,
        domain: z.domain,
        error: z.error ?? null,
        provider: z.provider,
      })),
    };
    expect(plan.checksum).toBe(sha(canonicalJson(doc)));
  });

  it('is the same for the same input, and differs when a change differs', () => {
    expect(smallPlan().checksum).toBe(smallPlan().checksum);
    const a = zonePlan(Z, [], desired);
    const b = zonePlan(Z, [], [desired[0] as DnsRecord]);
    expect(planChecksum([a])).not.toBe(planChecksum([b]));
  });
});
