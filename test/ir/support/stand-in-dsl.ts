import vm from 'node:vm';
import type { RawConfig, RawDomain, RawProvider, RawRecord, RawSource } from '../../../src/dsl/raw-types.js';
import { RECORD_TYPES } from '../../../src/records/types.js';

/**
 * STAND-IN for src/load + src/dsl until they land: evaluates a DNSControl-style .js config with
 * node:vm and a small DSL that records the same RawConfig shape, positions taken from the call
 * stack. Only for the IR tests; it is not a sandbox and supports just what the fixtures use.
 */
export function evaluateStandIn(code: string, file: string): RawConfig {
  const registrars: RawProvider[] = [];
  const dnsProviders: RawProvider[] = [];
  const domains: Mutable<RawDomain>[] = [];

  const here = (): RawSource | undefined => {
    const stack = new Error().stack ?? '';
    for (const line of stack.split('\n')) {
      const m = /\((?:.*[/\\])?([^/\\()]+):(\d+):(\d+)\)$|at (?:.*[/\\])?([^/\\( ]+):(\d+):(\d+)$/.exec(line.trim());
      const name = m?.[1] ?? m?.[4];
      if (name === file) return { file, line: Number(m?.[2] ?? m?.[5]), column: Number(m?.[3] ?? m?.[6]) };
    }
    return undefined;
  };

  type Mod = ((d: Mutable<RawDomain>) => void) | Record<string, unknown> | Mod[];
  const apply = (d: Mutable<RawDomain>, m: Mod): void => {
    if (typeof m === 'function') m(d);
    else if (Array.isArray(m)) for (const x of m) apply(d, x);
    else if (m && typeof m === 'object') Object.assign(d.meta, m);
  };

  const decl = (list: RawProvider[]) => (name: string, type?: unknown, meta?: unknown): string => {
    const t = typeof type === 'string' && type !== '-' ? type : null;
    const m = (typeof type === 'object' && type ? type : meta) as Record<string, unknown> | undefined;
    const source = here();
    list.push({ name, type: t, meta: m ?? {}, ...(source ? { source } : {}) });
    return name;
  };

  const record = (type: string) => (label: string, ...rest: unknown[]) => {
    const source = here();
    return (d: Mutable<RawDomain>): void => {
      const r: Mutable<RawRecord> & { absent?: boolean } = { type, label, args: [], meta: {}, ...(source ? { source } : {}) };
      if (d.defaultTtl !== undefined) r.ttl = d.defaultTtl;
      const args: unknown[] = [];
      let critical = false;
      for (const a of rest) {
        if (typeof a === 'function') (a as (r: unknown) => void)(r);
        else if (a === CAA_CRITICAL) critical = true;
        else if (a && typeof a === 'object' && !Array.isArray(a)) Object.assign(r.meta, a);
        else args.push(Array.isArray(a) ? a.join('') : a);
      }
      if (type === 'CAA') args.unshift(critical ? 128 : 0);
      if (type === 'SOA') args.splice(2, 0, 0);
      r.args = args;
      const absent = r.absent === true;
      delete r.absent;
      ((absent ? d.absent : d.records) as RawRecord[]).push(r);
    };
  };

  const CAA_CRITICAL = { caa_critical: true };
  const globals: Record<string, unknown> = {
    NewRegistrar: decl(registrars),
    NewDnsProvider: decl(dnsProviders),
    D: (name: string, registrar: string, ...mods: Mod[]) => {
      const source = here();
      const d: Mutable<RawDomain> = {
        name, registrar, dnsProviders: [], records: [], absent: [], nameservers: [], noPurge: false,
        ignores: [], disableIgnoreSafetyCheck: false, meta: {}, ...(source ? { source } : {}),
      };
      for (const m of mods) apply(d, m);
      domains.push(d);
    },
    DnsProvider: (name: string, nsCount = -1) => {
      const source = here();
      return (d: Mutable<RawDomain>) => void (d.dnsProviders as unknown[]).push({ name, nsCount, ...(source ? { source } : {}) });
    },
    DefaultTTL: (v: number) => (d: Mutable<RawDomain>) => void (d.defaultTtl = v),
    NAMESERVER_TTL: (v: number) => (d: Mutable<RawDomain>) => void (d.nameserverTtl = v),
    NAMESERVER: (name: string) => {
      const source = here();
      return (d: Mutable<RawDomain>) => void (d.nameservers as unknown[]).push({ name, ...(source ? { source } : {}) });
    },
    NO_PURGE: (d: Mutable<RawDomain>) => void (d.noPurge = true),
    DISABLE_IGNORE_SAFETY_CHECK: (d: Mutable<RawDomain>) => void (d.disableIgnoreSafetyCheck = true),
    IGNORE_EXTERNAL_DNS: (prefix = '') => (d: Mutable<RawDomain>) => void (d.ignoreExternalDns = { prefix }),
    AUTODNSSEC_ON: (d: Mutable<RawDomain>) => void (d.autoDnssec = 'on'),
    IGNORE: (label: string, types = '*', target = '*') => {
      const source = here();
      return (d: Mutable<RawDomain>) => void (d.ignores as unknown[]).push({ label, types, target, ...(source ? { source } : {}) });
    },
    TTL: (v: number) => (r: Mutable<RawRecord>) => void (r.ttl = v),
    ENSURE_ABSENT_REC: () => (r: { absent?: boolean }) => void (r.absent = true),
    DISABLE_REPEATED_DOMAIN_CHECK: (r: Mutable<RawRecord>) => void (r.allowRepeatedDomain = true),
    CAA_CRITICAL,
    IP: (s: string) => s.split('.').reduce((n, o) => n * 256 + Number(o), 0),
  };
  for (const t of [...RECORD_TYPES, 'R53_ALIAS', 'FOO']) {
    globals[t] = record(t);
  }
  vm.runInNewContext(code, globals, { filename: file });
  return { registrars, dnsProviders, domains };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
