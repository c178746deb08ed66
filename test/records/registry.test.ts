import { describe, expect, it } from 'vitest';
import {
  canonicalFromTokens,
  canonicalRdata,
  canonicalTypeName,
  comparableRdata,
  dataFromRdataWire,
  getRecordType,
  parseRdata,
  rdataFromArgs,
  rdataFromWire,
  rdataToWire,
  recordDependencies,
  recordTarget,
  requireRecordType,
  typeCode,
  typeName,
  zoneFileRdata,
} from '../../src/records/registry.js';
import { RdataError } from '../../src/records/types.js';

function code(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof RdataError ? e.code : String(e);
  }
}

describe('type names and numbers', () => {
  it('maps names and IANA numbers both ways', () => {
    expect(typeCode('A')).toBe(1);
    expect(typeCode('mx')).toBe(15);
    expect(typeCode('HTTPS')).toBe(65);
    expect(typeCode('CAA')).toBe(257);
    expect(typeCode('ALIAS')).toBeUndefined();
    expect(typeCode('R53_ALIAS')).toBeUndefined();
    expect(typeCode('NOPE')).toBeUndefined();
    expect(typeCode('TYPE65280')).toBe(65280);
    expect(typeName(28)).toBe('AAAA');
    expect(typeName(64)).toBe('SVCB');
    expect(typeName(65280)).toBe('TYPE65280');
    expect(canonicalTypeName('type15')).toBe('MX');
    expect(canonicalTypeName('TYPE99')).toBe('TYPE99');
  });

  it('knows TYPEnnn only from 1 to 65535', () => {
    expect(getRecordType('TYPE0')).toBeUndefined();
    expect(getRecordType('TYPE65536')).toBeUndefined();
    expect(getRecordType('TYPE1')).toBe(getRecordType('A'));
    expect(getRecordType('TYPE65280')).toBe(getRecordType('TYPE65280'));
    expect(code(() => requireRecordType('SPF'))).toBe('unknown-record-type');
  });
});

describe('conveniences over canonical rdata', () => {
  it('compares SOA without its serial', () => {
    const a = { type: 'SOA', rdata: 'ns. h. 1 2 3 4 5' };
    const b = { type: 'SOA', rdata: 'ns. h. 99 2 3 4 5' };
    expect(comparableRdata(a)).toBe(comparableRdata(b));
    expect(comparableRdata({ type: 'SOA', rdata: 'ns. h. 1 2 3 4 6' })).not.toBe(comparableRdata(a));
    expect(comparableRdata({ type: 'MX', rdata: '10 mx.' })).toBe('10 mx.');
  });

  it('gives targets and dependencies', () => {
    expect(recordTarget({ type: 'CNAME', rdata: 'www.example.com.' })).toBe('www.example.com.');
    expect(recordTarget({ type: 'TXT', rdata: '"caf\\195\\169"' })).toBe('café');
    expect(recordTarget({ type: 'MX', rdata: '10 mx.example.com.' })).toBe('mx.example.com.');
    expect(recordTarget({ type: 'CAA', rdata: '0 issue "ca.example"' })).toBe('ca.example');
    expect(recordTarget({ type: 'A', rdata: '192.0.2.1' })).toBe('192.0.2.1');
    expect(recordTarget({ type: 'NAPTR', rdata: '1 1 "U" "E2U+sip" "!x!y!" .' })).toBe('!x!y!');
    expect(recordDependencies({ type: 'MX', rdata: '10 mx.example.com.' })).toEqual(['mx.example.com.']);
    expect(recordDependencies({ type: 'MX', rdata: '0 .' })).toEqual([]);
    expect(recordDependencies({ type: 'SRV', rdata: '1 1 1 sip.example.com.' })).toEqual(['sip.example.com.']);
    expect(recordDependencies({ type: 'ALIAS', rdata: 'lb.example.net.' })).toEqual(['lb.example.net.']);
    expect(recordDependencies({ type: 'HTTPS', rdata: '1 svc.example.net. port=8443' })).toEqual(['svc.example.net.']);
    expect(recordDependencies({ type: 'NAPTR', rdata: '1 1 "S" "SIP+D2U" "" _sip._udp.example.com.' })).toEqual(['_sip._udp.example.com.']);
    expect(recordDependencies({ type: 'R53_ALIAS', rdata: 'A elb.example.net.' })).toEqual(['elb.example.net.']);
    expect(recordDependencies({ type: 'TXT', rdata: '"x"' })).toEqual([]);
  });

  it('writes zone-file text only differently where it must', () => {
    expect(zoneFileRdata({ type: 'MX', rdata: '10 mx.' })).toBe('10 mx.');
    expect(zoneFileRdata({ type: 'TXT', rdata: '"short"' })).toBe('"short"');
    const long = `"${'x'.repeat(300)}"`;
    expect(zoneFileRdata({ type: 'TXT', rdata: long })).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });

  it('parses to typed data', () => {
    const mx = parseRdata('MX', '10 mx.example.com.');
    expect(mx.preference).toBe(10);
    expect(mx.exchange).toBe('mx.example.com.');
    expect(parseRdata('TXT', '"a" "b"').text).toBe('ab');
    expect(parseRdata('CAA', '0 issue "x"').value).toBe('x');
    expect(parseRdata('SVCB', '1 . port=53').params).toEqual([{ key: 3, value: Uint8Array.from([0, 53]) }]);
    expect(parseRdata('CNAME', 'www', 'example.com').target).toBe('www.example.com.');
    expect(dataFromRdataWire(1, Uint8Array.from([10, 0, 0, 1]))).toEqual({ address: '10.0.0.1' });
  });

  it('takes tokens directly (the zone-file reader\'s entry point)', () => {
    expect(canonicalFromTokens('MX', [{ text: '10', quoted: false }, { text: 'Mail', quoted: false }], 'example.com')).toBe('10 mail.example.com.');
    expect(canonicalFromTokens('SRV', [{ text: '1', quoted: false }, { text: '2', quoted: false }, { text: '3', quoted: false }, { text: 'x', quoted: false }], 'e.')).toBe('1 2 3 x.e.');
  });
});

describe('wire errors', () => {
  it('refuses pseudo types on the wire and in the \\# form', () => {
    expect(code(() => rdataToWire('ALIAS', 'x.'))).toBe('pseudo-type-no-wire');
    expect(code(() => rdataToWire('R53_ALIAS', 'A x.'))).toBe('pseudo-type-no-wire');
    expect(code(() => getRecordType('ALIAS')?.fromWire({} as never, 0))).toBe('pseudo-type-no-wire');
    expect(code(() => getRecordType('R53_ALIAS')?.fromWire({} as never, 0))).toBe('pseudo-type-no-wire');
    expect(code(() => canonicalRdata('ALIAS', '\\# 1 00', '.'))).toBe('pseudo-type-no-wire');
  });

  it('checks the \\# form', () => {
    expect(code(() => canonicalRdata('A', '\\# 5 0a000001', '.'))).toBe('generic-rdata-length');
    expect(code(() => canonicalRdata('A', '\\# x 0a000001', '.'))).toBe('invalid-generic-rdata');
    expect(code(() => canonicalRdata('A', '\\#', '.'))).toBe('invalid-generic-rdata');
    expect(code(() => canonicalRdata('A', '\\# 4 0a00000g', '.'))).toBe('invalid-hex');
    expect(code(() => canonicalRdata('A', '\\# 5 0a00000102', '.'))).toBe('wire-trailing-data');
    expect(code(() => canonicalRdata('A', '\\# 3 0a0000', '.'))).toBe('wire-truncated');
    // A quoted "\#" is not the generic form.
    expect(code(() => canonicalRdata('A', '"\\#" 4 0a000001', '.'))).toBe('too-many-fields');
  });

  it('checks rdata bounds when reading from a message', () => {
    const buf = Uint8Array.from([10, 0, 0, 1, 2]);
    expect(code(() => rdataFromWire(1, buf, 0, 5))).toBe('wire-trailing-data');
    expect(code(() => rdataFromWire(1, buf, 2, 4))).toBe('wire-truncated');
    expect(code(() => rdataFromWire(1, buf, 0, 3))).toBe('wire-truncated');
    expect(code(() => rdataFromWire(16, Uint8Array.from([5, 97]), 0, 2))).toBe('wire-truncated');
    expect(code(() => rdataFromWire(257, Uint8Array.from([0, 0]), 0, 2))).toBe('caa-tag-invalid');
    expect(code(() => rdataFromWire(257, Uint8Array.from([0, 5, 97]), 0, 3))).toBe('wire-truncated');
    expect(rdataFromWire(65280, Uint8Array.from([1, 2]), 0, 2)).toEqual({ type: 'TYPE65280', rdata: '\\# 2 0102' });
  });

  it('refuses rdata over 65535 octets', () => {
    const rdata = rdataFromArgs('TXT', ['x'.repeat(65400)], { zone: 'example.com' });
    expect(code(() => rdataToWire('TXT', rdata))).toBe('rdata-too-long');
  });

  it('refuses values that do not fit their wire fields', () => {
    expect(code(() => rdataToWire('MX', '65536 mx.'))).toBe('number-range');
  });
});

describe('token errors', () => {
  it.each([
    ['A', '1.2.3.4 5.6.7.8', 'too-many-fields'],
    ['A', '', 'missing-field'],
    ['CNAME', 'a. b.', 'too-many-fields'],
    ['MX', '10', 'missing-field'],
    ['MX', 'x mx.', 'invalid-number'],
    ['MX', '4294967296 mx.', 'invalid-number'],
    ['SOA', 'a. b. 1 2 3 4 5 6', 'too-many-fields'],
    ['SOA', 'a. b. 1 2x 3 4 5', 'invalid-number'],
    ['SOA', 'a. b. 1 99999999999 3 4 5', 'invalid-number'],
    ['SOA', 'a. b. 1 9999999w 3 4 5', 'invalid-number'],
    ['TXT', '"abc', 'unterminated-quote'],
    ['TXT', '', 'missing-field'],
    ['CAA', '0 issue', 'missing-field'],
    ['TYPE65280', '0a000001', 'unknown-type-needs-generic'],
    ['R53_ALIAS', 'MX2 x.', 'r53-alias-type'],
    ['SVCB', '1', 'missing-field'],
    ['NAPTR', `1 1 "U" "x" "${'r'.repeat(256)}" .`, 'string-too-long'],
  ])('%s %j → %s', (type, rdata, want) => {
    expect(code(() => canonicalRdata(type, rdata, '.'))).toBe(want);
  });
});
