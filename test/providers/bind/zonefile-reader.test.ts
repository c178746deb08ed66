/**
 * Reading valid zone files. The oracle for odd-but-valid syntax is BIND itself: named-compilezone
 * prints the zone it loaded in canonical form, and our reading of the original must equal our
 * reading of BIND's output (names, types, TTLs and rdata all).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZone, readZoneFile } from '../../../providers/bind/zonefile-reader.js';
import { compileWithBind, expectCheckzoneOk, lines, tempDir, writeText } from './helpers.js';

const ZONE = 'example.com';
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Reads a file with our reader and with BIND, and expects the same records and no errors. */
function expectSameAsBind(name: string, text: string): void {
  const file = writeText(tmp.dir, name, text);
  expectCheckzoneOk(ZONE, file);
  const ours = readZone(text, { origin: ZONE, file });
  expect(ours.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(lines(ours.records)).toEqual(lines(compileWithBind(ZONE, file)));
}

const SOA = '@ IN SOA ns1.example.net. hostmaster.example.com. 2026010100 3600 600 604800 300\n@ NS ns1.example.net.\n';

describe('zone-file reader: odd but valid syntax reads as BIND reads it', () => {
  it('owner, TTL and class in every allowed order, units, case', () => {
    expectSameAsBind(
      'order.zone',
      `$TTL 1h\n${SOA}` +
        'a 60 IN A 192.0.2.1\nb IN 60 A 192.0.2.2\nc in a 192.0.2.3\nd 1h30m A 192.0.2.4\ne 1W2d CLASS1 A 192.0.2.5\n' +
        'F.Example.COM. 30M a 192.0.2.6\ng TYPE1 192.0.2.7\nh 0 A 192.0.2.8\n',
    );
  });

  it('parentheses across lines with comments, blank-owner lines, tabs, CRLF, no final newline', () => {
    expectSameAsBind(
      'layout.zone',
      '$TTL 300\r\n@\tIN\tSOA\tns1.example.net. hostmaster ( ; primary, mailbox\r\n\t\t2026010100 ; serial\r\n' +
        '\t\t1h 10m 1w 5m )\r\n\tNS\tns1.example.net.\r\n\tNS ns2.example.net.\r\nwww A 192.0.2.1\r\n  A 192.0.2.2\r\n' +
        '\t300 AAAA 2001:DB8:0:0::1\r\nmx MX (10\r\n mail.example.net. )\r\nlast A 192.0.2.9',
    );
  });

  it('$ORIGIN absolute and relative, @, relative and absolute targets, wildcards, numeric labels', () => {
    expectSameAsBind(
      'origin.zone',
      `$TTL 300\n${SOA}$ORIGIN sub\n@ A 192.0.2.1\nwww CNAME @\n* MX 10 mail\n$ORIGIN 10.example.com.\n` +
        'x PTR host.example.com.\n$ORIGIN example.com.\n9 A 192.0.2.9\n*.w A 192.0.2.10\n',
    );
  });

  it('quoted strings: \\" \\\\ \\DDD, semicolons and parentheses inside quotes, several strings, a quote inside a token', () => {
    expectSameAsBind(
      'strings.zone',
      `$TTL 300\n${SOA}` +
        't1 TXT "a\\"b" "c\\\\d" "\\065\\066" "semi;colon (paren)"\nt2 TXT unquoted words\\ with\\ escapes\n' +
        't3 TXT ""\nt4 TXT ab"cd"ef\nt5 TXT "line\\\nbreak"\nt6 TXT "caf\\195\\169 \\255"\n' +
        `t7 TXT "${'x'.repeat(255)}" "${'y'.repeat(255)}" "z"\n`,
    );
  });

  it('escaped characters in owner names', () => {
    expectSameAsBind('escapes.zone', `$TTL 300\n${SOA}a\\.b A 192.0.2.1\nsp\\032ace A 192.0.2.2\n\\@at A 192.0.2.3\nq\\"uote A 192.0.2.4\n`);
  });

  it('TTL semantics without $TTL: the SOA minimum, then the last explicit TTL (RFC 1035)', () => {
    expectSameAsBind(
      'ttl-1035.zone',
      '@ SOA ns1.example.net. hostmaster 1 3600 600 604800 77\n@ NS ns1.example.net.\na 60 A 192.0.2.1\nb A 192.0.2.2\n',
    );
    expectSameAsBind('ttl-explicit.zone', '@ 120 SOA ns1.example.net. hostmaster 1 3600 600 604800 77\n@ NS ns1.example.net.\na 60 A 192.0.2.1\nb A 192.0.2.2\n');
  });

  it('one TTL per RRset: the first of a run of one owner, the last run\'s when the RRset comes back; duplicates dropped', () => {
    const text = `$TTL 300\n${SOA}a 60 A 192.0.2.1\na 90 A 192.0.2.2\na A 192.0.2.1\n`;
    expectSameAsBind('rrset.zone', text);
    const ours = readZone(text, { origin: ZONE, file: 'z' });
    expect(ours.diagnostics.map((d) => d.code)).toEqual(['zonefile-ttl-mismatch', 'zonefile-ttl-mismatch']);
    expectSameAsBind('rrset-later.zone', `$TTL 300\n${SOA}a 90 A 192.0.2.1\nb A 192.0.2.5\na 60 A 192.0.2.2\nc A 192.0.2.5\na 120 A 192.0.2.3\n`);
    expectSameAsBind('rrset-dup-later.zone', `$TTL 300\n${SOA}a 60 A 192.0.2.1\nb A 192.0.2.5\na 90 A 192.0.2.1\n`);
    expectSameAsBind('rrset-dup-joins.zone', `$TTL 300\n${SOA}a 60 A 192.0.2.1\nb A 192.0.2.5\na 60 A 192.0.2.1\na 90 A 192.0.2.2\n`);
  });

  it('RFC 3597: \\# for known types, TYPEnnn for unknown ones, and types only BIND knows kept as text', () => {
    expectSameAsBind(
      'generic.zone',
      `$TTL 300\n${SOA}a A \\# 4 C0000201\nb TYPE65280 \\# 4 0A000001\nc TYPE65281 \\# 0\nd MX \\# 8 000a 046d61696c 00\n` +
        'h HINFO "PC" "Linux"\nu URI 10 1 "https://example.net/"\n',
    );
  });

  it('every DSL record type in presentation form', () => {
    expectSameAsBind(
      'types.zone',
      `$TTL 300\n${SOA}` +
        [
          'a A 192.0.2.1',
          'a AAAA 2001:db8::1',
          'caa CAA 0 issue "letsencrypt.org"',
          'caa CAA 128 iodef "mailto:x@example.com"',
          'c CNAME www.example.net.',
          'd DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=',
          'dn DNAME example.net.',
          'k DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
          'sub NS ns.example.net.',
          'sub DS 60485 13 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A',
          'h HTTPS 1 . alpn="h2,h3" port=8443 ipv4hint=192.0.2.1',
          's SVCB 0 svc.example.net.',
          'l LOC 52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m',
          'm MX 10 mail.example.net.',
          'n NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .',
          'o OPENPGPKEY mQINBFit2jsBEADrbl5vjVxYeAE0g0IDYCBpHirv1Sjlqxx5gjtPhb2YhvyDMXjq',
          'p PTR host.example.net.',
          'r RP hostmaster.example.com. info.example.com.',
          'info TXT "contact"',
          '_smimecert SMIMEA 3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6',
          '_sip._tcp SRV 10 60 5060 sip.example.net.',
          'ssh SSHFP 4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789',
          '_443._tcp TLSA 3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6',
          't TXT "v=spf1 -all"',
        ].join('\n') +
        '\n',
    );
  });

  it('$GENERATE with $, ${offset,width,base} and a literal \\$', () => {
    expectSameAsBind(
      'generate.zone',
      `$TTL 300\n${SOA}$GENERATE 1-3 host$ A 192.0.2.$\n$GENERATE 0-2/2 r\${10,3,d} CNAME t\${0,2,x}\n` +
        '$GENERATE 1-2 txt$ TXT "n=$ cost=\\$5"\n',
    );
  });
});

describe('$INCLUDE', () => {
  it('reads an include relative to the including file, with and without an origin, as BIND does from that directory', () => {
    writeText(tmp.dir, 'inc-a.zone', 'x A 192.0.2.1\n$ORIGIN other.example.com.\ny A 192.0.2.2\n$TTL 77\nz A 192.0.2.3\n');
    expectSameAsBind('incl.zone', `$TTL 300\n${SOA}$INCLUDE inc-a.zone sub\nafter A 192.0.2.9\n$INCLUDE "inc-a.zone"\n`);
  });

  it('resolves nested includes against the including file\'s own directory and reports loops', async () => {
    const dir = join(tmp.dir, 'nested');
    mkdirSync(join(dir, 'parts'), { recursive: true });
    writeText(dir, 'main.zone', `$TTL 300\n${SOA}$INCLUDE parts/a.zone\n`);
    writeText(join(dir, 'parts'), 'a.zone', 'a A 192.0.2.1\n$INCLUDE b.zone b\n');
    writeText(join(dir, 'parts'), 'b.zone', 'x A 192.0.2.2\n');
    const ok = await readZoneFile(join(dir, 'main.zone'), { origin: ZONE });
    expect(ok?.diagnostics).toEqual([]);
    expect(lines(ok!.records)).toContain('x.b.example.com A 300 192.0.2.2');

    writeText(dir, 'loop.zone', `$TTL 300\n${SOA}$INCLUDE loop.zone\n`);
    const loop = await readZoneFile(join(dir, 'loop.zone'), { origin: ZONE });
    expect(loop?.diagnostics.map((d) => d.code)).toContain('zonefile-include-depth');
  });

  it('names the included file and line in diagnostics, and can be turned off', async () => {
    writeText(tmp.dir, 'bad-inc.zone', 'ok A 192.0.2.1\nbad A 1.2.3\n');
    const r = await readZoneFile(writeText(tmp.dir, 'uses-bad.zone', `$TTL 300\n${SOA}$INCLUDE bad-inc.zone\n`), { origin: ZONE });
    expect(r?.diagnostics[0]).toMatchObject({ code: 'invalid-ipv4', source: { file: join(tmp.dir, 'bad-inc.zone'), line: 2, column: 7 } });
    const off = readZone(`$TTL 300\n$INCLUDE bad-inc.zone\n`, { origin: ZONE, file: join(tmp.dir, 'x.zone'), allowInclude: false });
    expect(off.diagnostics.map((d) => d.code)).toEqual(['zonefile-include-disabled']);
  });
});

describe('zone files without SOA or NS', () => {
  it('read fine (DNSControl writes them so)', () => {
    const r = readZone('$TTL 300\n@                IN A     1.2.3.4\n                 IN MX    15 foo.com.\n', { origin: 'foo.com', file: 'foo.com.zone' });
    expect(r.ok).toBe(true);
    expect(lines(r.records)).toEqual(['foo.com A 300 1.2.3.4', 'foo.com MX 300 15 foo.com.']);
  });

  it('returns null for a missing file', async () => {
    expect(await readZoneFile(join(tmp.dir, 'no-such.zone'), { origin: ZONE })).toBeNull();
  });
});

describe('reading a file in pieces', () => {
  it('gives the same records and diagnostics (same lines and columns) whatever the piece size', async () => {
    const text =
      `$TTL 300\n${SOA}a ( 60\n  A 192.0.2.1 ) ; comment ( with a paren\nb TXT "multi\\\nline" "x;y"\n` +
      'c MX ten x.\n  A 192.0.2.2\n$ORIGIN sub\n@ A 192.0.2.3\nd TXT "caf\u00e9 \u2603"\n$TTL 60\ne AAAA 2001:db8::1\nbad A 1.2.3\nlast A 192.0.2.9';
    const file = writeText(tmp.dir, 'pieces.zone', text);
    const whole = readZone(text, { origin: ZONE, file });
    expect(whole.diagnostics.filter((d) => d.severity === 'error').length).toBe(2);
    for (const pieceSize of [1, 2, 3, 5, 16, 64, 100, 4096]) {
      const r = await readZoneFile(file, { origin: ZONE, pieceSize });
      expect(r, `piece size ${pieceSize}`).toEqual(whole);
    }
  });
});
