/** Packing planned changes into Cloud DNS Changes, without a server: the invariants and the edges. */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { GCLOUD_LIMITS, lowerBound, packBatches, plannedWeight, type Batch } from '../../../providers/gcloud/batch.js';
import { rrdataBytes, type NativeRrset } from '../../../providers/gcloud/convert.js';
import type { PlannedChange } from '../../../providers/gcloud/plan.js';

const ZONE = 'pack.example';

function set(name: string, type: string, rrdatas: string[]): NativeRrset {
  return { name: `${name}.${ZONE}.`, type, ttl: 300, rrdatas };
}

function change(kind: Change['kind'], name: string, type: string): Change {
  const r: DnsRecord = { name: `${name}.${ZONE}`, type, ttl: 300, rdata: '192.0.2.1' };
  return { kind, name: r.name, type, before: kind === 'create' ? [] : [r], after: kind === 'delete' ? [] : [r], details: [] };
}

function planned(kind: Change['kind'], name: string, type: string, bytes = 9): PlannedChange {
  const data = [bytes === 9 ? '192.0.2.1' : `"${'x'.repeat(bytes - 2)}"`];
  return {
    change: change(kind, name, type),
    ...(kind !== 'create' ? { deletion: set(name, type, data) } : {}),
    ...(kind !== 'delete' ? { addition: set(name, type, data) } : {}),
  };
}

function checkInvariants(input: readonly PlannedChange[], batches: readonly Batch[]): void {
  // Every change exactly once; each Change within every limit; weights add up.
  expect(batches.flatMap((b) => b.changes)).toHaveLength(input.length);
  expect(new Set(batches.flatMap((b) => b.changes))).toEqual(new Set(input.map((p) => p.change)));
  for (const b of batches) {
    expect(b.additions.length).toBeLessThanOrEqual(GCLOUD_LIMITS.additions);
    expect(b.deletions.length).toBeLessThanOrEqual(GCLOUD_LIMITS.deletions);
    expect([...b.additions, ...b.deletions].reduce((n, r) => n + rrdataBytes(r), 0)).toBe(b.weight.bytes);
    expect(b.weight.bytes).toBeLessThanOrEqual(GCLOUD_LIMITS.bytes);
  }
  // A set's deletion and addition are in the same Change.
  const changeOf = new Map<unknown, number>();
  batches.forEach((b, i) => {
    for (const x of [...b.changes, ...b.additions, ...b.deletions]) {
      expect(changeOf.has(x)).toBe(false);
      changeOf.set(x, i);
    }
  });
  for (const p of input) {
    const i = changeOf.get(p.change);
    if (p.deletion) expect(changeOf.get(p.deletion)).toBe(i);
    if (p.addition) expect(changeOf.get(p.addition)).toBe(i);
  }
}

describe('GCLOUD packing', () => {
  it('counts additions, deletions and rrdata bytes of both', () => {
    const p = planned('update', 'a', 'TXT', 100);
    expect(plannedWeight(p)).toEqual({ additions: 1, deletions: 1, bytes: 200 });
    expect(lowerBound([p])).toBe(1);
    expect(packBatches([])).toEqual([]);
  });

  it('keeps all changes at one name together and in input order within a Change', () => {
    const input = [planned('delete', 'swap', 'CNAME'), planned('create', 'swap', 'A'), planned('create', 'other', 'A')];
    const batches = packBatches(input);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.changes).toEqual(input.map((p) => p.change));
    checkInvariants(input, batches);
  });

  it('reaches the bound on mixes of sizes, deletions and additions', () => {
    let seed = 99;
    const rand = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 30; round++) {
      const input: PlannedChange[] = [];
      const n = 1 + Math.floor(rand() * 4000);
      for (let i = 0; i < n; i++) {
        const kind = (['create', 'update', 'delete'] as const)[Math.floor(rand() * 3)]!;
        const big = rand() < 0.05;
        input.push(planned(kind, `n${round}-${i}`, big ? 'TXT' : 'A', big ? 200 + Math.floor(rand() * 4000) : 9));
      }
      const batches = packBatches(input);
      checkInvariants(input, batches);
      expect(batches.length, `round ${round}`).toBe(lowerBound(input));
    }
  });

  it('sends a name too big for one Change over consecutive Changes, deletions first', () => {
    // 15 deletions and 15 creations of 6,000-byte sets at one name (as many types): 180,000 bytes.
    const input = Array.from({ length: 30 }, (_v, i) => planned(i % 2 ? 'create' : 'delete', 'huge', `TYPE${65280 + i}`, 6000));
    const batches = packBatches(input);
    checkInvariants(input, batches);
    const firstAdd = batches.findIndex((b) => b.additions.length > 0);
    const lastDelete = batches.map((b) => b.deletions.length > 0).lastIndexOf(true);
    expect(lastDelete).toBeLessThanOrEqual(firstAdd);
  });

  it('refuses one set whose old and new data cannot fit one Change, rather than leaving the name empty in between', () => {
    const p = planned('update', 'giant', 'TXT', 60_000);
    expect(() => packBatches([p])).toThrow(ZonesmithError);
    expect(() => packBatches([p])).toThrow(/120000 bytes of record data \(old and new set\); one Cloud DNS Change allows 100000/);
  });
});
