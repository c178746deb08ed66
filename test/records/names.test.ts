import { describe, expect, it } from 'vitest';
import { canonicalName, nameToWire, nameWireLength, originFqdn, ownerName, targetFromArg } from '../../src/records/names.js';
import { RdataError } from '../../src/records/types.js';

function code(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof RdataError ? e.code : String(e);
  }
}

describe('canonicalName', () => {
  it.each([
    ['www.Example.COM.', 'x', 'www.example.com.'],
    ['www', 'example.com', 'www.example.com.'],
    ['www', 'Example.com.', 'www.example.com.'],
    ['@', 'example.com', 'example.com.'],
    ['@', '.', '.'],
    ['.', 'example.com', '.'],
    ['host', '', 'host.'],
    ['*.wild', 'example.com', '*.wild.example.com.'],
    ['_sip._tcp', 'example.com', '_sip._tcp.example.com.'],
    ['a\\.b', 'example.com', 'a\\.b.example.com.'],
    ['a\\046b.', '.', 'a\\.b.'],
    ['\\065\\066\\067.', '.', 'abc.'],
    ['A\\ B.', '.', 'a\\032b.'],
    ['x\\"y.', '.', 'x\\"y.'],
    ['x\\@y\\$z.', '.', 'x\\@y\\$z.'],
    ['\\255\\000.', '.', '\\255\\000.'],
    ['Bücher.de.', '.', 'xn--bcher-kva.de.'],
    ['ÉCOLE', 'example.fr', 'xn--cole-9oa.example.fr.'],
    ['😀.example.', '.', 'xn--e28h.example.'],
  ])('%s under %s → %s', (text, origin, want) => {
    expect(canonicalName(text, origin)).toBe(want);
  });

  it('checks label and name lengths in octets, escapes counted once', () => {
    const l63 = 'a'.repeat(63);
    expect(canonicalName(`${l63}.`, '.')).toBe(`${l63}.`);
    expect(code(() => canonicalName(`${'a'.repeat(64)}.`, '.'))).toBe('label-too-long');
    expect(code(() => canonicalName('a'.repeat(64), 'example.'))).toBe('label-too-long');
    expect(code(() => canonicalName(`${'\\065'.repeat(64)}.`, '.'))).toBe('label-too-long');
    expect(canonicalName(`${'\\065'.repeat(63)}.`, '.')).toBe(`${'a'.repeat(63)}.`);
    const n253 = `${[l63, l63, l63, 'a'.repeat(61)].join('.')}.`; // 254 chars, 255 octets on the wire
    expect(canonicalName(n253, '.')).toBe(n253);
    expect(nameWireLength(n253)).toBe(255);
    expect(code(() => canonicalName(`a.${n253}`, '.'))).toBe('name-too-long');
    expect(code(() => canonicalName('b', n253))).toBe('name-too-long');
    expect(code(() => canonicalName('\\066', n253))).toBe('name-too-long');
  });

  it('rejects empty labels, empty names, bad escapes and bad IDN', () => {
    expect(code(() => canonicalName('a..b.', '.'))).toBe('empty-label');
    expect(code(() => canonicalName('.a.', '.'))).toBe('empty-label');
    expect(code(() => canonicalName('a\\..', '.'))).toBe('no error');
    expect(code(() => canonicalName('', '.'))).toBe('empty-name');
    expect(code(() => canonicalName('a\\256.', '.'))).toBe('invalid-escape');
    expect(code(() => canonicalName('a\\12', '.'))).toBe('invalid-escape');
    expect(code(() => canonicalName('a\\', '.'))).toBe('invalid-escape');
    expect(code(() => canonicalName('a\u00ad\u0000é.', '.'))).toBe('invalid-idn');
  });

  it('makes the origin absolute and lower-case', () => {
    expect(originFqdn('Example.COM')).toBe('example.com.');
    expect(originFqdn('')).toBe('.');
    expect(originFqdn('.')).toBe('.');
  });
});

describe('targetFromArg (DNSControl\'s rule)', () => {
  it('resolves @, relative names and absolute names', () => {
    expect(targetFromArg('@', 'example.com')).toBe('example.com.');
    expect(targetFromArg('mail', 'example.com')).toBe('mail.example.com.');
    expect(targetFromArg('Mail.Example.NET.', 'example.com')).toBe('mail.example.net.');
    expect(targetFromArg('.', 'example.com')).toBe('.');
  });

  it('insists that a target with a dot ends with one', () => {
    expect(code(() => targetFromArg('mail.example.net', 'example.com'))).toBe('target-needs-trailing-dot');
    expect(code(() => targetFromArg(42, 'example.com'))).toBe('target-not-string');
    expect(code(() => targetFromArg('', 'example.com'))).toBe('empty-name');
  });
});

describe('owner names and wire form', () => {
  it('gives DnsRecord names without the trailing dot', () => {
    expect(ownerName('@', 'Example.com')).toBe('example.com');
    expect(ownerName('WWW', 'example.com')).toBe('www.example.com');
    expect(ownerName('x.other.org.', 'example.com')).toBe('x.other.org');
  });

  it('writes names uncompressed with escapes decoded', () => {
    expect(Buffer.from(nameToWire('www.example.com.')).toString('hex')).toBe('03777777076578616d706c6503636f6d00');
    expect(Buffer.from(nameToWire('www.example.com')).toString('hex')).toBe('03777777076578616d706c6503636f6d00');
    expect(Buffer.from(nameToWire('.')).toString('hex')).toBe('00');
    expect(Buffer.from(nameToWire('a\\.b.c.')).toString('hex')).toBe('03612e620163' + '00');
    expect(Buffer.from(nameToWire('\\000\\255.')).toString('hex')).toBe('0200ff00');
    expect(code(() => nameToWire(`${'a'.repeat(64)}.`))).toBe('label-too-long');
    expect(code(() => nameToWire('a..b.'))).toBe('empty-label');
    expect(code(() => nameToWire(`${'abcdefg.'.repeat(32)}`))).toBe('name-too-long');
    expect(code(() => nameToWire(`${'\\097bcdefg.'.repeat(32)}`))).toBe('name-too-long');
  });
});
