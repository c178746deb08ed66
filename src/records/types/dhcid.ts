import { defineType } from '../define.js';
import { argString, base64ToBytes, bytesToBase64, expectAtLeast, expectCount, issue, joinTokens, stripSpaces } from '../fields.js';
import type { RdataIssue } from '../types.js';

/** DHCID data. */
export interface DhcidData {
  /** Base64 without spaces. */
  readonly data: string;
}

function canonical(text: string): string {
  return bytesToBase64(base64ToBytes(text, 'DHCID data'));
}

/** DHCID: DHCP client identity (RFC 4701), opaque base64. */
export const DHCID = defineType<DhcidData>({
  type: 'DHCID',
  code: 49,
  fromArgs(args) {
    expectCount(args, 1, 'DHCID', 'arguments');
    return { data: canonical(stripSpaces(argString(args[0], 'DHCID data'))) };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 1, 'DHCID');
    return { data: canonical(joinTokens(tokens, 0)) };
  },
  format: (d) => d.data,
  check(d) {
    const out: RdataIssue[] = [];
    // Identifier type (2 octets) + digest type (1) + a digest: anything shorter is not a DHCID.
    if (base64ToBytes(d.data, 'DHCID data').length < 4) out.push(issue('dhcid-too-short', 'error', 'DHCID data must hold an identifier type, a digest type and a digest (at least 4 octets)'));
    return out;
  },
  target: (d) => d.data,
  dependsOn: () => [],
  toWire: (d, w) => w.bytes(base64ToBytes(d.data, 'DHCID data')),
  fromWire: (r, end) => ({ data: bytesToBase64(r.bytes(end - r.offset)) }),
});
