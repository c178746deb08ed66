import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startBind, startKnot, type TestServer } from '../../servers/index.js';
import { baseRecords, digRecords, lines, providerFor, push, rec } from './helpers.js';
import type { DnsRecord } from '../../../src/records/types.js';

const zone = 'types.test';
const hex64 = 'a'.repeat(32) + '0123456789abcdef0123456789abcdef';

/** One record of every type a standard server holds, with out-of-zone targets (strict BIND's check-integrity). */
function everyType(): DnsRecord[] {
  const r = (label: string, type: string, rdata: string, ttl = 300): DnsRecord => rec(zone, label, type, rdata, ttl);
  return [
    r('www', 'A', '192.0.2.1'),
    r('www', 'A', '192.0.2.2'),
    r('www', 'AAAA', '2001:db8::1'),
    r('@', 'CAA', '0 issue "letsencrypt.org"'),
    r('@', 'CAA', '128 iodef "mailto:security@example.net"'),
    r('alias', 'CNAME', 'www.example.net.', 600),
    r('dhcid', 'DHCID', 'AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA='),
    r('dname', 'DNAME', 'example.net.'),
    r('child', 'NS', 'ns1.example.net.'),
    r('child', 'DS', `12345 13 2 ${hex64}`),
    r('svc', 'HTTPS', '1 . alpn=h2,h3 port=8443'),
    r('svcb', 'SVCB', '1 svc.example.net. alpn=h2'),
    r('loc', 'LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m'),
    r('@', 'MX', '10 mx.example.net.'),
    r('naptr', 'NAPTR', '100 10 "S" "SIP+D2U" "" _sip._udp.example.net.'),
    r('c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._openpgpkey', 'OPENPGPKEY', Buffer.from('zonesmith test key material, not a real OpenPGP key').toString('base64')),
    r('ptr', 'PTR', 'host.example.net.'),
    r('rp', 'RP', 'admin.example.net. info.example.net.'),
    r('c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert', 'SMIMEA', `3 1 1 ${hex64}`),
    r('_sip._tcp', 'SRV', '10 20 5060 sip.example.net.'),
    r('host', 'SSHFP', `4 2 ${hex64}`),
    r('_443._tcp', 'TLSA', `3 1 1 ${hex64}`),
    r('t', 'TXT', '"hello world"'),
    r('long', 'TXT', `"${'v=DKIM1; k=rsa; p='.padEnd(300, 'A')}"`),
    r('esc', 'TXT', '"quote \\" backslash \\\\ semicolon ;"'),
    r('utf', 'TXT', '"héllo wörld"'),
    r('multi', 'TXT', '"part one" "part two"'),
    r('generic', 'TYPE65280', '\\# 4 0a000001'),
  ];
}

/** The same names with other values, TTLs and set sizes: updates, deletes and creates at once. */
function changedTypes(): DnsRecord[] {
  const r = (label: string, type: string, rdata: string, ttl = 300): DnsRecord => rec(zone, label, type, rdata, ttl);
  return [
    r('www', 'A', '192.0.2.1', 900),
    r('www', 'A', '192.0.2.3', 900),
    r('@', 'CAA', '0 issuewild ";"'),
    r('alias', 'CNAME', 'www.example.org.'),
    r('child', 'NS', 'ns1.example.net.'),
    r('child', 'NS', 'ns2.example.net.'),
    r('child', 'DS', `54321 8 2 ${hex64}`),
    r('svc', 'HTTPS', '2 svc.example.net. alpn=h2'),
    r('@', 'MX', '20 mx2.example.net.'),
    r('_sip._tcp', 'SRV', '10 20 5061 sip.example.net.'),
    r('long', 'TXT', `"${'v=DKIM1; k=rsa; p='.padEnd(600, 'B')}"`),
    r('multi', 'TXT', '"part one" "part two"', 60),
    r('generic', 'TYPE65280', '\\# 2 abcd'),
    r('new', 'TXT', '"created"'),
  ];
}

const flavours: [string, () => Promise<TestServer>][] = [
  ['BIND strict', () => startBind({ zones: [{ name: zone }] })],
  ['BIND permissive', () => startBind({ zones: [{ name: zone }], strict: false })],
  ['Knot', () => startKnot({ zones: [{ name: zone }] })],
];

describe.each(flavours)('every record type through %s', (_name, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates, re-reads and cross-checks with dig; the second diff is empty', async () => {
    const p = providerFor(server);
    const desired = [...baseRecords(zone), ...everyType()];
    const res = await push(p, zone, desired);
    expect(res.changes.length).toBe(everyType().length);
    expect(res.second).toEqual([]);
    expect(lines(res.after)).toEqual(lines(desired));
    expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
    // Every change was reported applied, in one message.
    expect(res.batches.flat().length).toBe(res.changes.length);
    expect(p.lastApply?.messages).toBe(1);
  });

  it('updates values, TTLs and set sizes, deleting by the server\'s own RDATA', async () => {
    const p = providerFor(server);
    const desired = [...baseRecords(zone), ...changedTypes()];
    const res = await push(p, zone, desired);
    expect(res.second).toEqual([]);
    expect(lines(res.after)).toEqual(lines(desired));
    expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
  });

  it('deletes everything it created', async () => {
    const p = providerFor(server);
    const res = await push(p, zone, baseRecords(zone));
    expect(res.second).toEqual([]);
    expect(lines(await digRecords(server, zone))).toEqual(lines(baseRecords(zone)));
  });
});
