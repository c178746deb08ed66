/**
 * The JSON the sandboxed config produces: the DSL's calls recorded as data, not yet validated.
 * This file is the contract between the DSL (which runs in the sandbox and imports nothing from the
 * host) and the host, which imports these types only (`import type`) and validates the JSON against
 * them before use; nothing here is trusted.
 *
 * Positions (`pos`) are bundle coordinates captured in the sandbox; the loader maps each one back
 * through the source map and replaces it with `source` (file, line, column of dnsconfig.ts).
 * Calls the loader numbered at bundle time carry `site` instead of `pos` (see RawPositioned).
 */

/** A position in the bundled script: 1-based line and column. */
export interface RawPos {
  readonly line: number;
  readonly column: number;
}

/** Where something was written, after the loader mapped it (file relative to the working directory). */
export interface RawSource {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Fields every positioned raw object has; the loader turns `pos` into `source`. */
export interface RawPositioned {
  readonly pos?: RawPos;
  /**
   * Instead of `pos`: the number the loader gave this call site when it bundled the config
   * (src/load/call-sites.ts; a positive integer). The loader replaces it with `source` too.
   */
  readonly site?: number;
  readonly source?: RawSource;
}

/** `NewRegistrar(name, type?, meta?)` / `NewDnsProvider(name, type?, meta?)`. */
export interface RawProvider extends RawPositioned {
  readonly name: string;
  /** null when omitted or `-`: the type then comes from creds.json. */
  readonly type: string | null;
  readonly meta: Record<string, unknown>;
}

/**
 * One record builder call (`MX("@", 10, "mail", TTL(600))`).
 * `args` are the record's rdata fields in presentation order as JS values, after the DSL's own
 * conveniences: TXT arrays joined into one string, `IP()` numbers turned into dotted quads, the CAA
 * flag (0, or 128 with CAA_CRITICAL) placed first, SOA's serial as 0. Targets stay as written
 * (relative or absolute); the host resolves and checks them.
 *
 * `args` per type, as the DSL writes them (values are whatever the config passed; the host checks):
 * A, AAAA `[address]` · CNAME, ALIAS, NS, PTR, DNAME `[target]` · MX `[preference, exchange]` ·
 * TXT `[text]` · SRV `[priority, weight, port, target]` · CAA `[flag, tag, value]` ·
 * SOA `[mname, rname, 0, refresh, retry, expire, minimum]` · SSHFP `[algorithm, fptype, fingerprint]` ·
 * TLSA, SMIMEA `[usage, selector, matchingType, data]` · DS `[keyTag, algorithm, digestType, digest]` ·
 * DNSKEY `[flags, protocol, algorithm, publicKey]` · NAPTR `[order, preference, flags, service, regexp, replacement]` ·
 * HTTPS, SVCB `[priority, target, params]` (params `""` when omitted) ·
 * LOC `[d1, m1, s1, "N"|"S", d2, m2, s2, "E"|"W", altitude, size, horizPrecision, vertPrecision]` (metres) ·
 * DHCID `[digest]` · OPENPGPKEY `[key]` · RP `[mbox, txtName]` · R53_ALIAS `[type, target]` (the
 * alias options are meta: `r53_alias_zone_id`, `r53_alias_evaluate_target_health: "true"`).
 *
 * Labels: PTR name magic has already run in reverse zones (`"192.0.2.10"` or `REV(...)` became the
 * relative label); SMIMEA labels carry `._smimecert`. Inside D_EXTEND("sub.zone") labels are
 * `x.sub` / `sub`, and bare relative targets of CNAME, ALIAS, MX, NS and SRV were made absolute
 * (`mail` → `mail.sub.zone.`) so the host may resolve every remaining relative name against the zone.
 */
export interface RawRecord extends RawPositioned {
  /** Upper-case type (`MX`), or a provider pseudo type (`R53_ALIAS`, `CF_SINGLE_REDIRECT`). */
  readonly type: string;
  /** The label as written (`@`, `www`, `www.example.com.`), after D_EXTEND's rewriting. */
  readonly label: string;
  readonly args: readonly unknown[];
  /** TTL in seconds: from TTL(), else the domain's DefaultTTL at the time, else undefined (host default 300). */
  readonly ttl?: number;
  /**
   * Record metadata from plain objects and provider modifiers (`cloudflare_proxy: "on"`). Absent
   * when the record has none, which is almost always: an empty object on each of 100,000 records
   * cost the host's JSON.parse about a third of its time. Absent and `{}` mean the same.
   */
  readonly meta?: Record<string, unknown>;
  /** DISABLE_REPEATED_DOMAIN_CHECK was applied (or meta `skip_fqdn_check: "true"` was given). */
  readonly allowRepeatedDomain?: boolean;
}

/** `IGNORE(label, types, target)` and its sugar. */
export interface RawIgnore extends RawPositioned {
  readonly label: string;
  readonly types: string;
  readonly target: string;
}

/** One `D(name, registrar, ...modifiers)` after all modifiers (and D_EXTEND) ran. */
export interface RawDomain extends RawPositioned {
  /** As written: may carry `!tag`, Unicode, upper case or a trailing dot. */
  readonly name: string;
  readonly registrar: string;
  readonly dnsProviders: readonly ({ readonly name: string; readonly nsCount: number } & RawPositioned)[];
  readonly records: readonly RawRecord[];
  /** Records given ENSURE_ABSENT_REC(). */
  readonly absent: readonly RawRecord[];
  readonly nameservers: readonly ({ readonly name: string } & RawPositioned)[];
  /** NAMESERVER_TTL, seconds. */
  readonly nameserverTtl?: number;
  /** The last DefaultTTL() of the domain, seconds. */
  readonly defaultTtl?: number;
  /** true after NO_PURGE (PURGE sets it back to false). */
  readonly noPurge: boolean;
  readonly ignores: readonly RawIgnore[];
  /** Set by IGNORE_EXTERNAL_DNS(prefix?). */
  readonly ignoreExternalDns?: { readonly prefix: string };
  readonly disableIgnoreSafetyCheck: boolean;
  /** AUTODNSSEC_ON / AUTODNSSEC_OFF; absent = leave alone. */
  readonly autoDnssec?: 'on' | 'off';
  /** Domain metadata from plain objects (`{no_ns: "true"}`) and provider domain modifiers. */
  readonly meta: Record<string, unknown>;
  /** Safety thresholds set in the DSL (see IrSafety), fractions 0..1. */
  readonly safety?: { readonly maxUpdateFraction?: number; readonly maxDeleteFraction?: number; readonly minExisting?: number };
}

/** Everything a config declared. */
export interface RawConfig {
  readonly registrars: readonly RawProvider[];
  readonly dnsProviders: readonly RawProvider[];
  readonly domains: readonly RawDomain[];
}
