/**
 * Settings of the BIND provider, as DNSControl's (documentation/provider/bind.md, read 2026-11):
 * creds.json keys `directory` (default `zones`) and `filenameformat` (default `%c.zone`); the
 * NewDnsProvider metadata `default_soa` ({master, mbox, refresh, retry, expire, minttl}) and
 * `default_ns` (a list of names).
 */
import { ZonesmithError } from '../../src/errors.js';
import { canonicalName } from '../../src/records/names.js';
import { RdataError } from '../../src/records/types.js';
import { DEFAULT_FILENAME_FORMAT, parseFilenameFormat } from './filename-format.js';

/** SOA values for zones that have none; names absolute with a trailing dot. */
export interface SoaDefaults {
  /** The primary (MNAME); absent: the first default_ns, else the placeholder `default-not-set.invalid.`. */
  readonly master?: string;
  /** The mailbox (RNAME); absent: `hostmaster.<zone>.`. */
  readonly mbox?: string;
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
  readonly minttl: number;
}

/** Parsed, checked settings. */
export interface BindSettings {
  /** The zone directory as given (relative paths resolve against the config's directory). */
  readonly directory: string;
  readonly filenameFormat: string;
  readonly defaultSoa: SoaDefaults;
  /** Absolute, lower-case, with a trailing dot. */
  readonly defaultNs: readonly string[];
  /** Lines to log once when the instance is created (unknown keys). No values. */
  readonly notes: readonly string[];
}

const KNOWN_KEYS = new Set(['directory', 'filenameformat']);
const SOA_KEYS = ['master', 'mbox', 'refresh', 'retry', 'expire', 'minttl'] as const;
/** DNSControl's defaults for the SOA timers (providers/bind/bindProvider.go). */
const SOA_DEFAULTS = { refresh: 3600, retry: 600, expire: 604800, minttl: 1440 };

function bad(where: string, why: string): ZonesmithError {
  return new ZonesmithError('bind-settings', `${where}: ${why}`);
}

function absoluteName(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(where, 'must be a domain name');
  const text = value.trim();
  try {
    return canonicalName(text.endsWith('.') ? text : `${text}.`, '.');
  } catch (e) {
    if (e instanceof RdataError) throw bad(where, e.message);
    throw e;
  }
}

function seconds(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^[0-9]+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 0x7fffffff) throw bad(where, 'must be a whole number of seconds from 1 to 2147483647');
  return n;
}

function parseSoaDefaults(raw: unknown): SoaDefaults {
  if (raw === undefined) return SOA_DEFAULTS;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('provider metadata "default_soa"', 'must be an object');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!(SOA_KEYS as readonly string[]).includes(k)) throw bad('provider metadata "default_soa"', `unknown key "${k}" (use ${SOA_KEYS.join(', ')})`);
  }
  const where = (k: string): string => `provider metadata "default_soa.${k}"`;
  return {
    ...(o['master'] !== undefined ? { master: absoluteName(o['master'], where('master')) } : {}),
    ...(o['mbox'] !== undefined ? { mbox: absoluteName(o['mbox'], where('mbox')) } : {}),
    refresh: o['refresh'] === undefined ? SOA_DEFAULTS.refresh : seconds(o['refresh'], where('refresh')),
    retry: o['retry'] === undefined ? SOA_DEFAULTS.retry : seconds(o['retry'], where('retry')),
    expire: o['expire'] === undefined ? SOA_DEFAULTS.expire : seconds(o['expire'], where('expire')),
    minttl: o['minttl'] === undefined ? SOA_DEFAULTS.minttl : seconds(o['minttl'], where('minttl')),
  };
}

/** Checks and converts a creds.json entry (TYPE already removed) plus the NewDnsProvider metadata. */
export function parseSettings(creds: Readonly<Record<string, string>>, meta: Readonly<Record<string, unknown>>): BindSettings {
  const notes: string[] = [];
  for (const k of Object.keys(creds)) if (!KNOWN_KEYS.has(k)) notes.push(`unknown creds.json key "${k}" ignored`);
  const directory = (creds['directory'] ?? '').trim() || 'zones';
  const filenameFormat = creds['filenameformat'] ?? DEFAULT_FILENAME_FORMAT;
  parseFilenameFormat(filenameFormat);
  const rawNs = meta['default_ns'];
  let defaultNs: string[] = [];
  if (rawNs !== undefined) {
    if (!Array.isArray(rawNs)) throw bad('provider metadata "default_ns"', 'must be a list of names');
    defaultNs = [...new Set(rawNs.map((n, i) => absoluteName(n, `provider metadata "default_ns[${i}]"`)))];
  }
  return { directory, filenameFormat, defaultSoa: parseSoaDefaults(meta['default_soa']), defaultNs, notes };
}
