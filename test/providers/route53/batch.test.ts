/** Packing, as a pure function: limits, grouping, ordering and the request count. */
import { describe, expect, it } from 'vitest';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { Change } from '../../../src/diff/types.js';
import { lowerBound, packBatches, totalWeight, type NativeChange, type PlannedChange } from '../../../providers/route53/batch.js';

function change(name: string, type = 'A'): Change {
  return { kind: 'create', name, type, before: [], after: [], details: [] };
}

function rrset(name: string, values: string[], type = 'A'): ResourceRecordSet {
  return { Name: `${name}.`, Type: type as 'A', TTL: 300, ResourceRecords: values.map((Value) => ({ Value })) };
}

function planned(name: string, natives: NativeChange[], type = 'A'): PlannedChange {
  return { change: change(name, type), natives };
}

const create = (name: string, values: string[], type = 'A'): PlannedChange => planned(name, [{ action: 'CREATE', rrset: rrset(name, values, type) }], type);

/** A small deterministic PRNG so the random mixes are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function checkInvariants(input: readonly PlannedChange[], batches: ReturnType<typeof packBatches>): void {
  const all = batches.flatMap((b) => b.changes);
  expect(all).toHaveLength(input.length);
  expect(new Set(all)).toEqual(new Set(input.map((p) => p.change)));
  for (const b of batches) {
    const w = totalWeight(b.natives);
    expect(w).toEqual(b.weight);
    expect(w.records).toBeLessThanOrEqual(1000);
    expect(w.chars).toBeLessThanOrEqual(32000);
  }
}

describe('ROUTE53 packing', () => {
  it('keeps every change at one name in one request, deletions first', () => {
    const del = planned('www.example.com', [{ action: 'DELETE', rrset: rrset('www.example.com', ['target.example.net.'], 'CNAME') }], 'CNAME');
    const add = create('www.example.com', ['192.0.2.1']);
    const filler = Array.from({ length: 999 }, (_v, i) => create(`f${i}.example.com`, ['192.0.2.1']));
    const batches = packBatches([add, ...filler, del]);
    checkInvariants([add, ...filler, del], batches);
    const withWww = batches.filter((b) => b.changes.some((c) => c.name === 'www.example.com'));
    expect(withWww).toHaveLength(1);
    const actions = withWww[0]!.natives.filter((n) => n.rrset.Name === 'www.example.com.').map((n) => n.action);
    expect(actions).toEqual(['DELETE', 'CREATE']);
  });

  it('puts an alias into the request of its in-zone target or a later one, after the target', () => {
    const alias = planned('a.example.com', [{ action: 'CREATE', rrset: { Name: 'a.example.com.', Type: 'A', AliasTarget: { HostedZoneId: 'Z', DNSName: 'target.example.com.', EvaluateTargetHealth: false } } }], 'R53_ALIAS');
    const target = create('target.example.com', ['192.0.2.1']);
    const filler = Array.from({ length: 1500 }, (_v, i) => create(`f${i}.example.com`, ['192.0.2.1']));
    const input = [alias, ...filler, target];
    const batches = packBatches(input);
    checkInvariants(input, batches);
    const bi = (name: string): number => batches.findIndex((b) => b.changes.some((c) => c.name === name));
    expect(bi('a.example.com')).toBeGreaterThanOrEqual(bi('target.example.com'));
    const b = batches[bi('a.example.com')]!;
    const ti = b.natives.findIndex((n) => n.rrset.Name === 'target.example.com.');
    const ai = b.natives.findIndex((n) => n.rrset.Name === 'a.example.com.');
    if (ti >= 0) expect(ti).toBeLessThan(ai);
  });

  it('sends a name whose changes exceed one request change by change, over consecutive requests', () => {
    const types = ['A', 'AAAA', 'TXT'] as const;
    const values = (t: string, n: number): string[] => Array.from({ length: n }, (_v, i) => (t === 'A' ? `192.0.2.${i % 250}` : t === 'AAAA' ? `2001:db8::${i.toString(16)}` : `"v${i}"`));
    const huge = types.map((t) => create('big.example.com', values(t, 400), t));
    const batches = packBatches(huge);
    checkInvariants(huge, batches);
    expect(batches.length).toBe(2);
  });

  it('refuses a change that cannot fit any request', () => {
    const tooBig = planned('x.example.com', [{ action: 'UPSERT', rrset: rrset('x.example.com', Array.from({ length: 501 }, (_v, i) => `192.0.2.${i % 250}`)) }]);
    expect(() => packBatches([tooBig])).toThrow(/needs 1002 ResourceRecord elements/);
  });

  it('meets the lower bound on random mixes of sizes and actions', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = prng(seed);
      const n = 200 + Math.floor(rnd() * 3000);
      const input: PlannedChange[] = [];
      for (let i = 0; i < n; i++) {
        const name = `n${i}.example.com`;
        const r = rnd();
        const valueLen = r < 0.1 ? 500 + Math.floor(rnd() * 3400) : 7 + Math.floor(rnd() * 30);
        const count = 1 + Math.floor(rnd() * (r < 0.1 ? 2 : 6));
        const vals = Array.from({ length: count }, (_v, j) => `${j}`.padEnd(valueLen, 'v'));
        const action = (['CREATE', 'UPSERT', 'DELETE'] as const)[Math.floor(rnd() * 3)]!;
        input.push(planned(name, [{ action, rrset: rrset(name, vals, 'TXT') }], 'TXT'));
      }
      const batches = packBatches(input);
      checkInvariants(input, batches);
      expect({ seed, requests: batches.length }).toEqual({ seed, requests: lowerBound(input) });
    }
  });
});
