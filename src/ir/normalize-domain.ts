import type { RawDomain } from '../dsl/raw-types.js';
import { targetFromArg } from '../records/names.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import { normalizeHandsOff } from './hands-off.js';
import { metaToStrings } from './meta.js';
import { isIpAddress, nameSyntaxProblem, toAsciiName, toUnicodeName } from './names.js';
import { RdataError, type DnsRecord } from '../records/types.js';
import { normalizeRecord, type InputRecord, type RecordContext } from './normalize-records.js';
import type { SourcePos } from './source.js';
import { DEFAULT_TTL, normalizeTtl } from './ttl.js';
import type { IrDomain, IrDomainProvider, IrSafety } from './types.js';
import { checkZone } from './zone-checks.js';

/** A domain as it enters normalisation: the DSL's RawDomain, whose records may also be IR text. */
export type DomainInput = Omit<RawDomain, 'records' | 'absent'> & {
  readonly records: readonly InputRecord[];
  readonly absent: readonly InputRecord[];
};

/** Declared handles, to check the names a domain refers to. */
export interface Declared {
  readonly registrars: ReadonlySet<string>;
  readonly dnsProviders: ReadonlySet<string>;
}

/** The parts of a domain name: ASCII name, Unicode form, tag, unique name. */
export interface DomainName {
  readonly name: string;
  readonly unicodeName: string;
  readonly tag: string;
  readonly uniqueName: string;
}

/**
 * Splits `D()`'s name into its parts: the `!tag` of split horizon (`example.com!` has none),
 * the trailing dot dropped, lower-cased, Unicode labels to punycode. Returns the reason when invalid.
 */
export function parseDomainName(written: unknown): DomainName | string {
  if (typeof written !== 'string') return 'the domain name must be a string';
  const bang = written.indexOf('!');
  const base = bang < 0 ? written : written.slice(0, bang);
  const tag = bang < 0 ? '' : written.slice(bang + 1);
  const bare = base.endsWith('.') ? base.slice(0, -1) : base;
  if (bare === '') return `domain name "${written}" is empty`;
  const ascii = toAsciiName(bare);
  if (!ascii.ok) return `domain name "${written}": ${ascii.reason}`;
  const problem = ascii.ascii.includes('*') ? 'contains "*"' : nameSyntaxProblem(ascii.ascii);
  if (problem) return `domain name "${written}" ${problem}`;
  const name = ascii.ascii;
  return { name, unicodeName: toUnicodeName(name), tag, uniqueName: tag ? `${name}!${tag}` : name };
}

/** Normalises one domain; every problem goes to `diagnostics`. Undefined when the name itself is unusable. */
export function normalizeDomain(raw: DomainInput, declared: Declared, diagnostics: Diagnostic[]): IrDomain | undefined {
  const src = raw.source;
  const parsed = parseDomainName(raw.name);
  if (typeof parsed === 'string') {
    diagnostics.push(error('invalid-domain-name', parsed, src));
    return undefined;
  }
  const domain = parsed.uniqueName;
  const zone = parsed.name;
  const report = (code: string, message: string, at: SourcePos | undefined = src): void =>
    void diagnostics.push(error(code, message, at, domain));

  const registrar = typeof raw.registrar === 'string' ? raw.registrar : '';
  if (!declared.registrars.has(registrar)) {
    const hint = declared.dnsProviders.has(registrar) ? `; "${registrar}" is declared with NewDnsProvider, not NewRegistrar` : '';
    report('unknown-registrar', `registrar "${registrar}" of ${domain} is not declared with NewRegistrar${hint}`);
  }

  const dnsProviders = normalizeProviders(raw, declared, report);
  const nameservers = normalizeNameservers(raw, zone, domain, diagnostics);

  let nameserverTtl = normalizeTtl(raw.nameserverTtl, 'NAMESERVER_TTL');
  if (typeof nameserverTtl !== 'number') {
    report(nameserverTtl.code, nameserverTtl.message);
    nameserverTtl = DEFAULT_TTL;
  }
  let defaultTtl: number | undefined;
  let reportedTtl: unknown;
  if (raw.defaultTtl !== undefined) {
    const t = normalizeTtl(raw.defaultTtl, 'DefaultTTL');
    if (typeof t === 'number') defaultTtl = t;
    else {
      report(t.code, t.message);
      reportedTtl = raw.defaultTtl;
    }
  }

  const ctx: RecordContext = { zone, domain, diagnostics, reportedTtl };
  const records = normalizeAll(raw.records, ctx);
  const absent = normalizeAll(raw.absent, ctx);
  checkZone(records, zone, domain, diagnostics);
  const handsOff = normalizeHandsOff(raw, domain, diagnostics);

  const safety = normalizeSafety(raw.safety, report);
  const autoDnssec = raw.autoDnssec === 'on' || raw.autoDnssec === 'off' ? raw.autoDnssec : undefined;
  if (raw.autoDnssec !== undefined && autoDnssec === undefined) report('invalid-autodnssec', `autoDnssec must be "on" or "off", not ${JSON.stringify(raw.autoDnssec)}`);

  // Built by assignment, in the order the IR's readers expect: the same object with conditional
  // spreads cost about 7 us a domain (V8 copies each spread through the runtime), 7 ms per 1,000.
  const out: { -readonly [K in keyof IrDomain]?: IrDomain[K] } = {
    name: parsed.name,
    unicodeName: parsed.unicodeName,
    tag: parsed.tag,
    uniqueName: parsed.uniqueName,
    registrar,
    dnsProviders,
    nameservers,
    nameserverTtl,
    records,
    absent,
    handsOff,
  };
  if (safety) out.safety = safety;
  out.meta = metaToStrings(raw.meta) ?? {};
  if (src) out.source = src;
  if (defaultTtl !== undefined) out.defaultTtl = defaultTtl;
  if (autoDnssec) out.autoDnssec = autoDnssec;
  return out as IrDomain;
}

function normalizeAll(list: readonly InputRecord[], ctx: RecordContext): DnsRecord[] {
  const out: DnsRecord[] = [];
  if (!Array.isArray(list)) return out;
  for (const input of list) {
    const n = normalizeRecord(input, ctx);
    if (n) out.push(n);
  }
  return out;
}

function normalizeProviders(raw: DomainInput, declared: Declared, report: (code: string, message: string, at?: SourcePos) => void): IrDomainProvider[] {
  const out: IrDomainProvider[] = [];
  const seen = new Set<string>();
  for (const p of Array.isArray(raw.dnsProviders) ? raw.dnsProviders : []) {
    const at = p.source ?? raw.source;
    const name = typeof p.name === 'string' ? p.name : '';
    if (!declared.dnsProviders.has(name)) {
      const hint = declared.registrars.has(name) ? `; "${name}" is declared with NewRegistrar, not NewDnsProvider` : '';
      report('unknown-dns-provider', `DNS provider "${name}" is not declared with NewDnsProvider${hint}`, at);
      continue;
    }
    if (seen.has(name)) {
      report('duplicate-domain-provider', `DNS provider "${name}" is attached to this domain more than once`, at);
      continue;
    }
    seen.add(name);
    const count = p.nsCount;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < -1) {
      report('invalid-nameserver-count', `DnsProvider("${name}", n): n must be -1 (all), 0 (none) or a positive whole number, not ${JSON.stringify(count)}`, at);
      continue;
    }
    out.push({ name, nameserverCount: count });
  }
  return out;
}

/**
 * NAMESERVER() names follow DNSControl's rule for targets: a name without dots is relative to the
 * zone, one with dots must end with a dot (documentation/language-reference/domain-modifiers/
 * NAMESERVER.md, read 2026-11). The records layer's target parser applies it.
 */
function normalizeNameservers(raw: DomainInput, zone: string, domain: string, diagnostics: Diagnostic[]): IrDomain['nameservers'] {
  const out: { name: string; source?: SourcePos }[] = [];
  const seen = new Set<string>();
  for (const ns of Array.isArray(raw.nameservers) ? raw.nameservers : []) {
    const at = ns.source ?? raw.source;
    const bad = (code: string, why: string): void => void diagnostics.push(error(code, `NAMESERVER(${JSON.stringify(ns.name)}) ${why}`, at, domain));
    if (typeof ns.name !== 'string' || ns.name === '' || ns.name === '.') {
      bad('invalid-nameserver', 'needs a host name');
      continue;
    }
    if (isIpAddress(ns.name)) {
      bad('invalid-nameserver', 'must be a host name, not an IP address');
      continue;
    }
    let name: string;
    try {
      name = targetFromArg(ns.name, zone, 'NAMESERVER name');
    } catch (err) {
      if (!(err instanceof RdataError)) throw err;
      bad(err.code, err.message.replace(/^the NAMESERVER name "[^"]*" /, ''));
      continue;
    }
    const problem = nameSyntaxProblem(name.slice(0, -1));
    if (problem) {
      bad('invalid-nameserver', problem);
      continue;
    }
    if (seen.has(name)) {
      diagnostics.push(warning('duplicate-nameserver', `NAMESERVER(${JSON.stringify(ns.name)}) is given more than once`, at, domain));
      continue;
    }
    seen.add(name);
    out.push(ns.source ? { name, source: ns.source } : { name });
  }
  return out;
}

function normalizeSafety(raw: DomainInput['safety'], report: (code: string, message: string) => void): IrSafety | undefined {
  if (raw === undefined) return undefined;
  const out: { maxUpdateFraction?: number; maxDeleteFraction?: number; minExisting?: number } = {};
  for (const key of ['maxUpdateFraction', 'maxDeleteFraction'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) report('invalid-safety-threshold', `${key} must be a fraction from 0 to 1, not ${JSON.stringify(v)}`);
    else out[key] = v;
  }
  const min = raw.minExisting;
  if (min !== undefined) {
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 0) report('invalid-safety-threshold', `minExisting must be a whole number of records, not ${JSON.stringify(min)}`);
    else out.minExisting = min;
  }
  return out;
}
