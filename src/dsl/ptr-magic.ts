import { DslError } from './errors.js';
import { parseIPv4, parseIPv6 } from './ip.js';
import { reverseName } from './reverse.js';

// RFC 2317 (`128/25.2.0.192.in-addr.arpa`) and RFC 4183 (`128-25.2.0.192.in-addr.arpa`) zone names.
const CLASSLESS_ZONE = /^(\d{1,3})[/-](\d{1,2})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/;
const FULL_V4_ARPA = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/;

/** Whether an IPv4 address lies in a classless reverse zone such as `128/25.2.0.192.in-addr.arpa`. */
function inClasslessZone(octets: readonly number[], zone: string): boolean {
  const m = CLASSLESS_ZONE.exec(zone);
  if (!m) return false;
  const first = Number(m[1]);
  const bits = Number(m[2]);
  if (bits < 24 || bits > 32) return false;
  if (octets[0] !== Number(m[5]) || octets[1] !== Number(m[4]) || octets[2] !== Number(m[3])) return false;
  const hostBits = 32 - bits;
  return ((octets[3] as number) >> hostBits) << hostBits === first;
}

function wrongDomain(name: string, zone: string): DslError {
  return new DslError('dsl-ptr-wrong-zone', `PTR(${JSON.stringify(name)}): the name is not in the reverse zone ${zone}`);
}

function fromIPv4(original: string, octets: readonly number[], zone: string): string {
  const rev = reverseName(octets.join('.'), 'rfc2317');
  if (rev.endsWith(`.${zone}`)) return rev.slice(0, -zone.length - 1);
  if (inClasslessZone(octets, zone)) return String(octets[3]);
  throw wrongDomain(original, zone);
}

/**
 * DNSControl's PTR name magic (pkg/transform/ptr.go): in an in-addr.arpa or ip6.arpa zone, a PTR
 * label written as a full IP address (`"192.0.2.10"`) or as a reverse name (`REV("192.0.2.10")`,
 * with or without the trailing dot) becomes the label relative to the zone. Other labels and
 * other zones are left alone.
 */
export function ptrLabel(label: string, zone: string): string {
  const isV4Zone = zone.endsWith('.in-addr.arpa');
  const isV6Zone = zone.endsWith('.ip6.arpa');
  if (!isV4Zone && !isV6Zone) return label;
  const lower = label.toLowerCase();
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (isV4Zone) {
    const v4 = parseIPv4(label);
    if (v4) return fromIPv4(label, v4, zone);
    const arpa = FULL_V4_ARPA.exec(bare);
    if (arpa) {
      const octets = [arpa[4], arpa[3], arpa[2], arpa[1]].map(Number);
      if (octets.every((o) => o <= 255)) return fromIPv4(label, octets, zone);
    }
  } else {
    const v6 = label.includes(':') ? parseIPv6(label) : undefined;
    if (v6) {
      const hex = v6.map((b) => b.toString(16).padStart(2, '0')).join('');
      const rev = reverseName(hex.match(/.{4}/g)!.join(':'), 'rfc2317');
      if (rev.endsWith(`.${zone}`)) return rev.slice(0, -zone.length - 1);
      throw wrongDomain(label, zone);
    }
  }
  if (bare.endsWith('.in-addr.arpa') || bare.endsWith('.ip6.arpa')) {
    if (bare === zone) return '@';
    if (bare.endsWith(`.${zone}`)) return bare.slice(0, -zone.length - 1);
    throw wrongDomain(label, zone);
  }
  return label;
}
