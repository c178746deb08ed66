import { base64ToBytes, bytesToBase64, parseDigits } from './fields.js';
import { formatIpv4, formatIpv6, ipv6Bytes, ipv6Words, parseIpv4, parseIpv6 } from './ip.js';
import { decodeText, escapeBytes } from './text.js';
import { RdataError } from './types.js';

/**
 * SvcParams (RFC 9460 §7, RFC 9461 dohpath, RFC 9540 ohttp): key names and each key's value in
 * presentation and wire form. Values are held as wire octets; presentation is derived from them,
 * so `keyNNNNN="..."` and the named form of the same key come out identical.
 */

/** One SvcParam: the key number and its value in wire form. */
export interface SvcParam {
  readonly key: number;
  readonly value: Uint8Array;
  /** DNSControl's `ech=IGNORE`: keep whatever ECH config the provider has (no value of its own). */
  readonly ignore?: boolean;
}

/** Key numbers by name. */
export const SVC_KEYS: Readonly<Record<string, number>> = {
  mandatory: 0, alpn: 1, 'no-default-alpn': 2, port: 3, ipv4hint: 4, ech: 5, ipv6hint: 6, dohpath: 7, ohttp: 8,
};
const KEY_NAMES: readonly string[] = Object.keys(SVC_KEYS);

/** Keys whose value must be empty. */
const EMPTY_KEYS = new Set([2, 8]);

function bad(key: number, msg: string): RdataError {
  return new RdataError('svcb-bad-value', `SvcParam ${keyName(key)}: ${msg}`);
}

/** `alpn` for 1, `key65333` for keys without a name. */
export function keyName(key: number): string {
  return KEY_NAMES[key] ?? `key${key}`;
}

/** A key's number from its name or `keyNNNNN`. Throws `svcb-invalid-key`. */
export function keyNumber(name: string): number {
  const known = SVC_KEYS[name];
  if (known !== undefined) return known;
  const m = /^key([0-9]{1,5})$/.exec(name);
  const n = m ? parseDigits(m[1] as string) : -1;
  if (n < 0 || n > 65534) throw new RdataError('svcb-invalid-key', `"${name}" is not an SvcParam key (a name or key0-key65534)`);
  return n;
}

/** Splits an RFC 9460 value-list (after char-string decoding) on commas; `\,` and `\\` escape. */
function splitList(bytes: Uint8Array): Uint8Array[] {
  const items: number[][] = [[]];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x5c && i + 1 < bytes.length) items[items.length - 1]?.push(bytes[++i] as number);
    else if (b === 0x2c) items.push([]);
    else items[items.length - 1]?.push(b);
  }
  return items.map((x) => Uint8Array.from(x));
}

function asciiList(bytes: Uint8Array): string[] {
  return Buffer.from(bytes).toString('latin1').split(',');
}

/** Wire value of `key` from its presentation value (escapes still in place; undefined when absent). */
export function paramFromText(key: number, text: string | undefined): Uint8Array {
  if (EMPTY_KEYS.has(key)) {
    if (text !== undefined && text !== '') throw new RdataError('svcb-unexpected-value', `SvcParam ${keyName(key)} takes no value`);
    return new Uint8Array(0);
  }
  if (text === undefined || text === '') {
    if (key > 8) return new Uint8Array(0);
    throw new RdataError('svcb-missing-value', `SvcParam ${keyName(key)} needs a value`);
  }
  const raw = decodeText(text);
  switch (key) {
    case 0: {
      const keys = asciiList(raw).map(keyNumber);
      const sorted = [...keys].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i] === sorted[i - 1]) throw new RdataError('svcb-mandatory-duplicate', `mandatory lists ${keyName(sorted[i] as number)} twice`);
      }
      if (sorted.includes(0)) throw new RdataError('svcb-mandatory-self', 'mandatory must not list "mandatory"');
      return u16List(sorted);
    }
    case 1: {
      const items = splitList(raw);
      const out: number[] = [];
      for (const it of items) {
        if (it.length === 0 || it.length > 255) throw bad(key, 'each ALPN id must be 1-255 octets');
        out.push(it.length, ...it);
      }
      return Uint8Array.from(out);
    }
    case 3: {
      const port = parseDigits(Buffer.from(raw).toString('latin1'));
      if (port < 0 || port > 65535) throw bad(key, `"${text}" is not a port 0-65535`);
      return u16List([port]);
    }
    case 4: {
      const addrs = asciiList(raw).map((a) => {
        const v = parseIpv4(a);
        if (v < 0) throw bad(key, `"${a}" is not an IPv4 address`);
        return v;
      });
      const out = new Uint8Array(addrs.length * 4);
      addrs.forEach((v, i) => out.set([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255], i * 4));
      return out;
    }
    case 5:
      return base64ToBytes(Buffer.from(raw).toString('latin1'), 'ech value');
    case 6: {
      const parts = asciiList(raw);
      const out = new Uint8Array(parts.length * 16);
      parts.forEach((a, i) => {
        const w = new Uint16Array(8);
        if (!parseIpv6(a, w)) throw bad(key, `"${a}" is not an IPv6 address`);
        out.set(ipv6Bytes(w), i * 16);
      });
      return out;
    }
    default:
      return raw; // dohpath and keyNNNNN: the octets as written
  }
}

function u16List(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  values.forEach((v, i) => {
    out[2 * i] = v >>> 8;
    out[2 * i + 1] = v & 255;
  });
  return out;
}

function u16s(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 2) out.push(((b[i] as number) << 8) | (b[i + 1] as number));
  return out;
}

/** Checks a wire value's shape for its key. Throws `svcb-bad-value`. */
export function validateParam(key: number, v: Uint8Array): void {
  const n = v.length;
  if (EMPTY_KEYS.has(key) && n !== 0) throw bad(key, 'the value must be empty');
  switch (key) {
    case 0: {
      if (n === 0 || n % 2 !== 0) throw bad(key, 'the value must be a non-empty list of 16-bit keys');
      const keys = u16s(v);
      for (let i = 1; i < keys.length; i++) if ((keys[i] as number) <= (keys[i - 1] as number)) throw bad(key, 'keys must be in strictly increasing order');
      if (keys.includes(0)) throw new RdataError('svcb-mandatory-self', 'mandatory must not list "mandatory"');
      break;
    }
    case 1:
      for (let i = 0; i < n; ) {
        const len = v[i] as number;
        if (len === 0 || i + 1 + len > n) throw bad(key, 'malformed ALPN id list');
        i += 1 + len;
      }
      if (n === 0) throw bad(key, 'the list is empty');
      break;
    case 3:
      if (n !== 2) throw bad(key, 'the value must be 2 octets');
      break;
    case 4:
      if (n === 0 || n % 4 !== 0) throw bad(key, 'the value must be a non-empty list of IPv4 addresses');
      break;
    case 5:
      if (n === 0) throw bad(key, 'the value is empty');
      break;
    case 6:
      if (n === 0 || n % 16 !== 0) throw bad(key, 'the value must be a non-empty list of IPv6 addresses');
      break;
    default:
  }
}

/** Canonical presentation of one param (`alpn="h2,h3"`, `port=8443`, `no-default-alpn`). */
export function formatParam(p: SvcParam): string {
  const { key, value: v } = p;
  const name = keyName(key);
  if (p.ignore) return `${name}=IGNORE`;
  switch (key) {
    case 0:
      return `${name}=${u16s(v).map(keyName).join(',')}`;
    case 1: {
      const items: string[] = [];
      for (let i = 0; i < v.length; ) {
        const len = v[i] as number;
        const item = v.subarray(i + 1, i + 1 + len);
        // List level: escape ',' and '\' with '\'; the char-string level then escapes those backslashes again.
        const listed: number[] = [];
        for (const b of item) {
          if (b === 0x2c || b === 0x5c) listed.push(0x5c);
          listed.push(b);
        }
        items.push(escapeBytes(Uint8Array.from(listed)));
        i += 1 + len;
      }
      return `${name}="${items.join(',')}"`;
    }
    case 2:
    case 8:
      return name;
    case 3:
      return `${name}=${u16s(v)[0]}`;
    case 4: {
      const out: string[] = [];
      for (let i = 0; i < v.length; i += 4) out.push(formatIpv4(((v[i] as number) * 2 ** 24) + (((v[i + 1] as number) << 16) | ((v[i + 2] as number) << 8) | (v[i + 3] as number))));
      return `${name}=${out.join(',')}`;
    }
    case 5:
      return `${name}=${bytesToBase64(v)}`;
    case 6: {
      const out: string[] = [];
      for (let i = 0; i < v.length; i += 16) out.push(formatIpv6(ipv6Words(v, i)));
      return `${name}=${out.join(',')}`;
    }
    default:
      return v.length === 0 ? name : `${name}="${escapeBytes(v)}"`;
  }
}

/**
 * Parses one presentation param (`alpn="h2,h3"`, `no-default-alpn`, `key667="hello\210qoo"`).
 * `keyNNNNN` always means the value's octets are the wire form, even for a key with a name.
 */
export function paramFromToken(text: string, allowIgnore: boolean): SvcParam {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).toLowerCase();
  let value = eq < 0 ? undefined : text.slice(eq + 1);
  if (value !== undefined && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const key = keyNumber(name);
  if (key === 5 && value === 'IGNORE' && allowIgnore) return { key, value: new Uint8Array(0), ignore: true };
  if (name in SVC_KEYS) return { key, value: paramFromText(key, value) };
  const raw = value === undefined ? new Uint8Array(0) : decodeText(value);
  validateParam(key, raw);
  return { key, value: raw };
}
