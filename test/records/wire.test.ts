import { describe, expect, it } from 'vitest';
import { RdataError } from '../../src/records/types.js';
import { ByteReader, ByteWriter } from '../../src/records/wire.js';

function code(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof RdataError ? e.code : String(e);
  }
}

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

describe('ByteWriter', () => {
  it('writes big-endian integers, bytes and uncompressed names, growing as needed', () => {
    const w = new ByteWriter(2);
    w.u8(1);
    w.u16(0x0203);
    w.u32(0x04050607);
    w.bytes(Uint8Array.from([8, 9]));
    w.name('a.B.');
    const at = w.length;
    w.u16(0);
    w.patchU16(at, 0xbeef);
    expect(Buffer.from(w.finish()).toString('hex')).toBe('0102030405060708090161014200beef');
  });

  it('refuses values that do not fit (number-range)', () => {
    const w = new ByteWriter();
    expect(code(() => w.u8(256))).toBe('number-range');
    expect(code(() => w.u16(65536))).toBe('number-range');
    expect(code(() => w.u32(2 ** 32))).toBe('number-range');
    expect(code(() => w.u16(-1))).toBe('number-range');
    expect(code(() => w.u8(1.5))).toBe('number-range');
  });
});

describe('ByteReader', () => {
  it('reads integers and stops at its limit', () => {
    const r = new ByteReader(hex('01 0203 04050607 ff'), 0, 7);
    expect([r.u8(), r.u16(), r.u32()]).toEqual([1, 0x0203, 0x04050607]);
    expect(code(() => r.u8())).toBe('wire-truncated');
    expect(code(() => new ByteReader(hex('01'), 0).bytes(2))).toBe('wire-truncated');
    expect(new ByteReader(hex('ffffffff')).u32()).toBe(0xffffffff);
  });

  it('follows compression pointers backwards and resumes after the first pointer', () => {
    // offset 0: example.com.  offset 13: www + pointer to 0, then a u16.
    const buf = hex('076578616d706c6503636f6d00 03777777c000 abcd');
    const r = new ByteReader(buf, 13);
    expect(r.name()).toBe('www.example.com.');
    expect(r.offset).toBe(19);
    expect(r.u16()).toBe(0xabcd);
  });

  it('keeps case in name() and lower-cases in nameLower(); escapes special octets', () => {
    const buf = hex('03 572e57 02 2220 00');
    expect(new ByteReader(buf).name()).toBe('W\\.W.\\"\\032.');
    expect(new ByteReader(buf).nameLower()).toBe('w\\.w.\\"\\032.');
    expect(new ByteReader(hex('00')).name()).toBe('.');
  });

  it('rejects pointer loops, forward pointers, truncated names, bad label types and long names', () => {
    expect(code(() => new ByteReader(hex('c000')).name())).toBe('wire-pointer-loop');
    expect(code(() => new ByteReader(hex('0000 c004'), 2).name())).toBe('wire-pointer-loop');
    // A label that runs past a pointer back to itself: 01 61 c0 00 at offset 0 loops via the label.
    expect(code(() => new ByteReader(hex('00 0161c001'), 1).name())).toBe('wire-pointer-loop');
    expect(code(() => new ByteReader(hex('0361')).name())).toBe('wire-truncated');
    expect(code(() => new ByteReader(hex('0161')).name())).toBe('wire-truncated');
    expect(code(() => new ByteReader(hex('c0')).name())).toBe('wire-truncated');
    expect(code(() => new ByteReader(hex('4100')).name())).toBe('wire-bad-label');
    expect(code(() => new ByteReader(hex('8100')).name())).toBe('wire-bad-label');
    const long = new Uint8Array(5 * 64 + 1);
    for (let i = 0; i < 5; i++) long.set([63, ...new Uint8Array(63).fill(0x61)], i * 64);
    expect(code(() => new ByteReader(long).name())).toBe('name-too-long');
  });

  it('lets a name in rdata point before the rdata but not read past the limit sequentially', () => {
    const buf = hex('0161 00 c000 0162');
    const r = new ByteReader(buf, 3, 5);
    expect(r.name()).toBe('a.');
    expect(code(() => new ByteReader(buf, 5, 6).name())).toBe('wire-truncated');
  });
});
