import { describe, expect, it } from 'vitest';
import { diffZone } from '../../src/diff/diff-zone.js';
import type { Granularity } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { PURGE, rec, ZONE } from './helpers.js';

function order(existing: DnsRecord[], desired: DnsRecord[], granularity: Granularity = 'record') {
  const { diff } = diffZone({ zone: ZONE, desired, existing, absent: [], handsOff: PURGE, granularity });
  const lines = diff.changes.map((c) => `${c.kind} ${c.name === ZONE ? '@' : c.name.replace(`.${ZONE}`, '')} ${c.type ?? '*'}`);
  return { lines, messages: diff.messages };
}

describe('ordering of changes', () => {
  it.each(['record', 'rrset'] as const)('CNAME -> A at a label: the CNAME is deleted before the A is created (%s)', (g) => {
    expect(order([rec('www', 'CNAME', 'web.example.net.')], [rec('www', 'A', '1.2.3.4')], g).lines).toEqual(['delete www CNAME', 'create www A']);
  });

  it.each(['record', 'rrset'] as const)('A+MX -> CNAME at a label: the other data is deleted before the CNAME is created (%s)', (g) => {
    const existing = [rec('www', 'A', '1.2.3.4'), rec('www', 'MX', '10 mx.example.net.')];
    expect(order(existing, [rec('www', 'CNAME', 'web.example.net.')], g).lines).toEqual(['delete www A', 'delete www MX', 'create www CNAME']);
  });

  it('a CNAME to a new in-zone target comes after the target is created', () => {
    expect(order([], [rec('alias', 'CNAME', 'zzz.example.com.'), rec('zzz', 'A', '1.1.1.1')]).lines).toEqual(['create zzz A', 'create alias CNAME']);
  });

  it('an apex MX to a new in-zone host comes after the host', () => {
    expect(order([], [rec('@', 'MX', '10 mail.example.com.'), rec('mail', 'A', '1.1.1.1')]).lines).toEqual(['create mail A', 'create @ MX']);
  });

  it('an SRV and an NS wait for their targets too', () => {
    const desired = [rec('_sip._tcp', 'SRV', '10 5 5060 sip.example.com.'), rec('sub', 'NS', 'ns.sub.example.com.'), rec('sip', 'A', '1.1.1.1'), rec('ns.sub', 'A', '2.2.2.2')];
    // Pre-sort: _sip._tcp, sip, sub, ns.sub (a parent before its children); each waits for its target.
    expect(order([], desired).lines).toEqual(['create sip A', 'create _sip._tcp SRV', 'create ns.sub A', 'create sub NS']);
  });

  it('a deleted CNAME goes before the deletion of its old target', () => {
    const existing = [rec('zzz', 'CNAME', 'aaa.example.com.'), rec('aaa', 'A', '1.1.1.1')];
    expect(order(existing, []).lines).toEqual(['delete zzz CNAME', 'delete aaa A']);
  });

  it('an update waits for its new target and goes before the deletion of its old one (DNSControl graphsort case)', () => {
    const existing = [rec('foo', 'CNAME', 'bar2.example.com.'), rec('bar2', 'A', '1.1.1.1')];
    const desired = [rec('foo', 'CNAME', 'new2.example.com.'), rec('new2', 'A', '2.2.2.2')];
    expect(order(existing, desired).lines).toEqual(['create new2 A', 'update foo CNAME', 'delete bar2 A']);
  });

  it('a target covered by an in-zone wildcard waits for the wildcard', () => {
    expect(order([], [rec('www', 'CNAME', 'a.test.example.com.'), rec('*.test', 'A', '3.3.3.3')]).lines).toEqual(['create *.test A', 'create www CNAME']);
  });

  it('out-of-zone targets impose no order', () => {
    expect(order([], [rec('b', 'CNAME', 'x.example.net.'), rec('a', 'A', '1.1.1.1')]).lines).toEqual(['create a A', 'create b CNAME']);
  });

  it('orders label-granularity changes by the same rules', () => {
    expect(order([], [rec('alias', 'CNAME', 'zzz.example.com.'), rec('zzz', 'A', '1.1.1.1')], 'label').lines).toEqual(['create zzz *', 'create alias *']);
  });

  it('appends changes in a cycle, in pre-sort order, with a warning', () => {
    const desired = [rec('a', 'CNAME', 'b.example.com.'), rec('b', 'CNAME', 'a.example.com.'), rec('c', 'A', '1.1.1.1')];
    const { lines, messages } = order([], desired);
    expect(lines).toEqual(['create c A', 'create a CNAME', 'create b CNAME']);
    expect(messages.map((m) => [m.kind, m.code, m.text])).toEqual([
      ['warning', 'ordering-cycle', '2 changes have circular or unresolved dependencies and are applied last: a.example.com, b.example.com'],
    ]);
  });

  it('pre-sorts labels in pretty order: apex, wildcard, then right to left with numbers as numbers', () => {
    const names = ['www', '10', '9', '*', '@', 'a.www', 'b', '_dmarc'];
    const desired = names.map((n) => rec(n, 'TXT', '"x"'));
    expect(order([], desired).lines.map((l) => l.split(' ')[1])).toEqual(['@', '*', '9', '10', '_dmarc', 'b', 'www', 'a.www']);
  });

  it('pre-sorts types at a label: SOA NS CNAME A AAAA MX SRV TXT, then alphabetical', () => {
    const types: [string, string][] = [['TXT', '"x"'], ['CAA', '0 issue "ca.example.net"'], ['MX', '10 mx.example.net.'], ['AAAA', '::1'], ['A', '1.1.1.1'], ['NS', 'ns.example.net.'], ['SRV', '1 1 1 t.example.net.'], ['TLSA', '3 1 1 ab'], ['SOA', 'ns.example.net. h.example.net. 1 2 3 4 5']];
    const desired = types.map(([t, r]) => rec('@', t, r));
    expect(order([], desired).lines.map((l) => l.split(' ')[2])).toEqual(['SOA', 'NS', 'A', 'AAAA', 'MX', 'SRV', 'TXT', 'CAA', 'TLSA']);
  });
});
