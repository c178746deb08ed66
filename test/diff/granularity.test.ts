import { describe, expect, it } from 'vitest';
import { diffZone } from '../../src/diff/diff-zone.js';
import type { Granularity } from '../../src/diff/types.js';
import { PURGE, rec, showChange, ZONE } from './helpers.js';

const existing = [
  rec('@', 'A', '1.1.1.1'),
  rec('@', 'MX', '10 mail.example.com.'),
  rec('www', 'A', '1.2.3.4'),
  rec('www', 'A', '1.2.3.5'),
  rec('old', 'CNAME', 'foo.example.net.'),
  rec('txt', 'TXT', '"v=spf1 -all"', 60),
];
const desired = [
  rec('www', 'AAAA', '2001:db8::1'),
  rec('www', 'A', '1.2.3.6'),
  rec('www', 'A', '1.2.3.4'),
  rec('new', 'A', '9.9.9.9'),
  rec('txt', 'TXT', '"v=spf1 -all"', 300),
  rec('@', 'MX', '20 mx.example.com.'),
  rec('@', 'A', '1.1.1.1'),
];

const expected: Record<Granularity, string[]> = {
  record: [
    'update @ MX [10 mail.example.com./300] -> [20 mx.example.com./300] {~ MX 10 mail.example.com./300 -> 20 mx.example.com./300}',
    'create new A [] -> [9.9.9.9/300] {+ A 9.9.9.9/300}',
    'delete old CNAME [foo.example.net./300] -> [] {- CNAME foo.example.net./300}',
    'update txt TXT ["v=spf1 -all"/60] -> ["v=spf1 -all"/300] {ttl TXT "v=spf1 -all"/60 -> "v=spf1 -all"/300}',
    'update www A [1.2.3.5/300] -> [1.2.3.6/300] {~ A 1.2.3.5/300 -> 1.2.3.6/300}',
    'create www AAAA [] -> [2001:db8::1/300] {+ AAAA 2001:db8::1/300}',
  ],
  rrset: [
    'update @ MX [10 mail.example.com./300] -> [20 mx.example.com./300] {~ MX 10 mail.example.com./300 -> 20 mx.example.com./300}',
    'create new A [] -> [9.9.9.9/300] {+ A 9.9.9.9/300}',
    'delete old CNAME [foo.example.net./300] -> [] {- CNAME foo.example.net./300}',
    'update txt TXT ["v=spf1 -all"/60] -> ["v=spf1 -all"/300] {ttl TXT "v=spf1 -all"/60 -> "v=spf1 -all"/300}',
    'update www A [1.2.3.4/300 1.2.3.5/300] -> [1.2.3.4/300 1.2.3.6/300] {~ A 1.2.3.5/300 -> 1.2.3.6/300}',
    'create www AAAA [] -> [2001:db8::1/300] {+ AAAA 2001:db8::1/300}',
  ],
  label: [
    'update @ * [1.1.1.1/300 10 mail.example.com./300] -> [1.1.1.1/300 20 mx.example.com./300] {~ MX 10 mail.example.com./300 -> 20 mx.example.com./300}',
    'create new * [] -> [9.9.9.9/300] {+ A 9.9.9.9/300}',
    'delete old * [foo.example.net./300] -> [] {- CNAME foo.example.net./300}',
    'update txt * ["v=spf1 -all"/60] -> ["v=spf1 -all"/300] {ttl TXT "v=spf1 -all"/60 -> "v=spf1 -all"/300}',
    'update www * [1.2.3.4/300 1.2.3.5/300] -> [1.2.3.4/300 1.2.3.6/300 2001:db8::1/300] {~ A 1.2.3.5/300 -> 1.2.3.6/300; + AAAA 2001:db8::1/300}',
  ],
  zone: [
    'update @ MX [10 mail.example.com./300] -> [20 mx.example.com./300] {~ MX 10 mail.example.com./300 -> 20 mx.example.com./300}',
    'create new A [] -> [9.9.9.9/300] {+ A 9.9.9.9/300}',
    'delete old CNAME [foo.example.net./300] -> [] {- CNAME foo.example.net./300}',
    'update txt TXT ["v=spf1 -all"/60] -> ["v=spf1 -all"/300] {ttl TXT "v=spf1 -all"/60 -> "v=spf1 -all"/300}',
    'update www A [1.2.3.4/300 1.2.3.5/300] -> [1.2.3.4/300 1.2.3.6/300] {~ A 1.2.3.5/300 -> 1.2.3.6/300}',
    'create www AAAA [] -> [2001:db8::1/300] {+ AAAA 2001:db8::1/300}',
  ],
};

describe('diffZone at each granularity', () => {
  it.each(Object.keys(expected) as Granularity[])('%s', (granularity) => {
    const { diff, diagnostics } = diffZone({ zone: ZONE, desired, existing, absent: [], handsOff: PURGE, granularity });
    expect(diagnostics).toEqual([]);
    expect(diff.changes.map(showChange)).toEqual(expected[granularity]);
    // Counts are record-level and the same whatever the granularity; a TTL change is an update.
    expect(diff.counts).toEqual({ create: 2, update: 3, delete: 1 });
    expect(diff.messages).toEqual([]);
    expect(diff.desiredPlus).toEqual(desired);
  });

  it('gives nothing for a converged zone, at every granularity', () => {
    for (const granularity of ['record', 'rrset', 'label', 'zone'] as const) {
      const { diff } = diffZone({ zone: ZONE, desired: [...existing].reverse(), existing, absent: [], handsOff: PURGE, granularity });
      expect(diff.changes).toEqual([]);
      expect(diff.counts).toEqual({ create: 0, update: 0, delete: 0 });
    }
  });

  it('is deterministic whatever order the records come in', () => {
    const a = diffZone({ zone: ZONE, desired, existing, absent: [], handsOff: PURGE, granularity: 'record' });
    const b = diffZone({ zone: ZONE, desired: [...desired].reverse(), existing: [...existing].reverse(), absent: [], handsOff: PURGE, granularity: 'record' });
    expect(b.diff.changes.map(showChange)).toEqual(a.diff.changes.map(showChange));
  });

  it('a label granularity change at a label with an unchanged rrset carries that rrset in before and after', () => {
    const ex = [rec('www', 'A', '1.1.1.1'), rec('www', 'TXT', '"keep"')];
    const de = [rec('www', 'A', '2.2.2.2'), rec('www', 'TXT', '"keep"')];
    const { diff } = diffZone({ zone: ZONE, desired: de, existing: ex, absent: [], handsOff: PURGE, granularity: 'label' });
    expect(diff.changes.map(showChange)).toEqual(['update www * [1.1.1.1/300 "keep"/300] -> [2.2.2.2/300 "keep"/300] {~ A 1.1.1.1/300 -> 2.2.2.2/300}']);
  });
});
