/**
 * Every type the provider supports goes out through the SDK, comes back through ListResourceRecordSets
 * and diffs empty; values Route 53 (or its console) spells differently read back in canonical form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { pending, push, rec, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'rt.example';
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

function strip(rs: readonly DnsRecord[]): string[] {
  return rs
    .filter((r) => !(r.name === ZONE && r.type === 'NS'))
    .map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}${r.meta && Object.keys(r.meta).length ? ` ${JSON.stringify(r.meta)}` : ''}`)
    .sort();
}

const longText = `v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(12)}`;

const DESIRED: DnsRecord[] = [
  rec(ZONE, '@', 'A', '192.0.2.1'),
  rec(ZONE, '@', 'A', '192.0.2.2'),
  rec(ZONE, '@', 'AAAA', '2001:DB8::1', 600),
  rec(ZONE, 'www', 'CNAME', 'WWW.Example.NET.'),
  rec(ZONE, '@', 'MX', '10 mail'),
  rec(ZONE, '@', 'MX', '20 mail2.example.net.'),
  rec(ZONE, 'sub', 'NS', 'ns1.example.net.', 3600),
  rec(ZONE, 'sub', 'NS', 'ns2.example.net.', 3600),
  rec(ZONE, 'sub', 'DS', '60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118', 3600),
  rec(ZONE, '@', 'TXT', '"v=spf1 include:_spf.example.net -all"'),
  rec(ZONE, 'long', 'TXT', `"${longText}"`),
  rec(ZONE, 'quotes', 'TXT', '"say \\"hi\\" \\\\ back\\\\slash; semi"'),
  rec(ZONE, 'utf8', 'TXT', '"café ☕"'),
  rec(ZONE, 'ctl', 'TXT', '"tab\\009nl\\010del\\127"'),
  rec(ZONE, 'empty', 'TXT', '""'),
  rec(ZONE, '@', 'CAA', '0 issue "letsencrypt.org"'),
  rec(ZONE, '@', 'CAA', '128 iodef "mailto:security@rt.example"'),
  rec(ZONE, '1.2', 'PTR', 'host.rt.example.'),
  rec(ZONE, '_sip._tcp', 'SRV', '10 60 5060 sip'),
  rec(ZONE, 'host', 'SSHFP', '1 1 123456789ABCDEF67890123456789ABCDEF67890'),
  rec(ZONE, '_443._tcp', 'TLSA', '3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6'),
  rec(ZONE, '@', 'HTTPS', '1 . alpn="h2,h3"'),
  rec(ZONE, '_dns', 'SVCB', '1 dns.example.net. alpn="dot" port=853'),
  rec(ZONE, 'enum', 'NAPTR', '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .'),
  rec(ZONE, '*', 'A', '192.0.2.9'),
  rec(ZONE, '*.wild', 'TXT', '"under a wildcard"'),
  rec(ZONE, 'lb', 'R53_ALIAS', 'A dualstack.my-elb-123.us-east-1.elb.amazonaws.com.', 300, { r53_alias_zone_id: 'Z35SXDOTRQ7X7K', r53_alias_evaluate_target_health: 'true' }),
  rec(ZONE, 'lb', 'R53_ALIAS', 'AAAA dualstack.my-elb-123.us-east-1.elb.amazonaws.com.', 300, { r53_alias_zone_id: 'Z35SXDOTRQ7X7K' }),
  rec(ZONE, 'apexalias', 'R53_ALIAS', 'A www', 300),
];

describe('ROUTE53 conversion round trips', () => {
  it('every supported type comes back as written, and the second diff is empty', async () => {
    h = await startHarness();
    const z = zoneRef(ZONE);
    await h.provider.ensureZone!(z);
    const { changes } = await push(h.provider, z, DESIRED);
    expect(changes.length).toBeGreaterThan(20);
    const got = (await h.provider.getRecords(z))!;
    expect(strip(got)).toEqual(strip(h.provider.prepareDesired!(DESIRED, z)));
    expect(await pending(h.provider, z, DESIRED)).toEqual([]);
    // What Route 53 was sent: TXT split in 255-character strings, escapes in octal, wildcards literal.
    const zone = [...h.server.state.zones.values()][0]!;
    const value = (name: string, type: string): string[] => [...zone.rrsets.values()].find((r) => r.name === name && r.type === type)!.values as string[];
    expect(value('long.rt.example.', 'TXT')[0]).toMatch(/^"[^"]{255}" "/);
    expect(value('utf8.rt.example.', 'TXT')).toEqual(['"caf\\303\\251 \\342\\230\\225"']);
    expect(value('ctl.rt.example.', 'TXT')).toEqual(['"tab\\011nl\\012del\\177"']);
    expect(value('quotes.rt.example.', 'TXT')).toEqual(['"say \\"hi\\" \\\\ back\\\\slash; semi"']);
    expect(value('\\052.rt.example.', 'A')).toEqual(['192.0.2.9']);
    const alias = [...zone.rrsets.values()].find((r) => r.name === 'apexalias.rt.example.')!;
    expect(alias.alias).toEqual({ hostedZoneId: zone.id, dnsName: 'www.rt.example.', evaluateTargetHealth: false });
    expect(alias.ttl).toBeUndefined();
  });

  it('reads values as others wrote them without diffing forever', async () => {
    h = await startHarness();
    const zone = h.server.seedZone(ZONE);
    const put = (name: string, type: string, values: string[], ttl = 300): void => h.server.state.put(zone, { name, type, ttl, values });
    put('www.rt.example', 'CNAME', ['target.example.net']); // console-created: no trailing dot
    put('rt.example', 'MX', ['10 MAIL.Example.NET']);
    put('chunks.rt.example', 'TXT', ['"abc" "def"', 'ghi']);
    put('octal.rt.example', 'TXT', ['"caf\\303\\251"']);
    put('\\052.rt.example', 'A', ['192.0.2.7']);
    put('legacy.rt.example', 'SPF', ['"v=spf1 -all"']);
    h.server.state.put(zone, { name: 'w.rt.example', type: 'A', ttl: 60, setIdentifier: 'blue', weight: 10, values: ['192.0.2.30'] });
    const got = (await h.provider.getRecords(zoneRef(ZONE)))!;
    expect(strip(got)).toEqual([
      '*.rt.example 300 A 192.0.2.7',
      'chunks.rt.example 300 TXT "abcdef"',
      'chunks.rt.example 300 TXT "ghi"',
      'legacy.rt.example 300 TXT "v=spf1 -all"',
      'octal.rt.example 300 TXT "café"',
      'rt.example 300 MX 10 mail.example.net.',
      'www.rt.example 300 CNAME target.example.net.',
    ]);
    expect(h.logs.some((l) => l.includes('1 record set(s) with a routing or traffic policy are left alone'))).toBe(true);
    const desired = [
      rec(ZONE, 'www', 'CNAME', 'target.example.net.'),
      rec(ZONE, '@', 'MX', '10 mail.example.net.'),
      rec(ZONE, 'chunks', 'TXT', '"abcdef"'),
      rec(ZONE, 'chunks', 'TXT', '"ghi"'),
      rec(ZONE, 'octal', 'TXT', '"café"'),
      rec(ZONE, '*', 'A', '192.0.2.7'),
      rec(ZONE, 'legacy', 'TXT', '"v=spf1 -all"'),
    ];
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });

  it('replaces a legacy SPF record set with TXT when it changes, and leaves weighted sets alone', async () => {
    h = await startHarness();
    const zone = h.server.seedZone(ZONE);
    h.server.state.put(zone, { name: 'legacy.rt.example', type: 'SPF', ttl: 300, values: ['"v=spf1 -all"'] });
    h.server.state.put(zone, { name: 'w.rt.example', type: 'A', ttl: 60, setIdentifier: 'blue', weight: 10, values: ['192.0.2.30'] });
    const desired = [rec(ZONE, 'legacy', 'TXT', '"v=spf1 include:example.net -all"')];
    await push(h.provider, zoneRef(ZONE), desired);
    const types = [...zone.rrsets.values()].filter((r) => r.name !== 'rt.example.').map((r) => `${r.name} ${r.type} ${r.setIdentifier ?? ''}`).sort();
    expect(types).toEqual(['legacy.rt.example. TXT ', 'w.rt.example. A blue']);
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });

  it('swaps a CNAME for an A record and an A record for an alias at the same name in one atomic request', async () => {
    h = await startHarness();
    const z = zoneRef(ZONE);
    await h.provider.ensureZone!(z);
    await push(h.provider, z, [rec(ZONE, 'swap', 'CNAME', 'elsewhere.example.net.'), rec(ZONE, 'al', 'A', '192.0.2.1'), rec(ZONE, 'target', 'A', '192.0.2.5')]);
    h.server.resetCounts();
    const next = [rec(ZONE, 'swap', 'A', '192.0.2.3'), rec(ZONE, 'al', 'R53_ALIAS', 'A target'), rec(ZONE, 'target', 'A', '192.0.2.6')];
    await push(h.provider, z, next);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(1);
    const actions = h.server.committed[0]!.map((c) => `${c.action} ${c.rrset.name} ${c.rrset.type}${c.rrset.alias ? ' alias' : ''}`);
    // Deletions at a name first; the alias after the record it points at.
    expect(actions.indexOf('DELETE swap.rt.example. CNAME')).toBeLessThan(actions.indexOf('CREATE swap.rt.example. A'));
    expect(actions.indexOf('DELETE al.rt.example. A')).toBeLessThan(actions.indexOf('CREATE al.rt.example. A alias'));
    expect(actions.findIndex((a) => a.includes('target.rt.example.'))).toBeLessThan(actions.indexOf('CREATE al.rt.example. A alias'));
    expect(await pending(h.provider, z, next)).toEqual([]);
  });

  it('changes an alias option (evaluate target health) with one UPSERT', async () => {
    h = await startHarness();
    const z = zoneRef(ZONE);
    await h.provider.ensureZone!(z);
    await push(h.provider, z, [rec(ZONE, 'x', 'A', '192.0.2.1'), rec(ZONE, 'al', 'R53_ALIAS', 'A x')]);
    h.server.resetCounts();
    const next = [rec(ZONE, 'x', 'A', '192.0.2.1'), rec(ZONE, 'al', 'R53_ALIAS', 'A x', 300, { r53_alias_evaluate_target_health: 'true' })];
    await push(h.provider, z, next);
    expect(h.server.committed.flat().map((c) => c.action)).toEqual(['UPSERT']);
    expect(await pending(h.provider, z, next)).toEqual([]);
  });
});
