import { describe, expect, it } from 'vitest';
import { aliasRdata, parseAlias } from '../../../providers/route53/alias.js';
import { recordsFromRrset, rrsetFromAlias, rrsetFromRecords } from '../../../providers/route53/convert.js';
import { nameFromRoute53, nameToRoute53 } from '../../../providers/route53/names.js';
import { auditRecords, prepareDesired } from '../../../providers/route53/prepare.js';
import { rdataFromRoute53 } from '../../../providers/route53/rdata.js';
import { txtFromRoute53, txtToRoute53 } from '../../../providers/route53/txt.js';
import { rec } from './support.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('ROUTE53 names', () => {
  it('undoes Route 53 octal escapes and case', () => {
    expect(nameFromRoute53('\\052.example.com.')).toBe('*.example.com');
    expect(nameFromRoute53('WWW.Example.COM')).toBe('www.example.com');
    expect(nameFromRoute53('a\\100b.example.com.')).toBe('a\\@b.example.com');
    expect(nameFromRoute53('a\\056b.example.com.')).toBe('a\\.b.example.com');
    expect(nameFromRoute53('example.com.')).toBe('example.com');
  });

  it('writes names as Route 53 takes them', () => {
    expect(nameToRoute53('*.example.com')).toBe('*.example.com.');
    expect(nameToRoute53('a.*.example.com')).toBe('a.\\052.example.com.');
    expect(nameToRoute53('a\\@b.example.com')).toBe('a\\100b.example.com.');
    expect(nameToRoute53('_sip._tcp.example.com')).toBe('_sip._tcp.example.com.');
    for (const n of ['*.example.com', 'a\\@b.example.com', 'a\\.b.example.com', 'x-y_z.example.com']) expect(nameFromRoute53(nameToRoute53(n))).toBe(n);
  });
});

describe('ROUTE53 TXT values', () => {
  it('splits at 255 octets, quotes, and escapes in octal', () => {
    expect(txtToRoute53(bytes('hello'))).toBe('"hello"');
    expect(txtToRoute53(bytes(''))).toBe('""');
    expect(txtToRoute53(bytes('a"b\\c'))).toBe('"a\\"b\\\\c"');
    expect(txtToRoute53(bytes('é\t'))).toBe('"\\303\\251\\011"');
    const long = 'x'.repeat(600);
    expect(txtToRoute53(bytes(long))).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(255)}" "${'x'.repeat(90)}"`);
  });

  it('joins strings and reads escapes back', () => {
    expect(text(txtFromRoute53('"abc" "def"'))).toBe('abcdef');
    expect(text(txtFromRoute53('"a\\"b" \\"c'))).toBe('a"b"c');
    expect(text(txtFromRoute53('"caf\\303\\251"'))).toBe('café');
    expect(text(txtFromRoute53('unquoted words'))).toBe('unquotedwords');
    expect(txtFromRoute53('"\\128"')).toEqual(Uint8Array.from([128])); // not octal: RFC 1035 decimal
    for (const s of ['', 'plain', 'q"uote', 'back\\slash', 'ünïcödé ☕', 'x'.repeat(1000), '\u0001\u007f']) {
      expect(text(txtFromRoute53(txtToRoute53(bytes(s))))).toBe(s);
    }
  });

  it('gives canonical rdata whatever the chunking', () => {
    expect(rdataFromRoute53('TXT', '"ab" "cd"')).toBe('"abcd"');
    expect(rdataFromRoute53('TXT', '"abcd"')).toBe('"abcd"');
    expect(rdataFromRoute53('SPF', '"v=spf1 -all"')).toBe('"v=spf1 -all"');
  });
});

describe('ROUTE53 record sets', () => {
  it('adds the missing trailing dot and lower-cases names in values', () => {
    expect(rdataFromRoute53('CNAME', 'Target.Example.NET')).toBe('target.example.net.');
    expect(rdataFromRoute53('MX', '10 MAIL.example.net')).toBe('10 mail.example.net.');
    expect(rdataFromRoute53('SRV', '1 2 3 sip.example.net')).toBe('1 2 3 sip.example.net.');
  });

  it('reads an alias into R53_ALIAS with meta only where it differs from the default', () => {
    const own = recordsFromRrset({ Name: 'a.example.com.', Type: 'A', AliasTarget: { HostedZoneId: 'ZOWN', DNSName: 'B.example.com.', EvaluateTargetHealth: false } }, 'ZOWN');
    expect(own).toMatchObject({ kind: 'records', records: [{ name: 'a.example.com', type: 'R53_ALIAS', ttl: 300, rdata: 'A b.example.com.' }] });
    expect(own.kind === 'records' && own.records[0]!.meta).toBeFalsy();
    const other = recordsFromRrset({ Name: 'a.example.com.', Type: 'AAAA', AliasTarget: { HostedZoneId: 'ZELB', DNSName: 'x.elb.amazonaws.com', EvaluateTargetHealth: true } }, 'ZOWN');
    expect(other).toMatchObject({ records: [{ rdata: 'AAAA x.elb.amazonaws.com.', meta: { r53_alias_zone_id: 'ZELB', r53_alias_evaluate_target_health: 'true' } }] });
    if (other.kind !== 'records') throw new Error('expected records');
    const back = rrsetFromAlias(other.records[0]!, 'ZOWN');
    expect(back).toEqual({ Name: 'a.example.com.', Type: 'AAAA', AliasTarget: { HostedZoneId: 'ZELB', DNSName: 'x.elb.amazonaws.com.', EvaluateTargetHealth: true } });
  });

  it('skips SOA and record sets with routing policies', () => {
    expect(recordsFromRrset({ Name: 'example.com.', Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'ns. h. 1 2 3 4 5' }] }, 'Z')).toEqual({ kind: 'skipped', reason: 'soa' });
    expect(recordsFromRrset({ Name: 'w.example.com.', Type: 'A', SetIdentifier: 'x', Weight: 1, TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }] }, 'Z')).toEqual({ kind: 'skipped', reason: 'routing-policy' });
    expect(recordsFromRrset({ Name: 't.example.com.', Type: 'A', TrafficPolicyInstanceId: 'tp' }, 'Z')).toEqual({ kind: 'skipped', reason: 'traffic-policy' });
  });

  it('writes one record set with the TTL of the first record', () => {
    const rs = rrsetFromRecords('example.com', 'TXT', [rec('example.com', '@', 'TXT', '"a"', 60), rec('example.com', '@', 'TXT', '"b"', 60)]);
    expect(rs).toEqual({ Name: 'example.com.', Type: 'TXT', TTL: 60, ResourceRecords: [{ Value: '"a"' }, { Value: '"b"' }] });
  });

  it('parses and formats R53_ALIAS rdata', () => {
    expect(aliasRdata('a', 'WWW', 'example.com.')).toBe('A www.example.com.');
    expect(parseAlias('cname x.example.com')).toEqual({ aliasType: 'CNAME', target: 'x.example.com.' });
    expect(() => aliasRdata('NS', 'x.')).toThrow(/R53_ALIAS type "NS" is not one of/);
  });
});

describe('ROUTE53 prepareDesired and audit', () => {
  it('normalises aliases and unifies TTLs within a record set', () => {
    const out = prepareDesired([
      rec('example.com', 'a', 'R53_ALIAS', 'A b', 60, { r53_alias_zone_id: '/hostedzone/ZOWN', r53_alias_evaluate_target_health: 'false' }),
      rec('example.com', 'c', 'R53_ALIAS', 'A b', 60, { r53_alias_zone_id: '/hostedzone/ZELB' }),
      rec('example.com', 'm', 'A', '192.0.2.1', 60),
      rec('example.com', 'm', 'A', '192.0.2.2', 600),
    ], 'ZOWN');
    expect(out.map((r) => [r.name, r.ttl, r.meta ?? null])).toEqual([
      ['a.example.com', 300, null],
      ['c.example.com', 300, { r53_alias_zone_id: 'ZELB' }],
      ['m.example.com', 60, null],
      ['m.example.com', 60, null],
    ]);
  });

  it('objects to what Route 53 cannot hold', () => {
    const issues = auditRecords([
      rec('example.com', 'x', 'A', '192.0.2.1'),
      rec('example.com', 'x', 'R53_ALIAS', 'A y'),
      rec('example.com', 'y', 'R53_ALIAS', 'A z'),
      rec('example.com', 'y', 'R53_ALIAS', 'A w'),
      rec('example.com', 'big', 'TXT', `"${'x'.repeat(3970)}"`),
      rec('example.com', 'ok', 'TXT', `"${'x'.repeat(3900)}"`),
      { ...rec('example.com', 'wt', 'A', '192.0.2.1'), meta: { r53_weight: '10', r53_set_identifier: 'a' } },
    ]);
    expect(issues.map((i) => `${i.record.name} ${i.issue.code}`)).toEqual([
      'x.example.com r53-alias-conflict',
      'y.example.com r53-alias-duplicate',
      'big.example.com route53-txt-too-long',
      'wt.example.com route53-routing-unsupported',
    ]);
  });
});
