import { DslError, show } from './errors.js';
import { ipv4ToNumber, parseIPv4, parseIPv6 } from './ip.js';
import { registerCallable } from './modifier.js';
import { type RevMode, state } from './state.js';

/** `IP("1.2.3.4")`: the IPv4 address as a number; A() accepts numbers, so `IP("10.0.0.0") + 5` works. */
export const IP = registerCallable('IP', function IP(address: string): number {
  const octets = typeof address === 'string' ? parseIPv4(address) : undefined;
  if (!octets) throw new DslError('dsl-bad-argument', `IP: ${show(address)} is not an IPv4 address`);
  return ipv4ToNumber(octets);
});

/** Chooses how REV() names classless IPv4 blocks: "rfc2317" (`0/25.2.0.192.in-addr.arpa`, the default) or "rfc4183" (`0-25.2.0.192...`). */
export const REVCOMPAT = registerCallable('REVCOMPAT', function REVCOMPAT(mode: 'rfc2317' | 'rfc4183'): void {
  if (mode !== 'rfc2317' && mode !== 'rfc4183') {
    throw new DslError('dsl-bad-argument', `REVCOMPAT: the mode must be "rfc2317" or "rfc4183", not ${show(mode)}`);
  }
  state.revMode = mode;
});

function revError(cidr: string, why: string): DslError {
  return new DslError('dsl-bad-argument', `REV(${JSON.stringify(cidr)}): ${why}`);
}

function reverseIPv4(cidr: string, octets: number[], bits: number, mode: RevMode, hadMask: boolean): string {
  if (bits < 8) throw revError(cidr, 'a mask of fewer than 8 bits is not reasonable');
  const masked = octets.map((o, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return o & (0xff << (8 - keep)) & 0xff;
  });
  if (hadMask && mode === 'rfc2317' && masked.some((o, i) => o !== octets[i])) {
    throw revError(cidr, 'the address has bits set beyond the mask');
  }
  const [x, y, z, w] = masked as [number, number, number, number];
  if (bits === 8) return `${x}.in-addr.arpa`;
  if (bits === 16) return `${y}.${x}.in-addr.arpa`;
  if (bits === 24) return `${z}.${y}.${x}.in-addr.arpa`;
  if (bits === 32) return `${w}.${z}.${y}.${x}.in-addr.arpa`;
  if (bits > 24) return mode === 'rfc2317' ? `${w}/${bits}.${z}.${y}.${x}.in-addr.arpa` : `${w}-${bits}.${z}.${y}.${x}.in-addr.arpa`;
  if (bits > 16) return `${z}-${bits}.${y}.${x}.in-addr.arpa`;
  return `${y}-${bits}.${x}.in-addr.arpa`;
}

function reverseIPv6(cidr: string, bytes: number[], bits: number): string {
  if (bits < 8) throw revError(cidr, 'a mask of fewer than 8 bits is not reasonable');
  if (bits % 4 !== 0) throw revError(cidr, 'an IPv6 mask must be a multiple of 4 bits');
  const nibbles: string[] = [];
  for (const b of bytes) nibbles.push((b >> 4).toString(16), (b & 0xf).toString(16));
  return `${nibbles.slice(0, bits / 4).reverse().join('.')}.ip6.arpa`;
}

/** The reverse-DNS name (no trailing dot) for an address or CIDR block in the given mode. */
export function reverseName(cidr: string, mode: RevMode): string {
  const slash = cidr.indexOf('/');
  const addr = slash < 0 ? cidr : cidr.slice(0, slash);
  const maskText = slash < 0 ? undefined : cidr.slice(slash + 1);
  if (maskText !== undefined && !/^\d{1,3}$/.test(maskText)) throw revError(cidr, 'not a CIDR block');
  const v4 = parseIPv4(addr);
  if (v4) {
    const bits = maskText === undefined ? 32 : Number(maskText);
    if (bits > 32) throw revError(cidr, 'an IPv4 mask is at most 32 bits');
    return reverseIPv4(cidr, v4, bits, mode, maskText !== undefined);
  }
  const v6 = parseIPv6(addr);
  if (v6) {
    const bits = maskText === undefined ? 128 : Number(maskText);
    if (bits > 128) throw revError(cidr, 'an IPv6 mask is at most 128 bits');
    return reverseIPv6(cidr, v6, bits);
  }
  throw revError(cidr, 'not an IP address or CIDR block');
}

/** `REV("192.0.2.0/24")` = `2.0.192.in-addr.arpa`: the reverse zone (or PTR name) of a block or address. */
export const REV = registerCallable('REV', function REV(cidr: string): string {
  if (typeof cidr !== 'string') throw new DslError('dsl-bad-argument', `REV: the argument must be a string, not ${show(cidr)}`);
  return reverseName(cidr, state.revMode);
});
