import { defineType } from '../define.js';
import { expectCount } from '../fields.js';
import { formatIpv6, ipv6Bytes, ipv6Words, parseIpv6 } from '../ip.js';
import { NO_ISSUES, RdataError } from '../types.js';

/** AAAA data: the address in RFC 5952 form. */
export interface AaaaData {
  readonly address: string;
}

const scratch = new Uint16Array(8);

function address(text: string): string {
  if (!parseIpv6(text, scratch)) throw new RdataError('invalid-ipv6', `"${text}" is not an IPv6 address`);
  return formatIpv6(scratch);
}

/** AAAA: an IPv6 address (RFC 3596), printed per RFC 5952. */
export const AAAA = defineType<AaaaData>({
  type: 'AAAA',
  code: 28,
  fromArgs(args) {
    expectCount(args, 1, 'AAAA', 'arguments');
    const v = args[0];
    if (typeof v !== 'string') throw new RdataError('invalid-ipv6', `${JSON.stringify(v)} is not an IPv6 address`);
    return { address: address(v.trim()) };
  },
  fromTokens(tokens) {
    expectCount(tokens, 1, 'AAAA');
    return { address: address((tokens[0] as { text: string }).text) };
  },
  canonical(tokens) {
    if (tokens.length !== 1) expectCount(tokens, 1, 'AAAA');
    return address((tokens[0] as { text: string }).text);
  },
  format: (d) => d.address,
  check: () => NO_ISSUES,
  target: (d) => d.address,
  dependsOn: () => [],
  toWire(d, w) {
    const words = new Uint16Array(8);
    if (!parseIpv6(d.address, words)) throw new RdataError('invalid-ipv6', `"${d.address}" is not an IPv6 address`);
    w.bytes(ipv6Bytes(words));
  },
  fromWire: (r) => ({ address: formatIpv6(ipv6Words(r.bytes(16))) }),
});
