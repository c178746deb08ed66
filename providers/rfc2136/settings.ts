/**
 * creds.json settings of the RFC2136 provider. DNSControl's AXFRDDNS keys work unchanged (its
 * documentation/provider/axfrddns.md and providers/axfrddns/axfrddnsProvider.go, read 2026-11):
 * `master`, `transfer-server`, `nameservers`, `update-key`, `transfer-key`, `update-mode`,
 * `transfer-mode`, `buggy-cname` (deprecated there, ignored here), `domain`; plus the
 * `default_ns` list in the NewDnsProvider metadata. zonesmith adds `timeout` (seconds).
 */
import { ZonesmithError } from '../../src/errors.js';
import { makeTsigKey, type TsigKey } from './tsig.js';
import type { Endpoint } from './transport.js';

/** Parsed, checked settings. */
export interface Rfc2136Settings {
  /** Where UPDATEs go (the primary). */
  readonly master: Endpoint;
  /** Where AXFRs go (`transfer-server`, else the primary). */
  readonly transfer: Endpoint;
  /** Default nameservers, absolute with a trailing dot, lower-case; empty means "the zone's apex NS". */
  readonly nameservers: readonly string[];
  readonly updateKey: TsigKey | undefined;
  readonly transferKey: TsigKey | undefined;
  /** Per-answer timeout. */
  readonly timeoutMs: number;
  /** Lines to log once when the instance is created (unknown keys, deprecated ones). No values. */
  readonly notes: readonly string[];
}

const KNOWN_KEYS = new Set(['master', 'transfer-server', 'nameservers', 'update-key', 'transfer-key', 'update-mode', 'transfer-mode', 'buggy-cname', 'domain', 'timeout']);
/** DNSControl's fixed DNS timeout (axfrddnsProvider.go `dnsTimeout`, 30 s). */
const DEFAULT_TIMEOUT_MS = 30_000;

function bad(key: string, why: string): ZonesmithError {
  return new ZonesmithError('rfc2136-settings', `creds.json key "${key}": ${why}`);
}

/** Splits `host`, `host:port`, `[v6]:port` or a bare IPv6 address; port defaults to `defaultPort`. */
export function parseHostPort(key: string, value: string, defaultPort: number): { host: string; port: number } {
  const v = value.trim();
  let host = v;
  let port = defaultPort;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(v);
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2] !== undefined) port = Number(bracket[2]);
  } else if ((v.match(/:/g) ?? []).length === 1) {
    const i = v.indexOf(':');
    host = v.slice(0, i);
    port = Number(v.slice(i + 1));
    if (!/^\d+$/.test(v.slice(i + 1))) throw bad(key, 'the port after ":" must be a number');
  }
  if (host === '') throw bad(key, 'the host is empty');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(key, 'the port must be 1-65535');
  return { host: host.replace(/\.$/, ''), port };
}

function endpoint(key: string, value: string, mode: Endpoint['mode']): Endpoint {
  if (mode === 'unix') return { mode, host: value, port: 0, path: value, label: value };
  const { host, port } = parseHostPort(key, value, mode === 'tcp-tls' ? 853 : 53);
  return { mode, host, port, label: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}` };
}

/**
 * A TSIG key from `algorithm:name:base64secret` (DNSControl's form). Errors name the creds key and
 * the problem, never the value.
 */
export function parseKey(key: string, value: string): TsigKey {
  const parts = value.split(':');
  if (parts.length !== 3) throw bad(key, 'expected "algorithm:name:base64secret" (three parts separated by ":")');
  const [alg, name, secret] = parts as [string, string, string];
  if (name.trim() === '') throw bad(key, 'the key name is empty');
  const s = secret.trim();
  if (s === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) throw bad(key, 'the secret is not valid base64');
  const tsig = makeTsigKey(alg.trim(), name.trim(), Buffer.from(s, 'base64'));
  if (!tsig) throw bad(key, `unknown algorithm "${alg}" (use hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha224, hmac-sha1 or hmac-md5)`);
  return tsig;
}

function absolute(ns: string): string {
  const n = ns.trim().toLowerCase();
  return n.endsWith('.') ? n : `${n}.`;
}

/** Checks and converts a creds.json entry plus the NewDnsProvider metadata (`default_ns`). */
export function parseSettings(creds: Readonly<Record<string, string>>, meta: Readonly<Record<string, unknown>>): Rfc2136Settings {
  const notes: string[] = [];
  for (const k of Object.keys(creds)) if (!KNOWN_KEYS.has(k)) notes.push(`unknown creds.json key "${k}" ignored`);
  const get = (k: string): string => (creds[k] ?? '').trim();

  const updateMode = get('update-mode') || 'tcp';
  if (!['tcp', 'udp', 'tcp-tls', 'unix'].includes(updateMode)) throw bad('update-mode', 'must be tcp, udp, tcp-tls or unix');
  const transferMode = get('transfer-mode') || 'tcp';
  if (!['tcp', 'tcp-tls', 'unix'].includes(transferMode)) throw bad('transfer-mode', 'must be tcp, tcp-tls or unix (AXFR needs a stream)');

  const nameservers: string[] = [];
  if (get('nameservers')) nameservers.push(...get('nameservers').split(',').filter((n) => n.trim() !== '').map(absolute));
  const defaultNs = meta['default_ns'];
  if (defaultNs !== undefined) {
    if (!Array.isArray(defaultNs) || !defaultNs.every((n) => typeof n === 'string')) {
      throw new ZonesmithError('rfc2136-settings', 'provider metadata "default_ns" must be a list of names');
    }
    nameservers.push(...defaultNs.map(absolute));
  }

  // DNSControl: `master`, else the first default nameserver on port 53.
  let masterValue = get('master');
  if (masterValue === '' && nameservers.length > 0 && updateMode !== 'unix') masterValue = nameservers[0]!.replace(/\.$/, '');
  if (masterValue === '') {
    throw new ZonesmithError('rfc2136-no-master', 'creds.json needs "master" (host:port of the primary) or a "nameservers" list whose first entry is the primary');
  }
  const master = endpoint('master', masterValue, updateMode as Endpoint['mode']);
  const transferValue = get('transfer-server');
  const transfer =
    transferValue !== ''
      ? endpoint('transfer-server', transferValue, transferMode as Endpoint['mode'])
      : endpoint('master', masterValue, transferMode as Endpoint['mode']);

  const updateKey = get('update-key') ? parseKey('update-key', get('update-key')) : undefined;
  const transferKey = get('transfer-key') ? parseKey('transfer-key', get('transfer-key')) : undefined;

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (get('timeout')) {
    const t = Number(get('timeout'));
    if (!Number.isFinite(t) || t <= 0 || t > 3600) throw bad('timeout', 'must be a number of seconds, 0 < timeout ≤ 3600');
    timeoutMs = Math.round(t * 1000);
  }
  if (['yes', 'true'].includes(get('buggy-cname').toLowerCase())) {
    notes.push('"buggy-cname" is deprecated in DNSControl and not needed here (deletes always go before adds)');
  }
  return { master, transfer, nameservers: [...new Set(nameservers)], updateKey, transferKey, timeoutMs, notes };
}
