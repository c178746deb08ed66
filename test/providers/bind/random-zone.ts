/**
 * Random zones for the property test: every record type of the DSL, odd owner names and odd TXT
 * (quotes, backslashes, semicolons, parentheses, control bytes, Unicode, 2,000 octets), built so
 * BIND accepts them (one CNAME or DNAME per name, one TTL per RRset, apex NS outside the zone,
 * DS only at delegations). Seeded, so a failure can be replayed.
 */
import { canonicalName } from '../../../providers/bind/zonefile-names.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import { escapeBytes } from '../../../src/records/text.js';
import type { DnsRecord } from '../../../src/records/types.js';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly rnd: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(0, 255));
  }
  hex(n: number): string {
    return Buffer.from(this.bytes(n)).toString('hex');
  }
  b64(n: number): string {
    return Buffer.from(this.bytes(n)).toString('base64');
  }
}

const LABELS = ['www', 'mail', 'a-b', '_srv', 'x1', 'Upper', '9', '10', 'a\\.b', 'sp\\032ace', '\\@at', 'q\\"t', 'semi\\;colon', 'd\\$', '\u00e9t\u00e9', 'deep'];
const TEXTS = ['v=spf1 -all', 'quote " inside', 'back\\slash', 'semi;colon', '(paren)', 'tab\there', 'caf\u00e9 \u2603 \u{1f600}', '', ' lead and trail ', 'new\nline'];

/** Odd TXT values as canonical rdata: text pieces, random bytes (not UTF-8), up to 2,000 octets. */
function txt(g: Gen): string {
  const kind = g.int(0, 4);
  if (kind === 0) return `"${escapeBytes(g.bytes(g.int(0, 300)))}"`;
  if (kind === 1) return `"${escapeBytes(Buffer.from('x;"\\\u00e9( '.repeat(g.int(200, 250))))}"`;
  const parts: string[] = [];
  for (let i = g.int(1, 4); i > 0; i--) parts.push(g.pick(TEXTS));
  return `"${escapeBytes(Buffer.from(parts.join(kind === 2 ? '' : ' ')))}"`;
}

function name(g: Gen, zone: string): string {
  const labels: string[] = [];
  for (let i = g.int(1, 3); i > 0; i--) labels.push(g.pick(LABELS));
  if (g.int(0, 9) === 0) labels.unshift('*');
  return canonicalName(labels.join('.'), zone);
}

function target(g: Gen, zone: string): string {
  return g.int(0, 2) === 0 ? `${name(g, zone)}.` : `${g.pick(['a', 'mx', 'srv', 'h-1'])}${g.int(0, 99)}.example.net.`;
}

/** Presentation text of random rdata for each type. */
const RDATA: Record<string, (g: Gen, zone: string) => string> = {
  A: (g) => `${g.int(0, 255)}.${g.int(0, 255)}.${g.int(0, 255)}.${g.int(0, 255)}`,
  AAAA: (g) => Array.from({ length: 8 }, () => (g.int(0, 2) === 0 ? 0 : g.int(0, 0xffff)).toString(16)).join(':'),
  CAA: (g) => `${g.pick([0, 128])} ${g.pick(['issue', 'issuewild', 'iodef'])} "${g.pick(['letsencrypt.org', 'ca.example.net; policy=ev', 'mailto:sec@example.com', '\\"q\\"'])}"`,
  DHCID: (g) => g.b64(g.int(20, 40)),
  DNSKEY: (g) => `${g.pick([256, 257])} 3 ${g.pick([8, 13, 15])} ${g.b64(g.int(32, 64))}`,
  HTTPS: (g, z) => (g.int(0, 3) === 0 ? `0 ${target(g, z)}` : `${g.int(1, 10)} . alpn="h2,h3" port=${g.int(1, 65535)} ipv4hint=192.0.2.${g.int(1, 254)}`),
  SVCB: (g, z) => `${g.int(1, 5)} ${target(g, z)} port=${g.int(1, 65535)} ipv6hint=2001:db8::${g.int(1, 999)}`,
  LOC: (g) => `${g.int(0, 89)} ${g.int(0, 59)} ${g.int(0, 59)}.${g.int(0, 999)} ${g.pick(['N', 'S'])} ${g.int(0, 179)} ${g.int(0, 59)} ${g.int(0, 59)}.${g.int(0, 999)} ${g.pick(['E', 'W'])} ${g.int(-100, 9000)}.${g.int(0, 99)}m ${g.pick(['1m', '10m', '100m'])} ${g.pick(['10000m', '1m'])} ${g.pick(['10m', '2m'])}`,
  MX: (g, z) => (g.int(0, 9) === 0 ? '0 .' : `${g.int(0, 100)} ${target(g, z)}`),
  NAPTR: (g, z) => (g.int(0, 1) === 0 ? `${g.int(0, 100)} ${g.int(0, 100)} "U" "E2U+sip" "!^.*$!sip:info@example.com!" .` : `${g.int(0, 100)} 10 "S" "SIP+D2U" "" ${target(g, z)}`),
  OPENPGPKEY: (g) => g.b64(g.int(30, 120)),
  PTR: (g, z) => target(g, z),
  RP: (g, z) => `${target(g, z)} ${target(g, z)}`,
  SMIMEA: (g) => `3 1 1 ${g.hex(32)}`,
  SRV: (g, z) => `${g.int(0, 100)} ${g.int(0, 100)} ${g.int(1, 65535)} ${g.int(0, 5) === 0 ? '.' : target(g, z)}`,
  SSHFP: (g) => (g.int(0, 1) === 0 ? `${g.int(1, 4)} 1 ${g.hex(20)}` : `${g.int(1, 4)} 2 ${g.hex(32)}`),
  TLSA: (g) => `${g.int(0, 3)} ${g.int(0, 1)} 1 ${g.hex(32)}`,
  TXT: (g) => txt(g),
};

/** A random zone that BIND loads, with at least one record of every DSL type. */
export function randomZone(seed: number, zone: string, size: number): DnsRecord[] {
  const g = new Gen(prng(seed));
  const out = new Map<string, DnsRecord>();
  const ttls = new Map<string, number>();
  const singleOwners = new Set<string>();
  const used = new Set<string>();
  const add = (owner: string, type: string, text: string): void => {
    const key = `${owner} ${type}`;
    let ttl = ttls.get(key);
    if (ttl === undefined) ttls.set(key, (ttl = g.pick([60, 300, 300, 300, 3600, 86400, 2147483647, 0])));
    const rdata = canonicalRdata(type, text, zone);
    out.set(`${key} ${rdata}`, { name: owner, type, ttl, rdata });
    used.add(owner);
  };
  add(zone, 'SOA', `ns1.example.net. hostmaster.${zone}. ${g.int(1, 2 ** 31)} 3600 600 604800 ${g.int(60, 86400)}`);
  for (let i = g.int(1, 3); i > 0; i--) add(zone, 'NS', `ns${i}.example.net.`);
  const free = (): string => {
    for (;;) {
      const n = name(g, zone);
      if (!used.has(n)) return n;
    }
  };
  for (let i = 0; i < 3; i++) {
    const del = `del${seed % 1000}x${i}.${zone}`;
    add(del, 'NS', `ns.example.org.`);
    add(del, 'DS', `${g.int(0, 65535)} 13 2 ${g.hex(32)}`);
  }
  const types = [...Object.keys(RDATA), 'CNAME', 'DNAME'];
  const owners: string[] = [];
  for (let i = 0; i < size; i++) {
    const type = i < types.length ? types[i]! : g.pick([...types, 'A', 'TXT', 'TXT', 'TXT']);
    if (type === 'CNAME' || type === 'DNAME') {
      const owner = free();
      singleOwners.add(owner);
      add(owner, type, type === 'CNAME' ? target(g, zone) : `${g.pick(['a', 'b'])}${g.int(0, 99)}.example.org.`);
      continue;
    }
    const reuse = owners.length > 0 && g.int(0, 2) === 0;
    let owner = reuse ? g.pick(owners) : name(g, zone);
    if (singleOwners.has(owner)) owner = free();
    owners.push(owner);
    add(owner, type, RDATA[type]!(g, zone));
  }
  return [...out.values()];
}
