import { describe, expect, it } from 'vitest';
import { formatGeneric } from '../../src/records/generic.js';
import {
  canonicalRdata,
  getRecordType,
  knownTypeNames,
  rdataFromArgs,
  rdataFromWire,
  rdataToWire,
  typeCode,
  zoneFileRdata,
} from '../../src/records/registry.js';
import { tokenizeRdata } from '../../src/records/text.js';
import { RECORD_TYPES } from '../../src/records/types.js';
import { ARG_CASES, CANONICAL, LONG_TXT, NORMALISE, ZONE } from './samples.js';

const PSEUDO = new Set(['ALIAS', 'R53_ALIAS']);
const all: (readonly [string, string])[] = [...ARG_CASES.map(([t, , r]) => [t, r] as const), ...CANONICAL];

describe('fromArgs → format', () => {
  it.each(ARG_CASES.map(([t, a, r]) => [t, JSON.stringify(a).slice(0, 60), a, r] as const))('%s %s', (type, _label, args, rdata) => {
    expect(rdataFromArgs(type, args, { zone: ZONE })).toBe(rdata);
  });

  it('has an argument case for every type of the DSL and for R53_ALIAS', () => {
    const covered = new Set(ARG_CASES.map(([t]) => t));
    for (const t of [...RECORD_TYPES, 'R53_ALIAS']) expect(covered, t).toContain(t);
    expect(new Set(knownTypeNames())).toEqual(new Set([...RECORD_TYPES, 'R53_ALIAS']));
  });
});

describe('format → tokenize → parse → format is the identity', () => {
  it.each(all.map(([t, r]) => [t, r.slice(0, 70), r] as const))('%s %s', (type, _l, rdata) => {
    expect(canonicalRdata(type, rdata, 'elsewhere.example')).toBe(rdata);
    // The fast path and the data path agree.
    const m = getRecordType(type);
    expect(m).toBeDefined();
    if (m?.canonical) expect(m.canonical(tokenizeRdata(rdata), '.')).toBe(m.format(m.fromTokens(tokenizeRdata(rdata), '.')));
  });
});

describe('toWire → fromWire → format is the identity', () => {
  const wired = all.filter(([t, r]) => !PSEUDO.has(t) && !r.includes('ech=IGNORE'));
  it.each(wired.map(([t, r]) => [t, r.slice(0, 70), r] as const))('%s %s', (type, _l, rdata) => {
    const wire = rdataToWire(type, rdata);
    const code = typeCode(type) as number;
    expect(rdataFromWire(code, wire, 0, wire.length)).toEqual({ type: getRecordType(type)?.type, rdata });
    // The same bytes inside a larger buffer, at an offset.
    const padded = new Uint8Array(wire.length + 7);
    padded.set(wire, 5);
    expect(rdataFromWire(code, padded, 5, wire.length).rdata).toBe(rdata);
    // RFC 3597's \# form of the bytes is accepted for the known type and gives the same text.
    expect(canonicalRdata(type, formatGeneric(wire), '.')).toBe(rdata);
  });
});

describe('zone-file text parses back to the same rdata', () => {
  it.each(all.map(([t, r]) => [t, r.slice(0, 70), r] as const))('%s %s', (type, _l, rdata) => {
    const zf = zoneFileRdata({ type, rdata });
    expect(canonicalRdata(type, zf, '.')).toBe(rdata);
  });
});

describe('non-canonical input', () => {
  it.each(NORMALISE.map(([t, i, o, c]) => [t, i.slice(0, 60), i, o, c] as const))('%s %s', (type, _l, input, origin, canonical) => {
    expect(canonicalRdata(type, input, origin)).toBe(canonical);
    const m = getRecordType(type);
    if (m) expect(m.format(m.fromTokens(tokenizeRdata(input), origin))).toBe(canonical);
  });
});

describe('long and Unicode TXT', () => {
  const rdata = rdataFromArgs('TXT', [LONG_TXT], { zone: ZONE });

  it('keeps 2,000 bytes with quotes, backslashes and semicolons exactly', () => {
    const data = getRecordType('TXT')?.fromTokens(tokenizeRdata(rdata), '.') as { bytes: Uint8Array; text: string };
    expect(data.bytes.length).toBe(2000);
    expect(data.text).toBe(LONG_TXT);
  });

  it('splits into ≤255-octet character-strings on the wire and in zone files, never inside a UTF-8 sequence', () => {
    const wire = rdataToWire('TXT', rdata);
    const pieces: Buffer[] = [];
    for (let i = 0; i < wire.length; ) {
      const len = wire[i] as number;
      pieces.push(Buffer.from(wire.subarray(i + 1, i + 1 + len)));
      i += 1 + len;
    }
    expect(pieces.length).toBeGreaterThanOrEqual(8);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(255);
      expect(p.toString('utf8')).not.toContain('\ufffd');
    }
    expect(Buffer.concat(pieces).toString('utf8')).toBe(LONG_TXT);
    const zf = zoneFileRdata({ type: 'TXT', rdata });
    expect(tokenizeRdata(zf).length).toBe(pieces.length);
  });

  it('splits inside a sequence only when it must (invalid UTF-8 stays exact)', () => {
    const bytes = '\\255'.repeat(300);
    const r = canonicalRdata('TXT', `"${bytes}"`, '.');
    expect(r).toBe(`"${bytes}"`);
    const wire = rdataToWire('TXT', r);
    expect(wire[0]).toBe(255);
    expect(rdataFromWire(16, wire, 0, wire.length).rdata).toBe(r);
  });

  it('keeps emoji (surrogate pairs) and drops nothing from a lone surrogate but replaces it', () => {
    expect(rdataFromArgs('TXT', ['😀'], { zone: ZONE })).toBe('"😀"');
    expect(canonicalRdata('TXT', '"x😀y"', '.')).toBe('"x😀y"');
    expect(rdataFromArgs('TXT', ['a\ud800b'], { zone: ZONE })).toBe('"a\ufffdb"');
  });
});
