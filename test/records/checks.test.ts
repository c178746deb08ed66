import { describe, expect, it } from 'vitest';
import { checkRdata, rdataFromArgs } from '../../src/records/registry.js';
import { RdataError } from '../../src/records/types.js';

/** Every type's `check`: ranges and semantic rules, with their stable codes. */

const codes = (type: string, rdata: string): string[] => checkRdata(type, rdata).map((i) => i.code);
const HEX = (octets: number): string => 'ab'.repeat(octets);

describe('checks', () => {
  it.each([
    ['MX', '65536 mx.example.', ['mx-preference-range']],
    ['MX', '10 .', ['mx-null-preference']],
    ['MX', '0 .', []],
    ['SRV', '65536 65536 65536 t.', ['srv-priority-range', 'srv-weight-range', 'srv-port-range']],
    ['CAA', '256 issue "x"', ['caa-flag-range']],
    ['CAA', '1 issue "x"', ['caa-flag-reserved']],
    ['CAA', '0 policy "x"', ['caa-tag-unknown']],
    ['CAA', '128 issuevmc "x"', []],
    ['SOA', 'a. b. 1 0 0 0 0', ['soa-timer-zero', 'soa-timer-zero', 'soa-timer-zero', 'soa-timer-zero']],
    ['SOA', 'a. b. 0 1 1 1 1', []],
    ['TLSA', `4 2 3 ${HEX(3)}`, ['tlsa-usage-range', 'tlsa-selector-range', 'tlsa-matching-type-range']],
    ['TLSA', `3 1 1 ${HEX(31)}`, ['tlsa-data-length']],
    ['TLSA', `3 1 2 ${HEX(64)}`, []],
    ['TLSA', `3 1 0 ${HEX(500)}`, []],
    ['SMIMEA', `9 9 9 ${HEX(3)}`, ['smimea-usage-range', 'smimea-selector-range', 'smimea-matching-type-range']],
    ['SMIMEA', `3 0 2 ${HEX(32)}`, ['smimea-data-length']],
    ['SSHFP', `256 256 ${HEX(20)}`, ['sshfp-algorithm-range', 'sshfp-fptype-range']],
    ['SSHFP', `5 3 ${HEX(20)}`, ['sshfp-algorithm-unknown', 'sshfp-fptype-unknown']],
    ['SSHFP', `4 2 ${HEX(20)}`, ['sshfp-fingerprint-length']],
    ['SSHFP', `6 1 ${HEX(20)}`, []],
    ['DS', `65536 256 256 ${HEX(20)}`, ['ds-key-tag-range', 'ds-algorithm-range', 'ds-digest-type-range']],
    ['DS', `1 8 0 ${HEX(20)}`, ['ds-digest-type-reserved']],
    ['DS', `1 8 9 ${HEX(20)}`, ['ds-digest-type-unknown']],
    ['DS', `1 8 2 ${HEX(20)}`, ['ds-digest-length']],
    ['DS', `1 8 4 ${HEX(48)}`, []],
    ['DNSKEY', '65536 3 256 AwEAAQ==', ['dnskey-flags-range', 'dnskey-algorithm-range']],
    ['DNSKEY', '257 2 8 AwEAAQ==', ['dnskey-protocol']],
    ['DNSKEY', '2 3 8 AwEAAQ==', ['dnskey-flags-reserved']],
    ['DNSKEY', '385 3 8 AwEAAQ==', []],
    ['DHCID', 'AAE=', ['dhcid-too-short']],
    ['DHCID', 'AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=', []],
    ['NAPTR', '65536 65536 "U" "E2U+sip" "" .', ['naptr-order-range', 'naptr-preference-range']],
    ['NAPTR', '1 1 "U!" "E2U+sip" "!x!y!" example.', ['naptr-flags-invalid', 'naptr-regexp-and-replacement']],
    ['OPENPGPKEY', '\\# 0', ['openpgpkey-empty']],
    ['HTTPS', '70000 .', ['svcb-priority-range']],
    ['A', '1.2.3.4', []],
  ] as const)('%s %s', (type, rdata, want) => {
    expect(codes(type, rdata)).toEqual(want);
  });

  it('flags TXT data too long for the wire', () => {
    const rdata = rdataFromArgs('TXT', ['x'.repeat(65400)], { zone: 'example.com' });
    expect(codes('TXT', rdata)).toEqual(['txt-too-long']);
    expect(codes('TXT', rdataFromArgs('TXT', ['x'.repeat(65000)], { zone: 'example.com' }))).toEqual([]);
  });

  it('gives every issue a severity and a message', () => {
    for (const i of checkRdata('SSHFP', `5 3 ${HEX(20)}`)) {
      expect(i.severity).toBe('warning');
      expect(i.message.length).toBeGreaterThan(10);
    }
    expect(checkRdata('DS', `1 8 2 ${HEX(20)}`)[0]?.severity).toBe('error');
  });
});

describe('argument errors', () => {
  const err = (type: string, args: unknown[]): string => {
    try {
      rdataFromArgs(type, args, { zone: 'example.com' });
      return 'no error';
    } catch (e) {
      return e instanceof RdataError ? e.code : String(e);
    }
  };

  it.each([
    ['A', ['1.2.3'], 'invalid-ipv4'],
    ['A', [2 ** 32], 'invalid-ipv4'],
    ['A', [null], 'invalid-ipv4'],
    ['AAAA', ['1.2.3.4'], 'invalid-ipv6'],
    ['AAAA', [6], 'invalid-ipv6'],
    ['MX', [10], 'missing-field'],
    ['MX', [10, 'a', 'b'], 'too-many-fields'],
    ['MX', ['ten', 'mail'], 'invalid-number'],
    ['MX', [-1, 'mail'], 'invalid-number'],
    ['MX', [1.5, 'mail'], 'invalid-number'],
    ['MX', [undefined, 'mail'], 'missing-field'],
    ['MX', [10, 'mail.example.net'], 'target-needs-trailing-dot'],
    ['CNAME', [{}], 'target-not-string'],
    ['TXT', [], 'missing-field'],
    ['TXT', [42], 'not-a-string'],
    ['CAA', [0, {}, 'x'], 'not-a-string'],
    ['CAA', [0, 'is sue', 'x'], 'caa-tag-invalid'],
    ['SOA', ['ns1.', 'hostmaster@example.com', 0, 1, 2, 3, 4], 'soa-mbox-has-at'],
    ['SOA', ['ns1.', 'h.'], 'missing-field'],
    ['SSHFP', [1, 1, 'xyz'], 'invalid-hex'],
    ['DS', [1, 8, 2, 'abc'], 'invalid-hex'],
    ['DNSKEY', [257, 3, 8, 'not base64!'], 'invalid-base64'],
    ['DHCID', ['AAA'], 'invalid-base64'],
    ['OPENPGPKEY', ['m==='], 'invalid-base64'],
    ['NAPTR', [1, 1, 'U', 'x', 'r'.repeat(256), '.'], 'string-too-long'],
    ['R53_ALIAS', ['MAILBOX', 'x.'], 'r53-alias-type'],
    ['TYPE65280', ['1.2.3.4'], 'unknown-type-needs-generic'],
    ['BOGUS', ['x'], 'unknown-record-type'],
  ] as const)('%s %j → %s', (type, args, want) => {
    expect(err(type, [...args])).toBe(want);
  });
});
