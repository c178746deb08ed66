import { describe, expect, it } from 'vitest';
import { groupByName, isFirst, nextSameName } from '../../src/ir/name-groups.js';
import type { DnsRecord } from '../../src/records/types.js';

const rec = (name: string): DnsRecord => ({ name, type: 'A', ttl: 300, rdata: '192.0.2.1' });

/** The groups as index lists, in the order of their first records. */
function groups(names: readonly string[]): number[][] {
  groupByName(names.map(rec));
  const out: number[][] = [];
  for (let i = 0; i < names.length; i++) {
    if (!isFirst(i)) continue;
    const g = [i];
    for (let j = nextSameName(i); j >= 0; j = nextSameName(j)) g.push(j);
    out.push(g);
  }
  return out;
}

/** What a Map gives. */
function expected(names: readonly string[]): number[][] {
  const m = new Map<string, number[]>();
  names.forEach((n, i) => (m.get(n) ?? m.set(n, []).get(n))?.push(i));
  return [...m.values()];
}

describe('groupByName', () => {
  it('links the records of each name in order, first records in order', () => {
    const names = ['a.example', 'b.example', 'a.example', 'example', 'b.example', 'a.example'];
    expect(groups(names)).toEqual([[0, 2, 5], [1, 4], [3]]);
  });

  it('agrees with a Map on zones of every size, one after another (the table is reused and grows)', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (const size of [0, 1, 2, 50, 3, 1000, 129, 5000, 10]) {
      const pool = Math.max(1, Math.floor(size / 3));
      const names = Array.from({ length: size }, () => `h${random(pool)}.example`);
      expect(groups(names)).toEqual(expected(names));
    }
  });
});
