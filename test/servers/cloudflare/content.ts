/**
 * What the local Cloudflare server accepts as a record's value, per type, and how it stores it:
 * `content` for A/AAAA/CNAME/MX/NS/PTR/TXT (plus `priority` for MX), the typed `data` object for
 * CAA/DS/HTTPS/LOC/NAPTR/SRV/SSHFP/SVCB/TLSA, whose `content` the server formats itself, as the API
 * does ("Formatted CAA content. See 'data' to set CAA properties", SDK 7.3.0 records.ts). Field names
 * and ranges follow the SDK's types and the API reference (checked 2026-11). Written independently
 * of zonesmith's own record code, so the provider is checked against a second reading of the rules.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { ApiError, badRequest, CODES } from './errors.js';

/** A record value as stored. */
export interface StoredValue {
  readonly content: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly priority?: number;
}

/** Types the server stores. */
export const SUPPORTED_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'LOC', 'MX', 'NAPTR', 'NS', 'PTR', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT']);
const DATA_TYPES = new Set(['CAA', 'DS', 'HTTPS', 'LOC', 'NAPTR', 'SRV', 'SSHFP', 'SVCB', 'TLSA']);

function invalid(message: string): ApiError {
  return badRequest(CODES.validation, `DNS Validation Error: ${message}`);
}

/** A hostname as Cloudflare stores it: lower-case, no trailing dot; `.` only where `root` allows. */
export function hostname(value: unknown, what: string, root = false): string {
  if (typeof value !== 'string' || value === '') throw invalid(`${what} must be a hostname`);
  if (value === '.') {
    if (root) return '.';
    throw invalid(`${what} cannot be the root`);
  }
  const name = value.replace(/\.$/, '').toLowerCase();
  if (name.length > 253) throw invalid(`${what} is longer than 253 characters`);
  const labels = name.split('.');
  for (const [i, l] of labels.entries()) {
    if (l.length === 0 || l.length > 63) throw invalid(`${what} "${value}" has an empty or over-long label`);
    if (l === '*' && i === 0) continue;
    if (!/^[a-z0-9_-]+$/.test(l)) throw invalid(`${what} "${value}" is not a valid hostname`);
  }
  return name;
}

function uint(data: Record<string, unknown>, key: string, max: number): number {
  const v = data[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) throw invalid(`data.${key} must be an integer from 0 to ${max}`);
  return v;
}

function num(data: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = data[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw invalid(`data.${key} must be a number from ${min} to ${max}`);
  return v;
}

function str(data: Record<string, unknown>, key: string, maxBytes: number): string {
  const v = data[key];
  if (typeof v !== 'string') throw invalid(`data.${key} must be a string`);
  if (Buffer.byteLength(v) > maxBytes) throw invalid(`data.${key} is longer than ${maxBytes} bytes`);
  return v;
}

function hex(data: Record<string, unknown>, key: string): string {
  const v = data[key];
  if (typeof v !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(v)) throw invalid(`data.${key} must be hexadecimal`);
  return v;
}

function quote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * Reads TXT content: one or more quoted character-strings (escapes `\"`, `\\`, `\DDD`), as the API
 * has required since 2024 ("The content must consist of quoted character strings (RFC 1035), each
 * with a length of up to 255 bytes. Strings exceeding this allowed maximum length are automatically
 * split", SDK 7.3.0). Returns the strings' octets.
 */
export function parseTxt(content: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < content.length) {
    if (/\s/.test(content[i]!)) {
      i++;
      continue;
    }
    if (content[i] !== '"') throw invalid('TXT content must consist of quoted character strings');
    const bytes: number[] = [];
    i++;
    for (;;) {
      if (i >= content.length) throw invalid('TXT content has an unterminated quoted string');
      const c = content[i]!;
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\') {
        const d = /^\d{3}/.exec(content.slice(i + 1, i + 4));
        if (d) {
          const v = Number(d[0]);
          if (v > 255) throw invalid('TXT content has an escape above \\255');
          bytes.push(v);
          i += 4;
          continue;
        }
        if (i + 1 >= content.length) throw invalid('TXT content ends in a backslash');
        bytes.push(...Buffer.from(content[i + 1]!));
        i += 2;
        continue;
      }
      const cp = content.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...Buffer.from(ch));
      i += ch.length;
    }
    out.push(Uint8Array.from(bytes));
  }
  if (out.length === 0) throw invalid('TXT content must not be empty');
  return out;
}

/** Quoted text of octets: printable ASCII as is, `"` and `\` escaped, everything else `\DDD`. */
function quoteOctets(b: Uint8Array): string {
  let s = '"';
  for (const x of b) {
    if (x === 0x22 || x === 0x5c) s += `\\${String.fromCharCode(x)}`;
    else if (x >= 0x20 && x < 0x7f) s += String.fromCharCode(x);
    else s += `\\${String(x).padStart(3, '0')}`;
  }
  return `${s}"`;
}

function txtContent(content: string): string {
  const strings = parseTxt(content);
  // "Each DNS record has a maximum wire format size of 4,096 bytes" (DNS record types reference).
  const wire = strings.reduce((n, s) => n + Math.ceil(Math.max(s.length, 1) / 255) + s.length, 0);
  if (wire > 4096) throw invalid(`the TXT record is ${wire} bytes in wire format; the limit is 4096`);
  if (strings.every((s) => s.length <= 255)) return content.trim();
  // Long strings are split in 255-octet pieces; the server re-quotes them octet by octet.
  const pieces: string[] = [];
  for (const s of strings) for (let o = 0; o < Math.max(s.length, 1); o += 255) pieces.push(quoteOctets(s.subarray(o, o + 255)));
  return pieces.join(' ');
}

/** Validates a value for `type` and returns it as stored; throws ApiError 400. */
export function storedValue(type: string, body: Record<string, unknown>): StoredValue {
  if (DATA_TYPES.has(type)) {
    const data = body['data'];
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid(`${type} records need a data object`);
    return dataValue(type, data as Record<string, unknown>);
  }
  const content = body['content'];
  if (typeof content !== 'string') throw invalid(`${type} records need content`);
  switch (type) {
    case 'A':
      if (!isIPv4(content) || content.split('.').some((p) => p.length > 1 && p.startsWith('0'))) {
        throw badRequest(9005, 'Content for A record must be a valid IPv4 address.');
      }
      return { content };
    case 'AAAA':
      if (!isIPv6(content)) throw badRequest(9006, 'Content for AAAA record must be a valid IPv6 address.');
      return { content: content.toLowerCase() };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { content: hostname(content, 'content') };
    case 'MX': {
      const p = body['priority'];
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 65535) throw invalid('MX records need a priority from 0 to 65535');
      return { content: hostname(content, 'content', true), priority: p };
    }
    case 'TXT':
      return { content: txtContent(content) };
    default:
      throw invalid(`unsupported record type ${type}`);
  }
}

function dataValue(type: string, d: Record<string, unknown>): StoredValue {
  switch (type) {
    case 'CAA': {
      const flags = uint(d, 'flags', 255);
      const tag = str(d, 'tag', 255);
      if (!/^[a-z0-9]+$/i.test(tag)) throw invalid('data.tag must be letters and digits');
      const value = str(d, 'value', 255);
      return { content: `${flags} ${tag} ${quote(value)}`, data: { flags, tag, value } };
    }
    case 'SRV': {
      const priority = uint(d, 'priority', 65535);
      const weight = uint(d, 'weight', 65535);
      const port = uint(d, 'port', 65535);
      const target = hostname(d['target'], 'data.target', true);
      return { content: `${weight} ${port} ${target}`, priority, data: { priority, weight, port, target } };
    }
    case 'DS': {
      const v = { key_tag: uint(d, 'key_tag', 65535), algorithm: uint(d, 'algorithm', 255), digest_type: uint(d, 'digest_type', 255), digest: hex(d, 'digest') };
      return { content: `${v.key_tag} ${v.algorithm} ${v.digest_type} ${v.digest}`, data: v };
    }
    case 'SSHFP': {
      const v = { algorithm: uint(d, 'algorithm', 255), type: uint(d, 'type', 255), fingerprint: hex(d, 'fingerprint') };
      return { content: `${v.algorithm} ${v.type} ${v.fingerprint}`, data: v };
    }
    case 'TLSA': {
      const v = { usage: uint(d, 'usage', 255), selector: uint(d, 'selector', 255), matching_type: uint(d, 'matching_type', 255), certificate: hex(d, 'certificate') };
      return { content: `${v.usage} ${v.selector} ${v.matching_type} ${v.certificate}`, data: v };
    }
    case 'HTTPS':
    case 'SVCB': {
      const priority = uint(d, 'priority', 65535);
      const target = hostname(d['target'], 'data.target', true);
      const value = d['value'] === undefined ? '' : str(d, 'value', 4000);
      return { content: `${priority} ${target === '.' ? '.' : `${target}.`}${value ? ` ${value}` : ''}`, data: { priority, target, value } };
    }
    case 'NAPTR': {
      const v = {
        order: uint(d, 'order', 65535),
        preference: uint(d, 'preference', 65535),
        flags: str(d, 'flags', 255),
        service: str(d, 'service', 255),
        regex: str(d, 'regex', 255),
        replacement: hostname(d['replacement'], 'data.replacement', true),
      };
      return { content: `${v.order} ${v.preference} ${quote(v.flags)} ${quote(v.service)} ${quote(v.regex)} ${v.replacement}`, data: v };
    }
    case 'LOC':
      return locValue(d);
    default:
      throw invalid(`unsupported record type ${type}`);
  }
}

function locValue(d: Record<string, unknown>): StoredValue {
  const dir = (key: string, allowed: string): string => {
    const v = d[key];
    if (typeof v !== 'string' || !allowed.includes(v) || v.length !== 1) throw invalid(`data.${key} must be one of ${allowed.split('').join(', ')}`);
    return v;
  };
  const v = {
    lat_degrees: uint(d, 'lat_degrees', 90),
    lat_minutes: uint(d, 'lat_minutes', 59),
    lat_seconds: num(d, 'lat_seconds', 0, 59.999),
    lat_direction: dir('lat_direction', 'NS'),
    long_degrees: uint(d, 'long_degrees', 180),
    long_minutes: uint(d, 'long_minutes', 59),
    long_seconds: num(d, 'long_seconds', 0, 59.999),
    long_direction: dir('long_direction', 'EW'),
    altitude: num(d, 'altitude', -100000, 42849672.95),
    size: num(d, 'size', 0, 90000000),
    precision_horz: num(d, 'precision_horz', 0, 90000000),
    precision_vert: num(d, 'precision_vert', 0, 90000000),
  };
  const content = `${v.lat_degrees} ${v.lat_minutes} ${v.lat_seconds.toFixed(3)} ${v.lat_direction} ${v.long_degrees} ${v.long_minutes} ${v.long_seconds.toFixed(3)} ${v.long_direction} ${v.altitude.toFixed(2)}m ${v.size}m ${v.precision_horz}m ${v.precision_vert}m`;
  return { content, data: v };
}
