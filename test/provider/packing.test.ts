/**
 * The shared packer, on plain items: the lower bound, reaching it (the request counts the Route 53
 * and Cloud DNS tests assert against real servers, here without a provider), units, oversized
 * units, dependency order and the too-large error.
 */
import { describe, expect, it } from 'vitest';
import { lowerBound, packItems, type PackedBin, type PackSpec, type Vector } from '../../src/provider/packing.js';

type Dim = 'records' | 'chars';
type Dim3 = 'additions' | 'deletions' | 'bytes';

/** A test item: its unit, its weight, and optionally what it depends on and whether it is a deletion. */
interface Item<K extends string> {
  readonly id: number;
  readonly unit: string;
  readonly w: Vector<K>;
  readonly removal?: boolean;
  readonly deps?: readonly string[];
}

const ROUTE53_LIKE: Vector<Dim> = { records: 1000, chars: 32_000 };
const GCLOUD_LIKE: Vector<Dim3> = { additions: 1000, deletions: 1000, bytes: 100_000 };

class TooLarge extends Error {}

function spec<K extends string>(limits: Vector<K>, extra: Partial<PackSpec<Item<K>, K>> = {}): PackSpec<Item<K>, K> {
  return {
    limits,
    weight: (i) => i.w,
    unitOf: (i) => i.unit,
    splitFirst: (i) => i.removal === true,
    dependsOn: (i) => i.deps ?? [],
    tooLarge: (i) => new TooLarge(`item ${i.id} is too large`),
    ...extra,
  };
}

let nextId = 0;
function items<K extends string>(n: number, w: Vector<K>, prefix: string): Item<K>[] {
  return Array.from({ length: n }, (_v, i) => ({ id: nextId++, unit: `${prefix}${i}`, w }));
}

const binItems = <K extends string>(b: PackedBin<Item<K>, K>): Item<K>[] => b.groups.flatMap((g) => g.items);

/** Every item exactly once, every bin within every limit, and each bin's weight the sum of its items. */
function checkInvariants<K extends string>(input: readonly Item<K>[], bins: readonly PackedBin<Item<K>, K>[], limits: Vector<K>): void {
  const all = bins.flatMap(binItems);
  expect(all).toHaveLength(input.length);
  expect(new Set(all)).toEqual(new Set(input));
  for (const b of bins) {
    for (const d of Object.keys(limits) as K[]) {
      expect(binItems(b).reduce((s, i) => s + i.w[d], 0)).toBe(b.weight[d]);
      expect(b.weight[d]).toBeLessThanOrEqual(limits[d]);
    }
  }
}

/** Requests a fill in input order uses (a new one whenever the next item does not fit). */
function inOrderFill<K extends string>(input: readonly Item<K>[], limits: Vector<K>): number {
  const dims = Object.keys(limits) as K[];
  let count = 1;
  let used = dims.map(() => 0);
  for (const i of input) {
    if (dims.some((d, j) => used[j]! + i.w[d] > limits[d])) {
      count++;
      used = dims.map(() => 0);
    }
    used = used.map((u, j) => u + i.w[dims[j]!]);
  }
  return count;
}

/** A small deterministic PRNG so the random mixes are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('lowerBound', () => {
  it('is the largest ceil(total / limit) over the dimensions, 0 for nothing', () => {
    expect(lowerBound([], ROUTE53_LIKE)).toBe(0);
    expect(lowerBound([{ records: 1000, chars: 9000 }], ROUTE53_LIKE)).toBe(1);
    expect(lowerBound([{ records: 1001, chars: 9 }], ROUTE53_LIKE)).toBe(2);
    expect(lowerBound([{ records: 1, chars: 20_000 }, { records: 1, chars: 20_000 }, { records: 1, chars: 30_000 }], ROUTE53_LIKE)).toBe(3);
    expect(lowerBound([{ additions: 10, deletions: 2500, bytes: 5 }], GCLOUD_LIKE)).toBe(3);
  });
});

describe('packItems reaches the lower bound', () => {
  for (const n of [1, 999, 1000, 1001, 10_000]) {
    it(`${n} single-record creations (1 element, 9 characters each): ⌈${n}/1000⌉ requests`, () => {
      const input = items<Dim>(n, { records: 1, chars: 9 }, 'c');
      const bins = packItems(input, spec(ROUTE53_LIKE));
      checkInvariants(input, bins, ROUTE53_LIKE);
      expect(bins).toHaveLength(Math.ceil(n / 1000));
      expect(bins).toHaveLength(lowerBound(input.map((i) => i.w), ROUTE53_LIKE));
    });

    it(`${n} updates counted twice (2 elements, 18 characters each): ⌈${2 * n}/1000⌉ requests`, () => {
      const input = items<Dim>(n, { records: 2, chars: 18 }, 'u');
      const bins = packItems(input, spec(ROUTE53_LIKE));
      checkInvariants(input, bins, ROUTE53_LIKE);
      expect(bins).toHaveLength(Math.ceil((2 * n) / 1000));
    });

    it(`${n} updates in three dimensions (an addition and a deletion each): ⌈${n}/1000⌉ requests`, () => {
      const input = items<Dim3>(n, { additions: 1, deletions: 1, bytes: 18 }, 'g');
      const bins = packItems(input, spec(GCLOUD_LIKE));
      checkInvariants(input, bins, GCLOUD_LIKE);
      expect(bins).toHaveLength(Math.ceil(n / 1000));
    });
  }

  it('3,000 small items and 60 of 2,023 characters: 5 requests, where filling in order takes 7', () => {
    const input = [...items<Dim>(3000, { records: 1, chars: 9 }, 'a'), ...items<Dim>(60, { records: 1, chars: 2023 }, 't')];
    const bins = packItems(input, spec(ROUTE53_LIKE));
    checkInvariants(input, bins, ROUTE53_LIKE);
    expect(lowerBound(input.map((i) => i.w), ROUTE53_LIKE)).toBe(5);
    expect(inOrderFill(input, ROUTE53_LIKE)).toBe(7);
    expect(bins).toHaveLength(5);
  });

  it('40 large updates counted twice among 500 deletions: 8 requests', () => {
    const input = [...items<Dim>(40, { records: 2, chars: 2 * 3035 }, 't'), ...items<Dim>(500, { records: 1, chars: 9 }, 'd')];
    const bins = packItems(input, spec(ROUTE53_LIKE));
    checkInvariants(input, bins, ROUTE53_LIKE);
    expect(bins).toHaveLength(8);
  });

  it('bytes decide in three dimensions: 400 sets of 1,517 bytes among 600 small ones take 7', () => {
    const input = [...items<Dim3>(600, { additions: 1, deletions: 0, bytes: 9 }, 'a'), ...items<Dim3>(400, { additions: 1, deletions: 0, bytes: 1517 }, 't')];
    const bins = packItems(input, spec(GCLOUD_LIKE));
    checkInvariants(input, bins, GCLOUD_LIKE);
    expect(bins).toHaveLength(7);
  });

  it('1,500 small sets and 60 of 2,023 bytes: 2, where filling in order takes 3', () => {
    const input = [...items<Dim3>(1500, { additions: 1, deletions: 0, bytes: 9 }, 'a'), ...items<Dim3>(60, { additions: 1, deletions: 0, bytes: 2023 }, 't')];
    const bins = packItems(input, spec(GCLOUD_LIKE));
    checkInvariants(input, bins, GCLOUD_LIKE);
    expect(inOrderFill(input, GCLOUD_LIKE)).toBe(3);
    expect(bins).toHaveLength(2);
  });

  it('falls back to first-fit when spreading fails: 5, 5, 4, 3, 3 into two requests of 10', () => {
    // Balanced puts the fives apart and then cannot place the last three; first-fit pairs them.
    const input = [5, 5, 4, 3, 3].map((c, i) => ({ id: i, unit: `u${i}`, w: { chars: c } }));
    const bins = packItems(input, spec({ chars: 10 }));
    expect(bins.map((b) => binItems(b).map((i) => i.w.chars))).toEqual([[5, 5], [4, 3, 3]]);
  });

  it('goes past the bound when the bound cannot be met: three items of 6 need three requests of 10', () => {
    const input = items(3, { chars: 6 }, 's');
    expect(lowerBound(input.map((i) => i.w), { chars: 10 })).toBe(2);
    expect(packItems(input, spec({ chars: 10 }))).toHaveLength(3);
  });

  it('still packs when no count near the bound works: 30 items of 6 (bound 18) take 30 requests', () => {
    const input = items(30, { chars: 6 }, 'w');
    const bins = packItems(input, spec({ chars: 10 }));
    checkInvariants(input, bins, { chars: 10 });
    expect(bins).toHaveLength(30);
  });

  it('meets the bound on random mixes in two and three dimensions', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(seed);
      const two: Item<Dim>[] = [];
      const three: Item<Dim3>[] = [];
      const n = 200 + Math.floor(rnd() * 3000);
      for (let i = 0; i < n; i++) {
        const heavy = rnd() < 0.1;
        const chars = heavy ? 500 + Math.floor(rnd() * 3400) : 7 + Math.floor(rnd() * 30);
        const twice = rnd() < 0.33 ? 2 : 1;
        two.push({ id: i, unit: `n${i}`, w: { records: twice, chars: twice * chars } });
        const kind = Math.floor(rnd() * 3);
        three.push({ id: i, unit: `n${i}`, w: { additions: kind === 2 ? 0 : 1, deletions: kind === 0 ? 0 : 1, bytes: (kind === 1 ? 2 : 1) * chars } });
      }
      expect({ seed, requests: packItems(two, spec(ROUTE53_LIKE)).length }).toEqual({ seed, requests: lowerBound(two.map((i) => i.w), ROUTE53_LIKE) });
      expect({ seed, requests: packItems(three, spec(GCLOUD_LIKE)).length }).toEqual({ seed, requests: lowerBound(three.map((i) => i.w), GCLOUD_LIKE) });
    }
  });
});

describe('packItems units and order', () => {
  it('returns nothing for nothing', () => {
    expect(packItems([], spec(ROUTE53_LIKE))).toEqual([]);
  });

  it('keeps a unit whole in one request and numbers units by first appearance', () => {
    const swap = [{ id: 1, unit: 'www', w: { chars: 3 }, removal: true }, { id: 2, unit: 'www', w: { chars: 3 } }];
    const input = [...items(7, { chars: 2 }, 'f'), ...swap];
    const bins = packItems(input, spec({ chars: 10 }));
    const withWww = bins.filter((b) => b.groups.some((g) => g.unit.key === 'www'));
    expect(withWww).toHaveLength(1);
    const group = withWww[0]!.groups.find((g) => g.unit.key === 'www')!;
    expect(group.items).toEqual(swap);
    expect(group.unit).toEqual({ key: 'www', index: 7, depth: 0 });
  });

  it('spreads an oversized unit over consecutive requests, splitFirst items first, one item a group', () => {
    const big: Item<'chars'>[] = Array.from({ length: 6 }, (_v, i) => ({ id: i, unit: 'big', w: { chars: 4 }, removal: i % 2 === 1 }));
    const bins = packItems([...big, ...items(3, { chars: 1 }, 's')], spec({ chars: 10 }));
    const pieces = bins.flatMap((b, bi) => b.groups.filter((g) => g.unit.key === 'big').map((g) => ({ bi, ids: g.items.map((i) => i.id) })));
    expect(pieces.every((p) => p.ids.length === 1)).toBe(true);
    expect(pieces.map((p) => p.ids[0])).toEqual([1, 3, 5, 0, 2, 4]);
    const used = pieces.map((p) => p.bi);
    expect(used).toEqual([...used].sort((a, b) => a - b));
    expect(bins).toHaveLength(3);
  });

  it('orders several oversized units largest first by default, or as given', () => {
    const unit = (name: string, n: number): Item<'chars'>[] => Array.from({ length: n }, (_v, i) => ({ id: nextId++, unit: name, w: { chars: 6 } }));
    const input = [...unit('small', 2), ...unit('large', 3)];
    const firstBinOf = (bins: PackedBin<Item<'chars'>, 'chars'>[]): string => bins[0]!.groups[0]!.unit.key;
    expect(firstBinOf(packItems(input, spec({ chars: 10 })))).toBe('large');
    expect(firstBinOf(packItems(input, spec({ chars: 10 }, { oversizedOrder: 'input' })))).toBe('small');
  });

  it('puts a unit in the request of what it depends on or a later one, and says its depth', () => {
    const alias = { id: 1, unit: 'alias', w: { records: 1 }, deps: ['target', 'not-in-this-push', 'alias'] };
    const target = { id: 2, unit: 'target', w: { records: 1 } };
    const chain = { id: 3, unit: 'chain', w: { records: 1 }, deps: ['alias'] };
    const input = [chain, alias, ...items(25, { records: 1 }, 'f'), target];
    const bins = packItems(input, spec({ records: 10 }));
    checkInvariants(input, bins, { records: 10 });
    const where = (key: string): { bin: number; depth: number } => {
      const bin = bins.findIndex((b) => b.groups.some((g) => g.unit.key === key));
      return { bin, depth: bins[bin]!.groups.find((g) => g.unit.key === key)!.unit.depth };
    };
    expect(where('target').depth).toBe(0);
    expect(where('alias').depth).toBe(1);
    expect(where('chain').depth).toBe(2);
    expect(where('alias').bin).toBeGreaterThanOrEqual(where('target').bin);
    expect(where('chain').bin).toBeGreaterThanOrEqual(where('alias').bin);
  });

  it('stops on a dependency cycle instead of looping', () => {
    const input = [{ id: 1, unit: 'a', w: { records: 1 }, deps: ['b'] }, { id: 2, unit: 'b', w: { records: 1 }, deps: ['a'] }];
    const bins = packItems(input, spec({ records: 10 }));
    checkInvariants(input, bins, { records: 10 });
  });

  it('throws the spec error for the first item too large for an empty request', () => {
    const input = [{ id: 1, unit: 'ok', w: { records: 5, chars: 5 } }, { id: 2, unit: 'x', w: { records: 11, chars: 1 } }, { id: 3, unit: 'y', w: { records: 1, chars: 99 } }];
    expect(() => packItems(input, spec({ records: 10, chars: 10 }))).toThrow(TooLarge);
    expect(() => packItems(input, spec({ records: 10, chars: 10 }))).toThrow('item 2 is too large');
  });
});
