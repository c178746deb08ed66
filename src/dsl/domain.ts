import type { DomainCtx, DomainDraft } from './draft.js';
import { DslError, show } from './errors.js';
import { applyDomainModifier, describe, domainModifier, registerCallable } from './modifier.js';
import { callWith, entryPos, type Pos } from './pos.js';
import { domainKey, splitTag, state, zoneOf } from './state.js';
import type { DomainModifier } from './types.js';
import { NAMESERVER, NO_PURGE } from './domain-modifiers.js';
import { DnsProvider } from './providers.js';
import { domainChanging, streamCompleted } from './stream.js';

function newDomain(name: string, registrar: string, pos: Pos | undefined): DomainDraft {
  return {
    name,
    registrar,
    pos,
    zone: zoneOf(name),
    tag: splitTag(name).tag,
    dnsProviders: new Map(),
    records: [],
    absent: [],
    nameservers: [],
    nameserverTtl: undefined,
    defaultTtl: undefined,
    noPurge: false,
    ignores: [],
    ignoreExternalDns: undefined,
    disableIgnoreSafetyCheck: false,
    autoDnssec: undefined,
    meta: {},
    safety: undefined,
  };
}

function requireName(fn: string, name: unknown): string {
  if (typeof name !== 'string' || name === '') {
    throw new DslError('dsl-bad-argument', `${fn}: the first argument must be the domain name (a non-empty string), not ${show(name)}`);
  }
  return name;
}

/** Declares a zone. Modifiers: functions, arrays (flattened) or metadata objects; DEFAULTS() apply first. */
export const D = registerCallable('D', function D(name: string, registrar: string, ...modifiers: DomainModifier[]): void {
  const pos = entryPos(D);
  // The domains declared so far are complete: the loader may take them while the config runs on.
  streamCompleted();
  requireName('D', name);
  const where = `D(${JSON.stringify(name)})`;
  if (typeof registrar !== 'string') {
    throw new DslError(
      'dsl-bad-argument',
      `${where}: the second argument must be the registrar (the name NewRegistrar returned, or "none"), not ${describe(registrar)}`,
    );
  }
  const d = newDomain(name, registrar, pos);
  const ctx: DomainCtx = { d, sub: '', where };
  state.defaults.forEach((m, i) => applyDomainModifier({ ...ctx, where: 'DEFAULTS()' }, m, i + 1));
  modifiers.forEach((m, i) => applyDomainModifier(ctx, m, i + 3));
  const key = domainKey(name);
  if (state.domainKeys.has(key)) {
    const emptyTag = name.endsWith('!') ? ' (check empty tags: "x!" is the same as "x")' : '';
    throw new DslError('dsl-duplicate-domain', `${where}: ${name.endsWith('!') ? name.slice(0, -1) : name} is declared more than once${emptyTag}`);
  }
  state.domainKeys.add(key);
  state.domains.push(d);
  state.domainNames.push(name.endsWith('!') ? name.slice(0, -1) : name);
});

/**
 * The declared domain that D_EXTEND/INCLUDE `name` refers to: the longest one equal to it or a
 * parent of it, with the same split-horizon tag. Compared case-insensitively.
 */
export function findDomain(name: string): DomainDraft | undefined {
  const zone = zoneOf(name);
  const { tag } = splitTag(name);
  let best: DomainDraft | undefined;
  for (const d of state.domains) {
    if (d.tag !== tag) continue;
    if (zone === d.zone || zone.endsWith(`.${d.zone}`)) {
      if (!best || d.zone.length > best.zone.length) best = d;
    }
  }
  return best;
}

function notDeclared(fn: string, name: string): DslError {
  return new DslError('dsl-unknown-domain', `${fn}(${JSON.stringify(name)}): ${name} was not declared yet and therefore cannot be updated; use D() before`);
}

/**
 * Adds to a domain declared earlier. When `name` is a subdomain of it, labels are rewritten
 * (`@` → `sub`, `www` → `www.sub`) and relative targets point into the subdomain.
 */
export const D_EXTEND = registerCallable('D_EXTEND', function D_EXTEND(name: string, ...modifiers: DomainModifier[]): void {
  requireName('D_EXTEND', name);
  const d = findDomain(name);
  if (!d) throw notDeclared('D_EXTEND', name);
  domainChanging(d);
  let bare = splitTag(name).name;
  if (bare.endsWith('.')) bare = bare.slice(0, -1);
  // A REV() name of a classless block ("128/25.2.0.192.in-addr.arpa") extends its parent zone.
  if (bare.includes('/')) bare = bare.slice(bare.indexOf('.') + 1);
  const sub = bare.length > d.zone.length ? bare.slice(0, bare.length - d.zone.length - 1) : '';
  const ctx: DomainCtx = { d, sub, where: `D_EXTEND(${JSON.stringify(name)})` };
  modifiers.forEach((m, i) => applyDomainModifier(ctx, m, i + 2));
});

/** Sets the modifiers applied to every later D() (before its own); each call replaces the previous set. */
export const DEFAULTS = registerCallable('DEFAULTS', function DEFAULTS(...modifiers: DomainModifier[]): void {
  state.defaults = modifiers;
});

/** Domain modifier: copies the records another declared domain has at this point (e.g. across split-horizon tags). */
export const INCLUDE = registerCallable('INCLUDE', function INCLUDE(name: string) {
  requireName('INCLUDE', name);
  const source = findDomain(name);
  if (!source) throw notDeclared('INCLUDE', name);
  return domainModifier(`INCLUDE(${JSON.stringify(name)})`, (ctx) => {
    for (const r of source.records) ctx.d.records.push({ ...r, args: [...r.args], meta: { ...r.meta } });
  });
});

/** The names of the domains declared so far, as written (an empty `!` tag removed). */
export function getConfiguredDomains(): string[] {
  return [...state.domainNames];
}

/** Macro: `D(domain, registrar, NO_PURGE)` plus one NAMESERVER() per entry: delegation to servers zonesmith does not manage. */
export const DOMAIN_ELSEWHERE = registerCallable('DOMAIN_ELSEWHERE', function DOMAIN_ELSEWHERE(domain: string, registrar: string, nslist: readonly string[]): void {
  const pos = entryPos(DOMAIN_ELSEWHERE);
  if (!Array.isArray(nslist)) {
    throw new DslError('dsl-bad-argument', `DOMAIN_ELSEWHERE(${JSON.stringify(domain)}): the third argument must be an array of nameserver names, not ${show(nslist)}`);
  }
  callWith(pos, D, domain, registrar, NO_PURGE);
  for (const ns of nslist) D_EXTEND(domain, callWith(pos, NAMESERVER, ns));
});

/** Macro: `D(domain, registrar, NO_PURGE)` plus DnsProvider(p) for each provider: delegation to those providers' nameservers. */
export const DOMAIN_ELSEWHERE_AUTO = registerCallable('DOMAIN_ELSEWHERE_AUTO', function DOMAIN_ELSEWHERE_AUTO(domain: string, registrar: string, ...dsps: string[]): void {
  const pos = entryPos(DOMAIN_ELSEWHERE_AUTO);
  callWith(pos, D, domain, registrar, NO_PURGE);
  for (const p of dsps) D_EXTEND(domain, callWith(pos, DnsProvider, p));
});

/** An empty object: lets the last argument of D() end with a comma in ES5-era configs. */
export const END: Readonly<Record<string, never>> = Object.freeze({});

