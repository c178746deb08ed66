/**
 * Canonical rdata ↔ a Cloudflare record's value. Cloudflare keeps A/AAAA/CNAME/NS/PTR/TXT (and MX,
 * with `priority`) in `content`, and CAA, DS, HTTPS, LOC, NAPTR, SRV, SSHFP, SVCB and TLSA in a typed
 * `data` object whose `content` is only a formatted copy (SDK 7.3.0 records.ts, checked 2026-11):
 * `data` is written, and read when present. Names go to Cloudflare without the final dot and come
 * back the same way; `.` stays `.` (null MX, SRV "no service", SVCB self target).
 */
import { canonicalRdata, parseRdata, zoneFileRdata } from '../../src/records/registry.js';
import { quoteBytes, utf8 } from '../../src/records/text.js';
import { txtRdata } from '../../src/records/types/txt.js';

/** A record's value as the Cloudflare API carries it. */
export interface NativeValue {
  content?: string;
  data?: Record<string, unknown>;
  priority?: number;
}

/** Types whose value travels in `data`. */
export const DATA_TYPES = new Set(['CAA', 'DS', 'HTTPS', 'LOC', 'NAPTR', 'SRV', 'SSHFP', 'SVCB', 'TLSA']);

/** An absolute canonical name as Cloudflare takes it. */
export function hostOut(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}

/** A Cloudflare host name as an absolute name. */
export function hostIn(host: string): string {
  if (host === '' || host === '.') return '.';
  return host.endsWith('.') ? host : `${host}.`;
}

function quoted(text: string): string {
  return quoteBytes(utf8(text));
}

/** The Cloudflare value for a record of `type` (ALIAS as the CNAME Cloudflare stores). */
export function valueFromRdata(type: string, rdata: string): NativeValue {
  switch (type) {
    case 'CNAME':
    case 'ALIAS':
    case 'NS':
    case 'PTR':
      return { content: hostOut(rdata) };
    case 'MX': {
      const d = parseRdata('MX', rdata);
      return { content: hostOut(d.exchange), priority: d.preference };
    }
    case 'TXT':
      // Quoted character-strings of at most 255 octets, as the API requires.
      return { content: zoneFileRdata({ type: 'TXT', rdata }) };
    case 'CAA': {
      const d = parseRdata('CAA', rdata);
      return { data: { flags: d.flag, tag: d.tag, value: d.value } };
    }
    case 'SRV': {
      const d = parseRdata('SRV', rdata);
      return { data: { priority: d.priority, weight: d.weight, port: d.port, target: hostOut(d.target) } };
    }
    case 'DS': {
      const d = parseRdata('DS', rdata);
      return { data: { key_tag: d.keyTag, algorithm: d.algorithm, digest_type: d.digestType, digest: d.digest } };
    }
    case 'SSHFP': {
      const d = parseRdata('SSHFP', rdata);
      return { data: { algorithm: d.algorithm, type: d.fpType, fingerprint: d.fingerprint } };
    }
    case 'TLSA': {
      const d = parseRdata('TLSA', rdata);
      return { data: { usage: d.usage, selector: d.selector, matching_type: d.matchingType, certificate: d.data } };
    }
    case 'HTTPS':
    case 'SVCB': {
      // Canonical names hold no spaces (they are escaped), so the params start after the second one.
      const [priority, target, ...params] = rdata.split(' ');
      return { data: { priority: Number(priority), target: hostOut(target ?? '.'), value: params.join(' ') } };
    }
    case 'NAPTR': {
      const d = parseRdata('NAPTR', rdata);
      const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
      return { data: { order: d.order, preference: d.preference, flags: text(d.flags), service: text(d.service), regex: text(d.regexp), replacement: hostOut(d.replacement) } };
    }
    case 'LOC':
      return { data: locData(rdata) };
    default:
      return { content: rdata };
  }
}

/** LOC canonical text (`52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m`) as Cloudflare's fields. */
function locData(rdata: string): Record<string, unknown> {
  const t = rdata.split(' ');
  const n = (i: number): number => Number((t[i] ?? '0').replace(/m$/, ''));
  return {
    lat_degrees: n(0), lat_minutes: n(1), lat_seconds: n(2), lat_direction: t[3],
    long_degrees: n(4), long_minutes: n(5), long_seconds: n(6), long_direction: t[7],
    altitude: n(8), size: n(9), precision_horz: n(10), precision_vert: n(11),
  };
}

/** What a Cloudflare record carries, as the API returns it. */
export interface ReturnedValue {
  readonly content?: string | null;
  readonly data?: unknown;
  readonly priority?: number | null;
}

/**
 * Canonical rdata for a value Cloudflare returned; `origin` is the zone (absolute, with the dot).
 * Throws RdataError when the value cannot be read.
 */
export function rdataFromValue(type: string, v: ReturnedValue, origin: string): string {
  const content = v.content ?? '';
  const d = (typeof v.data === 'object' && v.data !== null ? v.data : undefined) as Record<string, unknown> | undefined;
  const f = (k: string): string => String(d?.[k] ?? '');
  switch (type) {
    case 'CNAME':
    case 'ALIAS':
    case 'NS':
    case 'PTR':
      return canonicalRdata(type, hostIn(content), origin);
    case 'MX':
      return canonicalRdata('MX', `${v.priority ?? 0} ${hostIn(content)}`, origin);
    case 'TXT':
      return txtFromContent(content, origin);
    default:
      break;
  }
  // Cloudflare's content spells names in full without the final dot, so they are read from the root.
  if (!d || !DATA_TYPES.has(type)) return canonicalRdata(type, type === 'SRV' ? `${v.priority ?? 0} ${content}` : content, '.');
  switch (type) {
    case 'CAA':
      return canonicalRdata('CAA', `${f('flags')} ${f('tag')} ${quoted(f('value'))}`, origin);
    case 'SRV':
      return canonicalRdata('SRV', `${f('priority')} ${f('weight')} ${f('port')} ${hostIn(f('target'))}`, origin);
    case 'DS':
      return canonicalRdata('DS', `${f('key_tag')} ${f('algorithm')} ${f('digest_type')} ${f('digest')}`, origin);
    case 'SSHFP':
      return canonicalRdata('SSHFP', `${f('algorithm')} ${f('type')} ${f('fingerprint')}`, origin);
    case 'TLSA':
      return canonicalRdata('TLSA', `${f('usage')} ${f('selector')} ${f('matching_type')} ${f('certificate')}`, origin);
    case 'HTTPS':
    case 'SVCB':
      return canonicalRdata(type, `${f('priority')} ${hostIn(f('target'))} ${f('value')}`.trim(), origin);
    case 'NAPTR':
      return canonicalRdata('NAPTR', `${f('order')} ${f('preference')} ${quoted(f('flags'))} ${quoted(f('service'))} ${quoted(f('regex'))} ${hostIn(f('replacement'))}`, origin);
    default:
      return canonicalRdata('LOC', [
        f('lat_degrees'), f('lat_minutes'), f('lat_seconds'), f('lat_direction'),
        f('long_degrees'), f('long_minutes'), f('long_seconds'), f('long_direction'),
        `${f('altitude')}m`, `${f('size')}m`, `${f('precision_horz')}m`, `${f('precision_vert')}m`,
      ].join(' '), origin);
  }
}

/**
 * TXT content: quoted character-strings, joined into one logical string. Records stored before
 * Cloudflare required quoting (2024) can come back unquoted; that text is the value as it stands.
 */
function txtFromContent(content: string, origin: string): string {
  const t = content.trim();
  if (t.startsWith('"')) {
    try {
      return canonicalRdata('TXT', t, origin);
    } catch {
      // Not a well-formed quoted list: fall through to the literal reading.
    }
  }
  return txtRdata(content);
}
