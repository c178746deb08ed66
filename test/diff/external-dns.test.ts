import { describe, expect, it } from 'vitest';
import { diffZone } from '../../src/diff/diff-zone.js';
import { parseOwnershipLabel } from '../../src/diff/external-dns.js';
import type { IrHandsOff } from '../../src/ir/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { rec, showChange, ZONE } from './helpers.js';

const OWNER = '"heritage=external-dns,external-dns/owner=k8s-cluster,external-dns/resource=ingress/default/web"';
const ext = (prefix = ''): IrHandsOff => ({ purge: true, ignores: [], disableIgnoreSafetyCheck: false, externalDnsPrefix: prefix });
const labels = (recs: readonly DnsRecord[] | undefined) => (recs ?? []).map((r) => `${r.name.replace(`.${ZONE}`, '')} ${r.type}`);

describe('parseOwnershipLabel', () => {
  const cases: [label: string, prefix: string, owned: string][] = [
    ['a-myapp', '', 'myapp A'],
    ['aaaa-myapp', '', 'myapp AAAA'],
    ['cname-api', '', 'api CNAME'],
    ['ns-sub', '', 'sub NS'],
    ['mx-mail', '', 'mail MX'],
    ['a.myapp', '', 'myapp A'],
    ['a-', '', '@ A'],
    ['myapp', '', 'myapp *'],
    ['extdns-www', 'extdns-', 'www *'],
    ['extdns-a-www', 'extdns-', 'www A'],
    ['extdns-cname', 'extdns-', '@ CNAME'],
    ['other-www', 'extdns-', 'other-www *'],
  ];
  it.each(cases)('%s (prefix %j) owns %s', (label, prefix, owned) => {
    const o = parseOwnershipLabel(label, prefix);
    expect(`${o.label} ${o.type ?? '*'}`).toBe(owned);
  });
});

describe('IGNORE_EXTERNAL_DNS', () => {
  const existing = [
    rec('a-myapp', 'TXT', OWNER),
    rec('myapp', 'A', '10.0.0.1'),
    rec('static', 'A', '1.2.3.4'),
    rec('cname-api', 'TXT', OWNER),
    rec('api', 'CNAME', 'myapp.example.com.'),
    rec('unowned', 'TXT', '"heritage=someone-else"'),
  ];

  it('keeps the ownership TXT records and the records they name (DNSControl Test_ignore_external_dns)', () => {
    const { diff } = diffZone({ zone: ZONE, desired: [rec('static', 'A', '1.2.3.4')], existing, absent: [], handsOff: ext(), granularity: 'record' });
    expect(diff.changes.map(showChange)).toEqual(['delete unowned TXT ["heritage=someone-else"/300] -> [] {- TXT "heritage=someone-else"/300}']);
    expect(diff.messages.map((m) => [m.code, m.text, labels(m.records)])).toEqual([
      ['kept-external-dns', '4 records not being deleted because of IGNORE_EXTERNAL_DNS', ['a-myapp TXT', 'myapp A', 'cname-api TXT', 'api CNAME']],
    ]);
  });

  it('without the rule, external-dns records are deleted like any other', () => {
    const { diff } = diffZone({ zone: ZONE, desired: [rec('static', 'A', '1.2.3.4')], existing, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, granularity: 'record' });
    expect(diff.counts.delete).toBe(5);
  });

  it('uses the custom prefix (Test_ignore_external_dns_custom_prefix)', () => {
    const ex = [rec('extdns-www', 'TXT', OWNER), rec('www', 'A', '10.0.0.1'), rec('static', 'A', '1.2.3.4')];
    const { diff } = diffZone({ zone: ZONE, desired: [rec('static', 'A', '1.2.3.4')], existing: ex, absent: [], handsOff: ext('extdns-'), granularity: 'record' });
    expect(diff.changes).toEqual([]);
    expect(labels(diff.messages[0]?.records)).toEqual(['extdns-www TXT', 'www A']);
  });

  it('a record both in the config and owned by external-dns: the config wins, with a warning (Test_ignore_external_dns_conflict)', () => {
    const ex = [rec('a-myapp', 'TXT', OWNER), rec('myapp', 'A', '10.0.0.1')];
    const { diff } = diffZone({ zone: ZONE, desired: [rec('myapp', 'A', '192.168.1.1')], existing: ex, absent: [], handsOff: ext(), granularity: 'record' });
    expect(diff.changes.map(showChange)).toEqual(['update myapp A [10.0.0.1/300] -> [192.168.1.1/300] {~ A 10.0.0.1/300 -> 192.168.1.1/300}']);
    expect(diff.messages.map((m) => [m.kind, m.code, labels(m.records)])).toEqual([
      ['info', 'kept-external-dns', ['a-myapp TXT']],
      ['warning', 'external-dns-conflict', ['myapp A']],
    ]);
    expect(diff.desiredPlus.filter((r) => r.name === `myapp.${ZONE}`)).toHaveLength(1);
  });

  it('an owned record the config writes identically is reported as a conflict too, and nothing changes', () => {
    const ex = [rec('a-myapp', 'TXT', OWNER), rec('myapp', 'A', '10.0.0.1')];
    const { diff } = diffZone({ zone: ZONE, desired: [rec('myapp', 'A', '10.0.0.1')], existing: ex, absent: [], handsOff: ext(), granularity: 'record' });
    expect(diff.changes).toEqual([]);
    expect(diff.messages.map((m) => [m.code, labels(m.records)])).toEqual([
      ['kept-external-dns', ['a-myapp TXT']],
      ['external-dns-conflict', ['myapp A']],
    ]);
  });
});
