import { defineType } from '../define.js';
import { expectCount } from '../fields.js';
import { formatIpv4, parseIpv4 } from '../ip.js';
import { NO_ISSUES, RdataError } from '../types.js';

/** A data: the address as a canonical dotted quad. */
export interface AData {
  readonly address: string;
}

function address(text: string): string {
  if (parseIpv4(text) < 0) throw new RdataError('invalid-ipv4', `"${text}" is not an IPv4 address (a dotted quad without leading zeros)`);
  return text; // a strictly parsed dotted quad is already canonical
}

/** A: an IPv4 address (RFC 1035). The DSL may also pass the address as a 32-bit number. */
export const A = defineType<AData>({
  type: 'A',
  code: 1,
  fromArgs(args) {
    expectCount(args, 1, 'A', 'arguments');
    const v = args[0];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return { address: formatIpv4(v) };
    if (typeof v !== 'string') throw new RdataError('invalid-ipv4', `${JSON.stringify(v)} is not an IPv4 address`);
    return { address: address(v.trim()) };
  },
  fromTokens(tokens) {
    expectCount(tokens, 1, 'A');
    return { address: address((tokens[0] as { text: string }).text) };
  },
  canonical(tokens) {
    if (tokens.length !== 1) expectCount(tokens, 1, 'A');
    return address((tokens[0] as { text: string }).text);
  },
  format: (d) => d.address,
  check: () => NO_ISSUES,
  target: (d) => d.address,
  dependsOn: () => [],
  toWire(d, w) {
    w.u32(parseIpv4(d.address));
  },
  fromWire: (r) => ({ address: formatIpv4(r.u32()) }),
});
