import { describe, expect, it } from 'vitest';
import { checkSafety } from '../../src/plan/safety.js';
import type { DnsRecord } from '../../src/records/types.js';
import { blockedPlan, rec, zonePlan } from './fixtures.js';

const Z = 'safe.example';
const hosts = (n: number, from = 0): DnsRecord[] => Array.from({ length: n }, (_, i) => rec(Z, `h${from + i}`, 'A', `192.0.2.${(from + i) % 250}`));
const bumped = (recs: DnsRecord[], k: number): DnsRecord[] => recs.map((r, i) => (i < k ? { ...r, rdata: r.rdata.replace('192.0.2.', '198.51.100.') } : r));

describe('checkSafety (octoDNS semantics)', () => {
  it.each([
    [10, 3, false],
    [10, 4, true],
    [100, 30, false],
    [100, 31, true],
  ])('%i existing, %i updated: blocked=%s (strictly more than 30%% blocks)', (existing, updated, blocked) => {
    const base = hosts(existing);
    const z = zonePlan(Z, base, bumped(base, updated));
    expect(z.counts.update).toBe(updated);
    expect(z.safety.blocked).toBe(blocked);
  });

  it.each([
    [10, 3, false],
    [10, 4, true],
    [20, 6, false],
    [20, 7, true],
  ])('%i existing, %i deleted: blocked=%s', (existing, deleted, blocked) => {
    const base = hosts(existing);
    expect(zonePlan(Z, base, base.slice(deleted)).safety.blocked).toBe(blocked);
  });

  it('says why, in octoDNS words', () => {
    const base = hosts(10);
    expect(zonePlan(Z, base, bumped(base, 4).slice(0, 6)).safety).toEqual({
      blocked: true,
      reasons: ['too many updates: 40.00% is over 30.00% (4/10)', 'too many deletes: 40.00% is over 30.00% (4/10)'],
    });
  });

  it('never blocks a zone with fewer than 10 existing records', () => {
    const base = hosts(9);
    expect(zonePlan(Z, base, []).safety).toEqual({ blocked: false, reasons: [] });
    expect(zonePlan(Z, base, bumped(base, 9)).safety.blocked).toBe(false);
  });

  it('does not count creates', () => {
    const base = hosts(10);
    expect(zonePlan(Z, base, [...base, ...hosts(100, 10)]).safety.blocked).toBe(false);
  });

  it('blocks any change to the apex NS records of an existing zone, whatever its size', () => {
    const ns = (h: string) => rec(Z, '@', 'NS', `${h}.dns.example.net.`);
    expect(zonePlan(Z, [ns('a')], [ns('b')]).safety).toEqual({ blocked: true, reasons: ['the apex NS records would change (the zone delegation)'] });
    expect(zonePlan(Z, [ns('a')], [ns('a'), ns('b')]).safety.blocked).toBe(true);
    expect(zonePlan(Z, [{ ...ns('a'), ttl: 60 }], [ns('a')]).safety.blocked).toBe(true);
  });

  it('does not block apex NS records of a zone that does not exist yet, nor NS records below the apex', () => {
    const ns = (h: string) => rec(Z, '@', 'NS', `${h}.dns.example.net.`);
    expect(zonePlan(Z, null, [ns('a')]).safety.blocked).toBe(false);
    expect(zonePlan(Z, [], [rec(Z, 'sub', 'NS', 'ns.example.net.')]).safety.blocked).toBe(false);
  });

  it('takes thresholds per zone', () => {
    const base = hosts(10);
    const z = zonePlan(Z, base, base.slice(4));
    expect(checkSafety(z, { maxDeleteFraction: 0.4 }, { force: false }).blocked).toBe(false);
    expect(checkSafety(z, { maxDeleteFraction: 0.39 }, { force: false }).blocked).toBe(true);
    const small = zonePlan(Z, hosts(5), []);
    expect(checkSafety(small, { minExisting: 5 }, { force: false }).reasons).toEqual(['too many deletes: 100.00% is over 30.00% (5/5)']);
    expect(checkSafety(small, { minExisting: 6 }, { force: false }).blocked).toBe(false);
  });

  it('--force lifts the block and keeps the reasons', () => {
    expect(blockedPlan(true).zones[0]?.safety).toEqual({
      blocked: false,
      forced: true,
      reasons: ['too many deletes: 35.00% is over 30.00% (7/20)', 'the apex NS records would change (the zone delegation)'],
    });
  });
});
