import { defineType } from '../define.js';
import { argString, argUint, base64ToBytes, bytesToBase64, expectAtLeast, expectCount, issue, joinTokens, rangeIssue, stripSpaces, tokUint } from '../fields.js';
import type { RdataIssue } from '../types.js';

/** DNSKEY data. */
export interface DnskeyData {
  readonly flags: number;
  readonly protocol: number;
  readonly algorithm: number;
  /** Base64 without spaces. */
  readonly publicKey: string;
}

/** Flag bits with a meaning: ZONE (256), REVOKE (128, RFC 5011), SEP (1). */
const KNOWN_FLAGS = 0x0100 | 0x0080 | 0x0001;

function key(text: string): string {
  return bytesToBase64(base64ToBytes(text, 'DNSKEY public key'));
}

/** DNSKEY: a DNSSEC public key (RFC 4034). */
export const DNSKEY = defineType<DnskeyData>({
  type: 'DNSKEY',
  code: 48,
  fromArgs(args) {
    expectCount(args, 4, 'DNSKEY', 'arguments');
    return {
      flags: argUint(args[0], 'DNSKEY flags'),
      protocol: argUint(args[1], 'DNSKEY protocol'),
      algorithm: argUint(args[2], 'DNSKEY algorithm'),
      publicKey: key(stripSpaces(argString(args[3], 'DNSKEY public key'))),
    };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 4, 'DNSKEY');
    return {
      flags: tokUint(tokens[0], 'DNSKEY flags'),
      protocol: tokUint(tokens[1], 'DNSKEY protocol'),
      algorithm: tokUint(tokens[2], 'DNSKEY algorithm'),
      publicKey: key(joinTokens(tokens, 3)),
    };
  },
  format: (d) => `${d.flags} ${d.protocol} ${d.algorithm} ${d.publicKey}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'dnskey-flags-range', 'DNSKEY flags', d.flags, 0xffff);
    rangeIssue(out, 'dnskey-algorithm-range', 'DNSKEY algorithm', d.algorithm, 255);
    if (d.protocol !== 3) out.push(issue('dnskey-protocol', 'error', `the DNSKEY protocol must be 3, got ${d.protocol}`));
    if (d.flags <= 0xffff && (d.flags & ~KNOWN_FLAGS) !== 0) {
      out.push(issue('dnskey-flags-reserved', 'warning', `DNSKEY flags ${d.flags} set bits other than ZONE (256), REVOKE (128) and SEP (1)`));
    }
    return out;
  },
  target: (d) => d.publicKey,
  dependsOn: () => [],
  toWire(d, w) {
    w.u16(d.flags);
    w.u8(d.protocol);
    w.u8(d.algorithm);
    w.bytes(base64ToBytes(d.publicKey, 'DNSKEY public key'));
  },
  fromWire: (r, end) => ({ flags: r.u16(), protocol: r.u8(), algorithm: r.u8(), publicKey: bytesToBase64(r.bytes(end - r.offset)) }),
});
