/**
 * The DSL's public types, shared by the import form (index.ts) and the global form (globals.ts).
 * Modifier types are branded so that a record modifier handed to D(), or a domain modifier handed
 * to a record builder, is a type error (at run time it is a DslError).
 */

declare const DOMAIN_MODIFIER: unique symbol;
declare const RECORD_MODIFIER: unique symbol;

/** A modifier function made by the DSL that changes a domain (`NO_PURGE`, `DnsProvider(...)`, `A(...)`). */
export interface DomainModifierFn {
  readonly [DOMAIN_MODIFIER]: true;
}

/** A modifier function made by the DSL that changes one record (`TTL(300)`, `CAA_CRITICAL`). */
export interface RecordModifierFn {
  readonly [RECORD_MODIFIER]: true;
}

/** Metadata values as DNSControl passes them on (the host turns them into strings). */
export type MetaValue = string | number | boolean;

/** A plain object merged into the domain's metadata (`{ no_ns: "true" }`, `CF_PROXY_DEFAULT_ON`). */
export type DomainMeta = { readonly [key: string]: MetaValue };

/** A plain object merged into a record's metadata (`{ cloudflare_proxy: "on" }`, `CF_PROXY_ON`). */
export type RecordMeta = { readonly [key: string]: MetaValue };

/** What D(), D_EXTEND() and DEFAULTS() accept: modifier functions, metadata objects, nested arrays. */
export type DomainModifier = DomainModifierFn | DomainMeta | readonly DomainModifier[];

/** What record builders accept after their data arguments: modifier functions and metadata objects. */
export type RecordModifier = RecordModifierFn | RecordMeta;

/** A TTL: seconds as a number, or a string with an optional unit s m h d w n(=30 days) y. */
export type Duration = number | `${number}${'s' | 'm' | 'h' | 'd' | 'w' | 'n' | 'y' | ''}`;

/** A modifier constant that may be written with or without parentheses (`NO_PURGE` or `NO_PURGE()`). */
export type DomainFlag = DomainModifierFn & (() => DomainModifierFn);

/** A record modifier constant usable with or without parentheses (`CAA_CRITICAL`). */
export type RecordFlag = RecordModifierFn & (() => RecordModifierFn);

/** Record types R53_ALIAS can stand in for (Route 53's alias target types). */
export type R53AliasType = 'A' | 'AAAA' | 'CNAME' | 'CAA' | 'MX' | 'TXT' | 'PTR' | 'SPF' | 'SRV' | 'NAPTR';
