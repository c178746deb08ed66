import { describe, expect, it } from 'vitest';
import { makeIdentity } from '../../src/diff/identity.js';
import { diffTargets } from '../../src/diff/targets.js';
import { rec, showDetail } from './helpers.js';

const id = makeIdentity();
const a = (ip: string, ttl = 300) => rec('www', 'A', ip, ttl);

describe('diffTargets: the minimal-change algorithm for one name+type', () => {
  const cases: [title: string, existing: ReturnType<typeof a>[], desired: ReturnType<typeof a>[], expected: string[]][] = [
    ['identical sets: nothing', [a('1.1.1.1'), a('2.2.2.2')], [a('2.2.2.2'), a('1.1.1.1')], []],
    ['create into an empty set', [], [a('1.1.1.1')], ['+ A 1.1.1.1/300']],
    ['delete the whole set', [a('1.1.1.1')], [], ['- A 1.1.1.1/300']],
    ['one value replaced: one update', [a('1.1.1.1')], [a('3.3.3.3')], ['~ A 1.1.1.1/300 -> 3.3.3.3/300']],
    ['TTL only: a ttl change', [a('1.1.1.1', 60)], [a('1.1.1.1', 300)], ['ttl A 1.1.1.1/60 -> 1.1.1.1/300']],
    [
      'multiple values, one swapped: common ones stay, the odd pair is an update',
      [a('1.1.1.1'), a('2.2.2.2'), a('3.3.3.3')],
      [a('2.2.2.2'), a('3.3.3.3'), a('4.4.4.4')],
      ['~ A 1.1.1.1/300 -> 4.4.4.4/300'],
    ],
    [
      'more desired than existing: pairs in sorted order, the rest are creates',
      [a('10.0.0.2'), a('10.0.0.1')],
      [a('10.0.0.5'), a('10.0.0.3'), a('10.0.0.4')],
      ['~ A 10.0.0.1/300 -> 10.0.0.3/300', '~ A 10.0.0.2/300 -> 10.0.0.4/300', '+ A 10.0.0.5/300'],
    ],
    [
      'fewer desired than existing: the rest are deletes',
      [a('10.0.0.1'), a('10.0.0.2'), a('10.0.0.3')],
      [a('10.0.0.9')],
      ['~ A 10.0.0.1/300 -> 10.0.0.9/300', '- A 10.0.0.2/300', '- A 10.0.0.3/300'],
    ],
    [
      'TTL changes come first, then updates, deletes, creates',
      [a('1.1.1.1', 60), a('2.2.2.2'), a('5.5.5.5'), a('6.6.6.6')],
      [a('1.1.1.1', 300), a('3.3.3.3')],
      ['ttl A 1.1.1.1/60 -> 1.1.1.1/300', '~ A 2.2.2.2/300 -> 3.3.3.3/300', '- A 5.5.5.5/300', '- A 6.6.6.6/300'],
    ],
    ['a duplicate desired record is created once', [], [a('1.1.1.1'), a('1.1.1.1')], ['+ A 1.1.1.1/300']],
    ['a duplicate desired record of an existing one is nothing', [a('1.1.1.1')], [a('1.1.1.1'), a('1.1.1.1')], []],
    ['an exact duplicate the provider returned is nothing (sets, as in DNSControl)', [a('1.1.1.1'), a('1.1.1.1')], [a('1.1.1.1')], []],
    ['the same value at two TTLs on both sides is nothing', [a('1.1.1.1', 60), a('1.1.1.1')], [a('1.1.1.1'), a('1.1.1.1', 60)], []],
  ];
  it.each(cases)('%s', (_title, existing, desired, expected) => {
    expect(diffTargets(existing, desired, id).map(showDetail)).toEqual(expected);
  });

  it('compares only declared meta keys, and a meta change is an update', () => {
    const cf = makeIdentity(['cloudflare_proxy']);
    const on = rec('www', 'A', '1.1.1.1', 300, { meta: { cloudflare_proxy: 'on', comment: 'x' } });
    const off = rec('www', 'A', '1.1.1.1', 300, { meta: { cloudflare_proxy: 'off', comment: 'y' } });
    const onOtherComment = rec('www', 'A', '1.1.1.1', 300, { meta: { cloudflare_proxy: 'on', comment: 'z' } });
    expect(diffTargets([on], [off], cf).map((d) => d.kind)).toEqual(['update']);
    expect(diffTargets([on], [onOtherComment], cf)).toEqual([]);
    expect(diffTargets([on], [off], id)).toEqual([]);
  });

  it('ignores the SOA serial', () => {
    const soa = (serial: number) => rec('@', 'SOA', `ns1.example.com. hostmaster.example.com. ${serial} 3600 600 604800 1440`);
    expect(diffTargets([soa(1)], [soa(2)], id)).toEqual([]);
  });
});
