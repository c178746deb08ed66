import { describe, expect, it } from 'vitest';
import { makeZones } from '../../bench/diff.js';
import { diffZone } from '../../src/diff/diff-zone.js';
import { makeIdentity, rrsetKey } from '../../src/diff/identity.js';
import { diffTargets } from '../../src/diff/targets.js';
import type { DnsRecord } from '../../src/records/types.js';
import { PURGE, rec, showDetail, ZONE } from './helpers.js';

/** A small deterministic generator, so the zones below are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomZone(rand: () => number, n: number): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (let i = 0; i < n; i++) {
    const label = `h${Math.floor(rand() * (n / 3))}`;
    const t = rand();
    const ttl = rand() < 0.2 ? 60 : 300;
    if (t < 0.5) out.push(rec(label, 'A', `10.0.${Math.floor(rand() * 4)}.${Math.floor(rand() * 4)}`, ttl));
    else if (t < 0.7) out.push(rec(label, 'MX', `${Math.floor(rand() * 3) * 10} mx${Math.floor(rand() * 3)}.example.com.`, ttl));
    else if (t < 0.9) out.push(rec(label, 'TXT', `"v${Math.floor(rand() * 5)}"`, ttl));
    else out.push(rec(label, 'CNAME', `t${Math.floor(rand() * 5)}.example.net.`, ttl));
  }
  return out;
}

/** The straightforward reference: group every record by name+type and diff each group. */
function naiveDetails(existing: DnsRecord[], desired: DnsRecord[]): string[] {
  const id = makeIdentity();
  const groups = new Map<string, { e: DnsRecord[]; d: DnsRecord[] }>();
  for (const [side, recs] of [['e', existing], ['d', desired]] as const) {
    for (const r of recs) {
      const g = groups.get(rrsetKey(r)) ?? { e: [], d: [] };
      g[side].push(r);
      groups.set(rrsetKey(r), g);
    }
  }
  return [...groups.values()].flatMap((g) => diffTargets(g.e, g.d, id).map(showDetail)).sort();
}

describe('diffZone on larger zones', () => {
  it.each([1, 2, 3, 4, 5])('matches the per-rrset reference on a random zone (seed %i)', (seed) => {
    const rand = lcg(seed);
    const existing = randomZone(rand, 3000);
    const desired = randomZone(rand, 3000).concat(existing.filter(() => rand() < 0.8));
    const { diff } = diffZone({ zone: ZONE, desired, existing, absent: [], handsOff: PURGE, granularity: 'record' });
    const got = diff.changes.flatMap((c) => c.details.map(showDetail)).sort();
    expect(got).toEqual(naiveDetails(existing, desired));
    expect(diff.counts.create + diff.counts.update + diff.counts.delete).toBe(got.length);
  });

  it('finds exactly the changes of the benchmark zone (1% changed)', () => {
    const { existing, desired } = makeZones(30_000);
    for (const granularity of ['record', 'rrset', 'label', 'zone'] as const) {
      const { diff } = diffZone({ zone: 'bench.example', desired, existing, absent: [], handsOff: PURGE, granularity });
      expect(diff.counts).toEqual({ create: 100, update: 100, delete: 100 });
    }
  });
});
