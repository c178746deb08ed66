/**
 * The DSL as globals, for DNSControl-style configs: add
 * `/// <reference types="zonesmith/globals" />` (package export "./globals") to dnsconfig.js/.ts
 * and use D, A, MX ... without importing them. Each global has the type of the same-named export
 * of index.ts; a test checks that this list equals DSL_GLOBALS.
 *
 * `require()` is not declared here: TypeScript users import instead, and declaring it would
 * clash with @types/node. `-v` variables are untyped; declare them where they are used
 * (`declare const env: string;`).
 */
import type * as dsl from './index.js';

export type {
  DomainModifier, DomainModifierFn, Duration, RecordModifier, RecordModifierFn, DomainMeta, RecordMeta,
} from './index.js';

declare global {
  /** Declares a zone. Modifiers: functions, arrays (flattened) or metadata objects; DEFAULTS() apply first. */
  const D: typeof dsl.D;
  /** Adds to a domain declared earlier. When `name` is a subdomain of it, labels are rewritten (`@` → `sub`, `www` → `www.sub`) and relative targets point into the subdomain. */
  const D_EXTEND: typeof dsl.D_EXTEND;
  /** Sets the modifiers applied to every later D() (before its own); each call replaces the previous set. */
  const DEFAULTS: typeof dsl.DEFAULTS;
  /** Declares a registrar: `NewRegistrar(name[, type][, meta])`; returns `name`, the handle D() takes. */
  const NewRegistrar: typeof dsl.NewRegistrar;
  /** Declares a DNS provider: `NewDnsProvider(name[, type][, meta])`; returns `name`, the handle DnsProvider() takes. */
  const NewDnsProvider: typeof dsl.NewDnsProvider;
  /** Macro: `D(domain, registrar, NO_PURGE)` plus one NAMESERVER() per entry: delegation to servers zonesmith does not manage. */
  const DOMAIN_ELSEWHERE: typeof dsl.DOMAIN_ELSEWHERE;
  /** Macro: `D(domain, registrar, NO_PURGE)` plus DnsProvider(p) for each provider: delegation to those providers' nameservers. */
  const DOMAIN_ELSEWHERE_AUTO: typeof dsl.DOMAIN_ELSEWHERE_AUTO;
  /** Domain modifier: copies the records another declared domain has at this point (e.g. across split-horizon tags). */
  const INCLUDE: typeof dsl.INCLUDE;
  /** The names of the domains declared so far, as written (an empty `!` tag removed). */
  const getConfiguredDomains: typeof dsl.getConfiguredDomains;
  /** `IP("1.2.3.4")`: the IPv4 address as a number; A() accepts numbers, so `IP("10.0.0.0") + 5` works. */
  const IP: typeof dsl.IP;
  /** `REV("192.0.2.0/24")` = `2.0.192.in-addr.arpa`: the reverse zone (or PTR name) of a block or address. */
  const REV: typeof dsl.REV;
  /** Chooses how REV() names classless IPv4 blocks: "rfc2317" (`0/25.2.0.192.in-addr.arpa`, the default) or "rfc4183" (`0-25.2.0.192...`). */
  const REVCOMPAT: typeof dsl.REVCOMPAT;
  /** Stops the evaluation with this message (DNSControl prints it and exits 1). */
  const PANIC: typeof dsl.PANIC;
  /** Defaults for `-v name=value` variables: each name not set on the command line becomes a global. */
  const CLI_DEFAULTS: typeof dsl.CLI_DEFAULTS;
  /** An empty object: lets the last argument of D() end with a comma in ES5-era configs. */
  const END: typeof dsl.END;
  /** Not available: configs are evaluated without network access (DNSControl needs --allow-fetch). */
  const FETCH: typeof dsl.FETCH;
  /** `HASH("SHA256", "text")`: hex digest of the UTF-8 text; algorithms SHA1, SHA256, SHA512 (as DNSControl). */
  const HASH: typeof dsl.HASH;
  /** A record: IPv4 address (a string, or a number from IP()). */
  const A: typeof dsl.A;
  /** AAAA record: IPv6 address. */
  const AAAA: typeof dsl.AAAA;
  /** ALIAS pseudo record: a CNAME-like alias allowed at the apex (providers flatten it). */
  const ALIAS: typeof dsl.ALIAS;
  /** CAA record: `CAA(name, tag, value[, CAA_CRITICAL])`; tag is issue, issuewild, iodef, issuemail, issuevmc ... */
  const CAA: typeof dsl.CAA;
  /** CNAME record: target is relative to the zone unless it ends with a dot. */
  const CNAME: typeof dsl.CNAME;
  /** DHCID record: base64 data. */
  const DHCID: typeof dsl.DHCID;
  /** DNAME record: redirects the whole subtree below the name. */
  const DNAME: typeof dsl.DNAME;
  /** DNSKEY record: flags, protocol (3), algorithm, base64 public key. */
  const DNSKEY: typeof dsl.DNSKEY;
  /** DS record: key tag, algorithm, digest type, hex digest. */
  const DS: typeof dsl.DS;
  /** HTTPS record: priority, target, SvcParams (`alpn=h2,h3 ipv4hint=...`; may be omitted). */
  const HTTPS: typeof dsl.HTTPS;
  /** LOC record: `LOC(name, d1, m1, s1, "N"|"S", d2, m2, s2, "E"|"W", altitude, size, horizprecision, vertprecision)` (metres). */
  const LOC: typeof dsl.LOC;
  /** MX record: preference, mail exchanger (`.` for a null MX). */
  const MX: typeof dsl.MX;
  /** NAPTR record: order, preference, flags, service, regexp, replacement. */
  const NAPTR: typeof dsl.NAPTR;
  /** NS record: delegates a subdomain (use NAMESERVER for the apex). */
  const NS: typeof dsl.NS;
  /** OPENPGPKEY record: the key, hex or base64. */
  const OPENPGPKEY: typeof dsl.OPENPGPKEY;
  /** PTR record; in a reverse zone the name may be a full IP address or a REV() name. */
  const PTR: typeof dsl.PTR;
  /** RP record: responsible person's mailbox (as a name) and a TXT name. */
  const RP: typeof dsl.RP;
  /** SMIMEA record: usage, selector, matching type, certificate data; `._smimecert` is appended to the name. */
  const SMIMEA: typeof dsl.SMIMEA;
  /** SOA record (only at `@`; BIND-style providers): primary NS, mailbox, refresh, retry, expire, minimum. */
  const SOA: typeof dsl.SOA;
  /** SRV record: priority, weight, port, target. */
  const SRV: typeof dsl.SRV;
  /** SSHFP record: algorithm, fingerprint type, hex fingerprint. */
  const SSHFP: typeof dsl.SSHFP;
  /** SVCB record: priority, target, SvcParams (may be omitted). */
  const SVCB: typeof dsl.SVCB;
  /** TLSA record: usage, selector, matching type, certificate association data. */
  const TLSA: typeof dsl.TLSA;
  /** TXT record: one logical string; an array is joined (splitting into 255-byte strings is the provider's job). */
  const TXT: typeof dsl.TXT;
  /** Route 53 alias: `R53_ALIAS(name, type, target[, R53_ZONE(id)][, R53_EVALUATE_TARGET_HEALTH(bool)])`; the two options become record meta (`r53_alias_zone_id`, `r53_alias_evaluate_target_health`). */
  const R53_ALIAS: typeof dsl.R53_ALIAS;
  /** Domain modifier: serve the domain from this DNS provider. `nsCount` omitted (-1) = all its nameservers take part in delegation; 0 = none (a shadow copy); n = the first n. */
  const DnsProvider: typeof dsl.DnsProvider;
  /** TTL for the records that follow in this D() (records take the value current when they are added). */
  const DefaultTTL: typeof dsl.DefaultTTL;
  /** Adds an explicit nameserver for delegation (and the apex NS records). */
  const NAMESERVER: typeof dsl.NAMESERVER;
  /** TTL of the apex NS records generated for the domain's nameservers (default 300). */
  const NAMESERVER_TTL: typeof dsl.NAMESERVER_TTL;
  /** Never delete records that exist at the provider but not in the config. */
  const NO_PURGE: typeof dsl.NO_PURGE;
  /** Delete records that are not in the config (the default; undoes NO_PURGE). */
  const PURGE: typeof dsl.PURGE;
  /** Hands-off rule: leave existing records alone whose label, type and target match the globs (each defaults to `*`; types is a comma-separated list). */
  const IGNORE: typeof dsl.IGNORE;
  /** `IGNORE(name, types)`: leave existing records at matching labels alone. */
  const IGNORE_NAME: typeof dsl.IGNORE_NAME;
  /** `IGNORE("*", type, target)`: leave existing records with matching targets alone. */
  const IGNORE_TARGET: typeof dsl.IGNORE_TARGET;
  /** Leave alone the records Kubernetes external-dns owns (found through its TXT ownership records). */
  const IGNORE_EXTERNAL_DNS: typeof dsl.IGNORE_EXTERNAL_DNS;
  /** Allow desired records that also match an IGNORE rule (otherwise an error). */
  const DISABLE_IGNORE_SAFETY_CHECK: typeof dsl.DISABLE_IGNORE_SAFETY_CHECK;
  /** Ask the DNS provider to sign the zone (managed DNSSEC). */
  const AUTODNSSEC_ON: typeof dsl.AUTODNSSEC_ON;
  /** Ask the DNS provider to stop signing the zone. */
  const AUTODNSSEC_OFF: typeof dsl.AUTODNSSEC_OFF;
  /** Deprecated in DNSControl and a no-op there too; use AUTODNSSEC_ON or AUTODNSSEC_OFF. */
  const AUTODNSSEC: typeof dsl.AUTODNSSEC;
  /** Cloudflare domain setting: proxy records by default. */
  const CF_PROXY_DEFAULT_ON: typeof dsl.CF_PROXY_DEFAULT_ON;
  /** Cloudflare domain setting: do not proxy records by default (the default). */
  const CF_PROXY_DEFAULT_OFF: typeof dsl.CF_PROXY_DEFAULT_OFF;
  /** Cloudflare domain setting: turn Universal SSL on. */
  const CF_UNIVERSALSSL_ON: typeof dsl.CF_UNIVERSALSSL_ON;
  /** Cloudflare domain setting: turn Universal SSL off. */
  const CF_UNIVERSALSSL_OFF: typeof dsl.CF_UNIVERSALSSL_OFF;
  /** Cloudflare domain setting: manage record comments (CF_COMMENT). */
  const CF_MANAGE_COMMENTS: typeof dsl.CF_MANAGE_COMMENTS;
  /** Cloudflare domain setting: manage record tags (CF_TAGS; paid plans). */
  const CF_MANAGE_TAGS: typeof dsl.CF_MANAGE_TAGS;
  /** Route 53: on D(), pick the hosted zone by id (meta `zone_id`) when several have the name; on R53_ALIAS, the hosted zone of the alias target. */
  const R53_ZONE: typeof dsl.R53_ZONE;
  /** Record modifier: this record's TTL (overrides DefaultTTL). */
  const TTL: typeof dsl.TTL;
  /** Record modifier for CAA: sets the critical flag (128). */
  const CAA_CRITICAL: typeof dsl.CAA_CRITICAL;
  /** Record modifier: make sure this record does not exist (deleted even under NO_PURGE). */
  const ENSURE_ABSENT_REC: typeof dsl.ENSURE_ABSENT_REC;
  /** Record modifier: allow a label that repeats the domain name (`foo.example.com` inside `example.com`). */
  const DISABLE_REPEATED_DOMAIN_CHECK: typeof dsl.DISABLE_REPEATED_DOMAIN_CHECK;
  /** Cloudflare: proxy this record (orange cloud). */
  const CF_PROXY_ON: typeof dsl.CF_PROXY_ON;
  /** Cloudflare: do not proxy this record (the default). */
  const CF_PROXY_OFF: typeof dsl.CF_PROXY_OFF;
  /** Cloudflare: proxy with Railgun (legacy). */
  const CF_PROXY_FULL: typeof dsl.CF_PROXY_FULL;
  /** Cloudflare: flatten this CNAME (paid plans). */
  const CF_CNAME_FLATTEN_ON: typeof dsl.CF_CNAME_FLATTEN_ON;
  /** Cloudflare: do not flatten this CNAME (the default). */
  const CF_CNAME_FLATTEN_OFF: typeof dsl.CF_CNAME_FLATTEN_OFF;
  /** Cloudflare record modifier: the record's comment (needs CF_MANAGE_COMMENTS). */
  const CF_COMMENT: typeof dsl.CF_COMMENT;
  /** Cloudflare record modifier: the record's tags (needs CF_MANAGE_TAGS). */
  const CF_TAGS: typeof dsl.CF_TAGS;
  /** Route 53 R53_ALIAS modifier: evaluate the target's health. */
  const R53_EVALUATE_TARGET_HEALTH: typeof dsl.R53_EVALUATE_TARGET_HEALTH;
  /** Route 53 weighted routing: weight 0-255 and the set identifier (unique in the weighted group). */
  const R53_WEIGHT: typeof dsl.R53_WEIGHT;
  /** Route 53: associate a health check with the record. */
  const R53_HEALTH_CHECK_ID: typeof dsl.R53_HEALTH_CHECK_ID;
  /** An SPF TXT record from its parts, e.g. `SPF_BUILDER({ parts: ["v=spf1", "ip4:192.0.2.0/24", "include:_spf.google.com", "~all"], overflow: "_spf%d" })`. */
  const SPF_BUILDER: typeof dsl.SPF_BUILDER;
  /** One TXT record at `_dmarc[.label]`, e.g. `DMARC_BUILDER({ policy: "reject", rua: ["mailto:dmarc@example.com"] })`. */
  const DMARC_BUILDER: typeof dsl.DMARC_BUILDER;
  /** One DKIM TXT record, e.g. `DKIM_BUILDER({ selector: "s1", pubkey: "MIIB..." })`. */
  const DKIM_BUILDER: typeof dsl.DKIM_BUILDER;
  /** One CAA record per CA (and one iodef), e.g. `CAA_BUILDER({ issue: ["letsencrypt.org"], issuewild: "none" })`. */
  const CAA_BUILDER: typeof dsl.CAA_BUILDER;
  /** Microsoft 365 records for `domain`. As in DNSControl (verified against pkg/js/helpers.js, 2026-11), only the MX honours `label`; the CNAMEs and SRVs are always written at the zone's apex names. */
  const M365_BUILDER: typeof dsl.M365_BUILDER;
  /** LOC record from decimal degrees: `LOC_BUILDER_DD({ x: 51.5007, y: -0.1246, alt: 42 })`. */
  const LOC_BUILDER_DD: typeof dsl.LOC_BUILDER_DD;
  /** LOC record from degrees and decimal minutes text: `LOC_BUILDER_DMM_STR({ str: "25.24°S 153.15°E" })`. */
  const LOC_BUILDER_DMM_STR: typeof dsl.LOC_BUILDER_DMM_STR;
  /** LOC record from degrees/minutes/seconds text: `LOC_BUILDER_DMS_STR({ str: "33°51′31″S 151°12′51″E" })`. */
  const LOC_BUILDER_DMS_STR: typeof dsl.LOC_BUILDER_DMS_STR;
  /** LOC record from either text form (DMM tried first, then DMS). */
  const LOC_BUILDER_STR: typeof dsl.LOC_BUILDER_STR;
  /** Deprecated no-op kept for old configs: returns its argument (long TXT records need no help). */
  const DKIM: typeof dsl.DKIM;
  /** Deprecated no-op kept for old configs: an empty metadata object. */
  const AUTOSPLIT: typeof dsl.AUTOSPLIT;
  /** zonesmith: per-domain safety thresholds (percentages), applied to every push of this domain. */
  const SAFETY_THRESHOLDS: typeof dsl.SAFETY_THRESHOLDS;
  /** zonesmith: publish a TXT record at `label` naming the commit that produced the zone's state (meta `zonesmith_record_version`). */
  const RECORD_VERSION: typeof dsl.RECORD_VERSION;
  /** Loads every `.js` file under `dir` (resolved by the loader at bundle time); returns the file list. */
  function require_glob(dir: string, recursive?: boolean): string[];
}
