import { describe, expect, it } from 'vitest';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from '../../src/records/ip.js';

describe('IPv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['192.0.2.1', 0xc0000201],
    ['255.255.255.255', 0xffffffff],
  ])('%s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });

  it.each(['1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.04', '1..2.3', '1.2.3.4.', ' 1.2.3.4', 'a.b.c.d', '', '1.2.3.-4'])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBe(-1);
  });
});

describe('IPv6 (RFC 5952)', () => {
  const fmt = (t: string): string | null => {
    const w = new Uint16Array(8);
    return parseIpv6(t, w) ? formatIpv6(w) : null;
  };

  it.each([
    // RFC 5952 §4 examples and inet_ntop's dotted tails.
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:DB8::A', '2001:db8::a'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::ffff:c000:201', '::ffff:192.0.2.1'],
    ['::192.0.2.1', '::192.0.2.1'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
  ])('%s → %s', (input, want) => {
    expect(fmt(input)).toBe(want);
  });

  it.each(['', ':', ':1', '1:', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '12345::', 'g::', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:'])(
    'rejects %j',
    (input) => {
      expect(fmt(input)).toBeNull();
    },
  );
});
