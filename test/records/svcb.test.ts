import { describe, expect, it } from 'vitest';
import { canonicalRdata, checkRdata, rdataFromArgs, rdataFromWire, rdataToWire } from '../../src/records/registry.js';
import { RdataError } from '../../src/records/types.js';

/** RFC 9460 Appendix D test vectors: presentation ↔ wire, and the failure cases of D.3. */

const FOO_COM = '03666f6f076578616d706c6503636f6d00'; // foo.example.com.
const FOO_ORG = '03666f6f076578616d706c65036f726700'; // foo.example.org.

const VECTORS: readonly (readonly [string, string, string, string])[] = [
  // [figure, presentation, canonical, wire hex]
  ['D.1 AliasMode', '0 foo.example.com.', '0 foo.example.com.', `0000${FOO_COM}`],
  ['D.2 fig 3 TargetName "."', '1 .', '1 .', '000100'],
  ['D.2 fig 4 port', '16 foo.example.com. port=53', '16 foo.example.com. port=53', `0010${FOO_COM}000300020035`],
  ['D.2 fig 5 generic key', '1 foo.example.com. key667=hello', '1 foo.example.com. key667="hello"', `0001${FOO_COM}029b000568656c6c6f`],
  ['D.2 fig 6 generic key with escape', '1 foo.example.com. key667="hello\\210qoo"', '1 foo.example.com. key667="hello\\210qoo"',
    `0001${FOO_COM}029b000968656c6c6fd2716f6f`],
  ['D.2 fig 7 two IPv6 hints', '1 foo.example.com. ipv6hint="2001:db8::1,2001:db8::53:1"', '1 foo.example.com. ipv6hint=2001:db8::1,2001:db8::53:1',
    `0001${FOO_COM}0006002020010db800000000000000000000000120010db8000000000000000000530001`],
  ['D.2 fig 8 IPv4-embedded IPv6 hint', '1 example.com. ipv6hint="2001:db8:122:344::192.0.2.33"', '1 example.com. ipv6hint=2001:db8:122:344::c000:221',
    '0001076578616d706c6503636f6d000006001020010db80122034400000000c0000221'],
  ['D.2 fig 9 sorted keys', '16 foo.example.org. alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1',
    '16 foo.example.org. mandatory=alpn,ipv4hint alpn="h2,h3-19" ipv4hint=192.0.2.1',
    `0010${FOO_ORG}0000000400010004000100090268320568332d313900040004c0000201`],
  ['D.2 fig 10 escaped alpn', '16 foo.example.org. alpn="f\\\\\\\\oo\\\\,bar,h2"', '16 foo.example.org. alpn="f\\\\\\\\oo\\\\,bar,h2"',
    `0010${FOO_ORG}0001000c08665c6f6f2c626172026832`],
  ['D.2 fig 10 escaped alpn, second form', '16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2', '16 foo.example.org. alpn="f\\\\\\\\oo\\\\,bar,h2"',
    `0010${FOO_ORG}0001000c08665c6f6f2c626172026832`],
];

describe('RFC 9460 Appendix D vectors', () => {
  it.each(VECTORS)('%s', (_fig, presentation, canonical, hex) => {
    expect(canonicalRdata('SVCB', presentation, '.')).toBe(canonical);
    expect(Buffer.from(rdataToWire('SVCB', canonical)).toString('hex')).toBe(hex);
    const wire = Buffer.from(hex, 'hex');
    expect(rdataFromWire(64, wire, 0, wire.length)).toEqual({ type: 'SVCB', rdata: canonical });
    // HTTPS shares the rdata format.
    expect(rdataFromWire(65, wire, 0, wire.length)).toEqual({ type: 'HTTPS', rdata: canonical });
  });
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RdataError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('RFC 9460 D.3 failure cases', () => {
  it.each([
    ['multiple instances of the same key', '1 foo.example.com. key123=abc key123=def', 'svcb-duplicate-key'],
    ['missing value: mandatory', '1 foo.example.com. mandatory', 'svcb-missing-value'],
    ['missing value: alpn', '1 foo.example.com. alpn', 'svcb-missing-value'],
    ['missing value: port', '1 foo.example.com. port', 'svcb-missing-value'],
    ['missing value: ipv4hint', '1 foo.example.com. ipv4hint', 'svcb-missing-value'],
    ['missing value: ipv6hint', '1 foo.example.com. ipv6hint', 'svcb-missing-value'],
    ['no-default-alpn with a value', '1 foo.example.com. no-default-alpn=abc', 'svcb-unexpected-value'],
    ['mandatory key missing', '1 foo.example.com. mandatory=key123', 'svcb-mandatory-missing'],
    ['mandatory lists mandatory', '1 foo.example.com. mandatory=mandatory', 'svcb-mandatory-self'],
    ['duplicate key in mandatory', '1 foo.example.com. mandatory=key123,key123 key123=abc', 'svcb-mandatory-duplicate'],
  ])('%s', (_what, rdata, expected) => {
    expect(code(() => canonicalRdata('SVCB', rdata, '.'))).toBe(expected);
  });

  it('rejects malformed values and keys', () => {
    expect(code(() => canonicalRdata('SVCB', '1 . port=70000', '.'))).toBe('svcb-bad-value');
    expect(code(() => canonicalRdata('SVCB', '1 . ipv4hint=1.2.3', '.'))).toBe('svcb-bad-value');
    expect(code(() => canonicalRdata('SVCB', '1 . ipv6hint=1::2::3', '.'))).toBe('svcb-bad-value');
    expect(code(() => canonicalRdata('SVCB', '1 . alpn=h2,,h3', '.'))).toBe('svcb-bad-value');
    expect(code(() => canonicalRdata('SVCB', '1 . key3="\\001"', '.'))).toBe('svcb-bad-value');
    expect(code(() => canonicalRdata('SVCB', '1 . ech=!!', '.'))).toBe('invalid-base64');
    expect(code(() => canonicalRdata('SVCB', '1 . key65535=x', '.'))).toBe('svcb-invalid-key');
    expect(code(() => canonicalRdata('SVCB', '1 . bogus=1', '.'))).toBe('svcb-invalid-key');
  });

  it('rejects wire params out of order, a reserved key, and a bad mandatory list', () => {
    const target = '00';
    const outOfOrder = Buffer.from(`0001${target}00030002003500010003026832`, 'hex');
    expect(code(() => rdataFromWire(64, outOfOrder, 0, outOfOrder.length))).toBe('svcb-key-order');
    const reserved = Buffer.from(`0001${target}ffff0000`, 'hex');
    expect(code(() => rdataFromWire(64, reserved, 0, reserved.length))).toBe('svcb-invalid-key');
    const unsortedMandatory = Buffer.from(`0001${target}0000000400040001000100030268320004000401020304`, 'hex');
    expect(code(() => rdataFromWire(64, unsortedMandatory, 0, unsortedMandatory.length))).toBe('svcb-bad-value');
    const selfMandatory = Buffer.from(`0001${target}000000020000`, 'hex');
    expect(code(() => rdataFromWire(64, selfMandatory, 0, selfMandatory.length))).toBe('svcb-mandatory-self');
  });
});

describe('SVCB checks and the DSL', () => {
  it('flags AliasMode params, no-default-alpn without alpn, and the priority range', () => {
    expect(checkRdata('SVCB', '0 foo.example.com. port=53').map((i) => i.code)).toEqual(['svcb-alias-mode-params']);
    expect(checkRdata('HTTPS', '1 . no-default-alpn').map((i) => i.code)).toEqual(['svcb-no-default-alpn-needs-alpn']);
    expect(checkRdata('HTTPS', '70000 .').map((i) => i.code)).toEqual(['svcb-priority-range']);
    expect(checkRdata('HTTPS', '1 . alpn=h2 no-default-alpn')).toEqual([]);
  });

  it('takes the params as one string, as DNSControl does, and keeps ech=IGNORE out of the wire', () => {
    const rdata = rdataFromArgs('HTTPS', [1, '.', 'ech=IGNORE port=443'], { zone: 'example.com' });
    expect(rdata).toBe('1 . port=443 ech=IGNORE');
    expect(canonicalRdata('HTTPS', rdata, '.')).toBe(rdata);
    expect(code(() => rdataToWire('HTTPS', rdata))).toBe('svcb-ech-ignore');
    expect(code(() => rdataFromArgs('HTTPS', [1, '.', '', 'x'], { zone: 'example.com' }))).toBe('too-many-fields');
    expect(rdataFromArgs('SVCB', [1, 'svc', ['alpn=h2', 'port=8443']], { zone: 'example.com' })).toBe('1 svc.example.com. alpn="h2" port=8443');
  });
});
