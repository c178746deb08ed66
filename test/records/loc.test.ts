import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodePrecision, encodePrecision, fixedPoint } from '../../src/records/loc-codec.js';
import { canonicalRdata, rdataFromArgs, rdataFromWire, rdataToWire } from '../../src/records/registry.js';
import { RdataError } from '../../src/records/types.js';

/** LOC (RFC 1876): the RFC's own examples, BIND's printing and wire bytes, DNSControl's arguments. */

// The examples of RFC 1876 §4 and what BIND 9.18 prints for them (named-compilezone, 2026-11).
const RFC_EXAMPLES: readonly (readonly [string, string])[] = [
  ['42 21 54 N 71 06 18 W -24m 30m', '42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m'],
  ['42 21 43.952 N 71 5 6.344 W -24m 1m 200m', '42 21 43.952 N 71 5 6.344 W -24.00m 1m 200m 10m'],
  ['52 14 05 N 00 08 50 E 10m', '52 14 5.000 N 0 8 50.000 E 10.00m 1m 10000m 10m'],
  ['32 7 19 S 116 2 25 E 10m', '32 7 19.000 S 116 2 25.000 E 10.00m 1m 10000m 10m'],
  ['42 21 28.764 N 71 00 51.617 W -44m 2000m', '42 21 28.764 N 71 0 51.617 W -44.00m 2000m 10000m 10m'],
];

describe('RFC 1876 examples', () => {
  it.each(RFC_EXAMPLES)('%s', (input, canonical) => {
    expect(canonicalRdata('LOC', input, '.')).toBe(canonical);
    const wire = rdataToWire('LOC', canonical);
    expect(wire.length).toBe(16);
    expect(rdataFromWire(29, wire, 0, 16).rdata).toBe(canonical);
    // BIND encodes the same bytes.
    const out = execFileSync('named-rrchecker', ['-u'], { input: `IN LOC ${input}\n`, encoding: 'utf8' });
    expect(out.trim().split(/\s+/).pop()?.toLowerCase()).toBe(Buffer.from(wire).toString('hex'));
    // And prints exactly our canonical text.
    const printed = execFileSync('named-rrchecker', ['-p'], { input: `IN LOC ${input}\n`, encoding: 'utf8' });
    expect(printed.trim().replace(/^IN\s+LOC\s+/, '')).toBe(canonical);
  });

  it('matches a known wire encoding (cambridge-net.kei.com, from named-rrchecker -u)', () => {
    expect(Buffer.from(rdataToWire('LOC', canonicalRdata('LOC', '42 21 54 N 71 06 18 W -24m 30m', '.'))).toString('hex'))
      .toBe('0033161389172dd070be15f000988d20');
  });
});

describe('LOC fields', () => {
  it('reads decimals exactly, without floating point', () => {
    expect(fixedPoint('12.748', 3)).toBe(12748);
    expect(fixedPoint('0.1', 2)).toBe(10);
    expect(fixedPoint('7', 3)).toBe(7000);
    expect(fixedPoint('1.2345', 3)).toBe(-1);
    expect(fixedPoint('-1', 2)).toBe(-1);
  });

  it('encodes sizes as mantissa and power of ten, truncating like BIND', () => {
    expect(encodePrecision(100)).toBe(0x12);
    expect(encodePrecision(1_000_000)).toBe(0x16);
    expect(encodePrecision(1500)).toBe(0x13);
    expect(encodePrecision(0)).toBe(0x00);
    expect(encodePrecision(9_000_000_000)).toBe(0x99);
    expect(decodePrecision(0x35)).toBe(300_000);
  });

  it('takes DNSControl\'s twelve arguments, numbers or strings', () => {
    expect(rdataFromArgs('LOC', [51, 30, 12.748, 'N', 0, 7, 39.611, 'W', 0, 0, 0, 0], { zone: 'example.com' }))
      .toBe('51 30 12.748 N 0 7 39.611 W 0.00m 0.00m 0.00m 0.00m');
    expect(rdataFromArgs('LOC', ['52', '22', '23', 'N', '4', '53', '32', 'E', '-2', '1', '10000', '10'], { zone: 'example.com' }))
      .toBe('52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m');
    expect(rdataFromArgs('LOC', [0, 0, 0, 'S', 0, 0, 0, 'W', -0.001, 1, 1, 1], { zone: 'example.com' }))
      .toBe('0 0 0.000 N 0 0 0.000 E 0.00m 1m 1m 1m');
  });

  it('rejects malformed and out-of-range input with loc-invalid', () => {
    const bad = (f: () => unknown): string => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e instanceof RdataError ? e.code : String(e);
      }
    };
    for (const input of ['91 N 0 E 0', '0 N 181 E 0', '0 60 N 0 E 0', '0 N 0 E', '0 0 0 X 0 E 0m', '0 N 0 E 0m 1m 1m 1m 1m', '0 N 0 E 42849673m', '0 N 0 E -100000.01m', '0 N 0 E 0 90000001m']) {
      expect(bad(() => canonicalRdata('LOC', input, '.')), input).toBe('loc-invalid');
    }
    expect(bad(() => rdataFromArgs('LOC', [1, 2, 3, 'N', 4, 5, 6, 'E', 'x', 1, 1, 1], { zone: 'z' }))).toBe('loc-invalid');
    expect(bad(() => rdataFromArgs('LOC', [1, 2, 3, 'N', 4, 5, 6, 'E', {}, 1, 1, 1], { zone: 'z' }))).toBe('loc-invalid');
    const wire = rdataToWire('LOC', '0 0 0.000 N 0 0 0.000 E 0.00m 1m 10000m 10m');
    const v1 = Uint8Array.from(wire);
    v1[0] = 1;
    expect(bad(() => rdataFromWire(29, v1, 0, 16))).toBe('loc-invalid');
    const badSize = Uint8Array.from(wire);
    badSize[1] = 0xa0;
    expect(bad(() => rdataFromWire(29, badSize, 0, 16))).toBe('loc-invalid');
    const farNorth = Uint8Array.from(wire);
    farNorth.set([0xff, 0xff, 0xff, 0xff], 4);
    expect(bad(() => rdataFromWire(29, farNorth, 0, 16))).toBe('loc-invalid');
  });
});
