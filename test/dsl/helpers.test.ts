// Pure helpers of the DSL, checked against independent references (node:crypto, hand-worked
// reverse names) rather than against themselves.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH } from '../../src/dsl/hash.js';
import { parseIPv4, parseIPv6 } from '../../src/dsl/ip.js';
import { ptrLabel } from '../../src/dsl/ptr-magic.js';
import { reverseName } from '../../src/dsl/reverse.js';
import { toSeconds } from '../../src/dsl/duration.js';

describe('HASH', () => {
  const inputs = ['', 'a', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'x'.repeat(111), 'x'.repeat(112), 'y'.repeat(300), 'zonesmith ü €  😀'];
  for (const alg of ['SHA1', 'SHA256', 'SHA512'] as const) {
    it(`${alg} equals node:crypto for block-boundary lengths and UTF-8`, () => {
      for (const s of inputs) expect(HASH(alg, s)).toBe(createHash(alg.toLowerCase()).update(s, 'utf8').digest('hex'));
    });
  }
  it('rejects other algorithms', () => {
    expect(() => HASH('MD5' as 'SHA1', 'x')).toThrow(/SHA1, SHA256 or SHA512/);
  });
});

describe('IP parsing', () => {
  it('reads dotted quads and rejects the rest', () => {
    expect(parseIPv4('192.0.2.255')).toEqual([192, 0, 2, 255]);
    for (const bad of ['192.0.2', '192.0.2.256', '1.2.3.4.5', 'a.b.c.d', '1..2.3', '']) expect(parseIPv4(bad)).toBeUndefined();
  });

  it('reads IPv6 with :: and an IPv4 tail', () => {
    expect(parseIPv6('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::')).toEqual(new Array(16).fill(0));
    expect(parseIPv6('::ffff:192.0.2.1')?.slice(10)).toEqual([0xff, 0xff, 192, 0, 2, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')?.[15]).toBe(8);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8::']) expect(parseIPv6(bad)).toBeUndefined();
  });
});

describe('REV', () => {
  const cases: [string, 'rfc2317' | 'rfc4183', string][] = [
    ['192.0.2.0/24', 'rfc2317', '2.0.192.in-addr.arpa'],
    ['192.0.0.0/16', 'rfc2317', '0.192.in-addr.arpa'],
    ['10.0.0.0/8', 'rfc2317', '10.in-addr.arpa'],
    ['192.0.2.1', 'rfc2317', '1.2.0.192.in-addr.arpa'],
    ['192.0.2.128/25', 'rfc2317', '128/25.2.0.192.in-addr.arpa'],
    ['192.0.2.128/25', 'rfc4183', '128-25.2.0.192.in-addr.arpa'],
    ['192.0.2.64/26', 'rfc2317', '64/26.2.0.192.in-addr.arpa'],
    ['10.16.0.0/12', 'rfc2317', '16-12.10.in-addr.arpa'],
    ['10.1.16.0/20', 'rfc2317', '16-20.1.10.in-addr.arpa'],
    ['2001:db8::/32', 'rfc2317', '8.b.d.0.1.0.0.2.ip6.arpa'],
    ['2001:db8:1::/48', 'rfc2317', '1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
    ['2001:db8::1', 'rfc2317', `1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.ip6.arpa`],
  ];
  for (const [cidr, mode, name] of cases) {
    it(`${cidr} (${mode}) = ${name}`, () => expect(reverseName(cidr, mode)).toBe(name));
  }
  it('refuses bad blocks', () => {
    expect(() => reverseName('192.0.2.1/24', 'rfc2317')).toThrow(/bits set beyond the mask/);
    expect(reverseName('192.0.2.1/24', 'rfc4183')).toBe('2.0.192.in-addr.arpa');
    expect(() => reverseName('10.0.0.0/7', 'rfc2317')).toThrow(/fewer than 8 bits/);
    expect(() => reverseName('2001:db8::/33', 'rfc2317')).toThrow(/multiple of 4/);
    expect(() => reverseName('192.0.2.0/33', 'rfc2317')).toThrow(/at most 32/);
    expect(() => reverseName('example.com', 'rfc2317')).toThrow(/not an IP address/);
  });
});

describe('PTR name magic', () => {
  it('turns addresses and reverse names into labels relative to the zone', () => {
    expect(ptrLabel('192.0.2.10', '2.0.192.in-addr.arpa')).toBe('10');
    expect(ptrLabel('192.0.2.10', '0.192.in-addr.arpa')).toBe('10.2');
    expect(ptrLabel('10.2.0.192.in-addr.arpa', '2.0.192.in-addr.arpa')).toBe('10');
    expect(ptrLabel('10.2.0.192.IN-ADDR.ARPA.', '2.0.192.in-addr.arpa')).toBe('10');
    expect(ptrLabel('2.0.192.in-addr.arpa.', '2.0.192.in-addr.arpa')).toBe('@');
    expect(ptrLabel('192.0.2.130', '128/25.2.0.192.in-addr.arpa')).toBe('130');
    expect(ptrLabel('192.0.2.130', '128-25.2.0.192.in-addr.arpa')).toBe('130');
    expect(ptrLabel('2001:db8::1', '0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa')).toBe(`1.${'0.'.repeat(14)}0`);
  });

  it('leaves plain labels and forward zones alone', () => {
    expect(ptrLabel('10', '2.0.192.in-addr.arpa')).toBe('10');
    expect(ptrLabel('192.0.2.10', 'example.com')).toBe('192.0.2.10');
    expect(ptrLabel('host', '8.b.d.0.1.0.0.2.ip6.arpa')).toBe('host');
  });

  it('refuses names outside the zone', () => {
    expect(() => ptrLabel('198.51.100.1', '2.0.192.in-addr.arpa')).toThrow(/not in the reverse zone/);
    expect(() => ptrLabel('192.0.2.10', '128/25.2.0.192.in-addr.arpa')).toThrow(/not in the reverse zone/);
    expect(() => ptrLabel('2001:db9::1', '8.b.d.0.1.0.0.2.ip6.arpa')).toThrow(/not in the reverse zone/);
    expect(() => ptrLabel('1.3.0.192.in-addr.arpa', '2.0.192.in-addr.arpa')).toThrow(/not in the reverse zone/);
  });
});

describe('durations', () => {
  it('follow DNSControl: s m h d w n(30 days) y, bare numbers are seconds', () => {
    expect([toSeconds('300', 'TTL'), toSeconds('300s', 'TTL'), toSeconds('5m', 'TTL'), toSeconds('2h', 'TTL'), toSeconds('1d', 'TTL')]).toEqual([
      300, 300, 300, 7200, 86400,
    ]);
    expect([toSeconds('1w', 'TTL'), toSeconds('1n', 'TTL'), toSeconds('1y', 'TTL'), toSeconds(42, 'TTL')]).toEqual([604800, 2592000, 31536000, 42]);
    for (const bad of ['', '1.5h', '-5', '5 m', '5M', 'h']) expect(() => toSeconds(bad, 'TTL')).toThrow(/not a valid duration/);
    expect(() => toSeconds(null, 'TTL')).toThrow(/number or a string/);
  });
});
