/**
 * Every record type GCLOUD can hold goes through the SDK to the server and back: written, read,
 * diffed again (empty), changed, deleted. Values Cloud DNS or its console spell differently read
 * as the same canonical records, so nothing diffs forever.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GCLOUD_CAPABILITIES } from '../../../providers/gcloud/capabilities.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { pending, push, rec, startHarness, view, zoneRef, type Harness } from './support.js';

const ZONE = 'types.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const long = 'k=rsa; p='.padEnd(700, 'A');

/** One or more records of every type the provider declares it can hold. */
function everyType(v: 1 | 2): DnsRecord[] {
  const r = (label: string, type: string, text: string, ttl = 300): DnsRecord => rec(ZONE, label, type, text, ttl);
  return [
    r('a', 'A', v === 1 ? '192.0.2.1' : '192.0.2.2'),
    r('a', 'A', '198.51.100.7'),
    r('aaaa', 'AAAA', v === 1 ? '2001:db8::1' : '2001:db8::2'),
    r('cname', 'CNAME', v === 1 ? 'target.example.net.' : 'other.example.net.'),
    r('@', 'MX', v === 1 ? '10 mail.types.example.' : '20 mail.types.example.'),
    r('@', 'MX', '20 backup.example.net.'),
    r('child', 'NS', 'ns1.example.net.'),
    r('child', 'NS', v === 1 ? 'ns2.example.net.' : 'ns3.example.net.'),
    r('child', 'DS', v === 1 ? '60485 13 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d' : '60486 13 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d'),
    r('txt', 'TXT', v === 1 ? '"v=spf1 include:_spf.example.net -all"' : '"v=spf1 -all"'),
    r('long', 'TXT', `"${long}${v}"`),
    r('quote', 'TXT', v === 1 ? '"say \\"hi\\" \\\\ back\\\\slash; semi"' : '"x\\"y"'),
    r('utf8', 'TXT', v === 1 ? '"héllo wörld ✓"' : '"ünïcode"'),
    r('empty', 'TXT', v === 1 ? '""' : '"now set"'),
    r('@', 'CAA', '0 issue "letsencrypt.org"'),
    r('@', 'CAA', v === 1 ? '128 iodef "mailto:security@types.example"' : '0 issuewild ";"'),
    r('ptr', 'PTR', v === 1 ? 'host.example.net.' : 'host2.example.net.'),
    r('_sip._tcp', 'SRV', v === 1 ? '10 60 5060 sip.example.net.' : '10 60 5061 sip.example.net.'),
    r('ssh', 'SSHFP', v === 1 ? '4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789' : '1 1 0123456789abcdef0123456789abcdef01234567'),
    r('_443._tcp', 'TLSA', v === 1 ? '3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' : '2 0 1 abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789'),
    r('svc', 'SVCB', v === 1 ? '1 svc.example.net. alpn="h2,h3" port=8443' : '2 . ipv4hint=192.0.2.9'),
    r('@', 'HTTPS', v === 1 ? '1 . alpn="h2" ipv6hint=2001:db8::7' : '0 cdn.example.net.'),
    r('naptr', 'NAPTR', v === 1 ? '100 10 "U" "E2U+sip" "!^.*$!sip:info@types.example!" .' : '100 20 "S" "SIP+D2U" "" _sip._udp.types.example.'),
    r('@', 'ALIAS', v === 1 ? 'lb.example.net.' : 'lb2.example.net.'),
    r('ttl', 'A', '192.0.2.50', v === 1 ? 60 : 3600),
    r('*', 'A', '192.0.2.99'),
  ];
}

describe('GCLOUD round trips', () => {
  it('covers every type the provider declares', () => {
    const declared = Object.entries(GCLOUD_CAPABILITIES.records).filter(([, s]) => s?.can).map(([t]) => t).sort();
    const used = new Set(everyType(1).map((r) => r.type));
    used.add('DS'); // declared through dsForChildren
    expect(declared.filter((t) => !used.has(t))).toEqual([]);
  });

  it('writes every type, reads it back identical, changes and deletes it, converging each time', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    const audit = h.provider.audit!(everyType(1), z);
    expect(audit).toEqual([]);
    for (const step of [everyType(1), everyType(2), []]) {
      await push(h.provider, z, step);
      expect(await pending(h.provider, z, step)).toEqual([]);
      const live = (await h.provider.getRecords(z))!.filter((r) => !(r.name === ZONE && r.type === 'NS'));
      expect(view(live)).toEqual(view(step));
    }
    const stored = h.server.state.byDnsName(ZONE)!;
    expect([...stored.rrsets.values()].map((r) => r.type).sort()).toEqual(['NS', 'SOA']);
  });

  it('stores TXT as Cloud DNS presentation: quoted strings of at most 255 octets', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    const text = 'x'.repeat(600);
    await push(h.provider, z, [rec(ZONE, 'long', 'TXT', `"${text}"`), rec(ZONE, 'q', 'TXT', '"a\\"b\\\\c"')]);
    const stored = h.server.state.byDnsName(ZONE)!;
    const get = (name: string): readonly string[] => [...stored.rrsets.values()].find((r) => r.name === `${name}.${ZONE}.`)!.rrdatas;
    expect(get('long')).toEqual([`"${'x'.repeat(255)}" "${'x'.repeat(255)}" "${'x'.repeat(90)}"`]);
    expect(get('q')).toEqual(['"a\\"b\\\\c"']);
  });

  it('reads other spellings of the same data as the same records: no change is planned or sent', async () => {
    h = await startHarness();
    const zone = h.server.seedZone(ZONE);
    const put = (name: string, type: string, rrdatas: string[]): void => h.server.state.put(zone, { name: `${name}.${ZONE}.`, type, ttl: 300, rrdatas });
    put('aaaa', 'AAAA', ['2001:0DB8:0000:0000:0000:0000:0000:0001']);
    put('cname', 'CNAME', ['Target.Example.NET.']);
    put('txt', 'TXT', ['"v=spf1 include:_spf.example.net" " -all"']);
    put('bare', 'TXT', ['hello']);
    put('esc', 'TXT', ['"h\\195\\169llo"']);
    put('ssh', 'SSHFP', ['1 1 0123456789ABCDEF0123456789ABCDEF01234567']);
    put('caa', 'CAA', ['0 ISSUE "letsencrypt.org"']);
    put('mx', 'MX', ['10 MAIL.Example.NET.']);
    put('Upper', 'A', ['192.0.2.1']);
    const desired = [
      rec(ZONE, 'aaaa', 'AAAA', '2001:db8::1'),
      rec(ZONE, 'cname', 'CNAME', 'target.example.net.'),
      rec(ZONE, 'txt', 'TXT', '"v=spf1 include:_spf.example.net -all"'),
      rec(ZONE, 'bare', 'TXT', '"hello"'),
      rec(ZONE, 'esc', 'TXT', '"héllo"'),
      rec(ZONE, 'ssh', 'SSHFP', '1 1 0123456789abcdef0123456789abcdef01234567'),
      rec(ZONE, 'caa', 'CAA', '0 issue "letsencrypt.org"'),
      rec(ZONE, 'mx', 'MX', '10 mail.example.net.'),
      rec(ZONE, 'upper', 'A', '192.0.2.1'),
    ];
    h.server.resetCounts();
    expect(await pending(h.provider, z, desired)).toEqual([]);
    const { changes } = await push(h.provider, z, desired);
    expect(changes).toEqual([]);
    expect(h.server.count('changes.create')).toBe(0);
  });

  it('deletes a set exactly as Cloud DNS holds it, in its own spelling', async () => {
    h = await startHarness();
    const zone = h.server.seedZone(ZONE);
    h.server.state.put(zone, { name: `old.${ZONE}.`, type: 'TXT', ttl: 300, rrdatas: ['"part one " "part two"', 'bare'] });
    h.server.state.put(zone, { name: `six.${ZONE}.`, type: 'AAAA', ttl: 300, rrdatas: ['2001:0DB8::0001'] });
    h.server.resetCounts();
    await push(h.provider, z, [rec(ZONE, 'six', 'AAAA', '2001:db8::2')]);
    const c = h.server.committed[0]!;
    expect(c.deletions).toEqual([
      { name: `old.${ZONE}.`, type: 'TXT', ttl: 300, rrdatas: ['"part one " "part two"', 'bare'] },
      { name: `six.${ZONE}.`, type: 'AAAA', ttl: 300, rrdatas: ['2001:0DB8::0001'] },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(c.additions).toEqual([{ name: `six.${ZONE}.`, type: 'AAAA', ttl: 300, rrdatas: ['2001:db8::2'] }]);
  });

  it('leaves record sets it cannot manage alone and says so', async () => {
    h = await startHarness();
    const zone = h.server.seedZone(ZONE);
    h.server.state.put(zone, { name: `vpn.${ZONE}.`, type: 'IPSECKEY', ttl: 300, rrdatas: ['10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=='] });
    h.server.state.put(zone, { name: `spf.${ZONE}.`, type: 'SPF', ttl: 300, rrdatas: ['"v=spf1 -all"'] });
    const records = (await h.provider.getRecords(z))!;
    expect(records.map((r) => r.type)).toEqual(['NS', 'NS', 'NS', 'NS']);
    expect(h.logs.some((l) => /2 record set\(s\) zonesmith does not manage are left alone/.test(l) && l.includes('IPSECKEY') && l.includes('SPF'))).toBe(true);
    // A push that deletes everything else does not touch them.
    await push(h.provider, z, []);
    expect([...zone.rrsets.values()].map((r) => r.type).sort()).toEqual(['IPSECKEY', 'NS', 'SOA', 'SPF']);
  });
});
