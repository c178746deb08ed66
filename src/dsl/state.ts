import type { DomainDraft, ProviderDraft } from './draft.js';

/** Classless IPv4 reverse naming for REV() and PTR magic (REVCOMPAT). */
export type RevMode = 'rfc2317' | 'rfc4183';

/** Everything the config has declared so far. */
export interface DslState {
  readonly registrars: ProviderDraft[];
  readonly dnsProviders: ProviderDraft[];
  readonly domains: DomainDraft[];
  /** Names as getConfiguredDomains() returns them (empty `!` tag removed). */
  readonly domainNames: string[];
  /** Duplicate detection keys (see domainKey). */
  readonly domainKeys: Set<string>;
  /** DEFAULTS() arguments, applied before every later D()'s own. */
  defaults: unknown[];
  revMode: RevMode;
}

function fresh(): DslState {
  return {
    registrars: [],
    dnsProviders: [],
    domains: [],
    domainNames: [],
    domainKeys: new Set(),
    defaults: [],
    // DNSControl v4's default; v5 switches to RFC 4183.
    revMode: 'rfc2317',
  };
}

/** The recorder. One per isolate: the runtime is loaded once per evaluation. */
export const state: DslState = fresh();

/** Splits `example.com!tag` into its name and tag ('' when none). */
export function splitTag(name: string): { name: string; tag: string } {
  const bang = name.indexOf('!');
  if (bang < 0) return { name, tag: '' };
  return { name: name.slice(0, bang), tag: name.slice(bang + 1) };
}

/** Lower-case zone name without tag or trailing dot: what labels and targets are relative to. */
export function zoneOf(name: string): string {
  const bare = splitTag(name).name.toLowerCase();
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/** Identity of a declared domain for "declared more than once": zone plus tag (`example.com!` == `example.com`). */
export function domainKey(name: string): string {
  const { tag } = splitTag(name);
  return tag === '' ? zoneOf(name) : `${zoneOf(name)}!${tag}`;
}
