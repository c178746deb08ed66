import type { DnsRecord } from '../records/types.js';
import type { SourcePos } from './source.js';

/** The IR format version; bump on any incompatible change and document it in docs/ir.md. */
export const IR_VERSION = 1;

/**
 * The validated, normalised intermediate representation of a whole config: what `print-ir` prints
 * and `--ir file.json` reads. Everything after evaluation (diff, plan, providers) works from this.
 */
export interface IrConfig {
  readonly version: typeof IR_VERSION;
  readonly registrars: readonly IrProviderDecl[];
  readonly dnsProviders: readonly IrProviderDecl[];
  readonly domains: readonly IrDomain[];
}

/** A `NewRegistrar` / `NewDnsProvider` declaration. */
export interface IrProviderDecl {
  /** The handle used in `D()` and as the key in creds.json. */
  readonly name: string;
  /** Provider type (`BIND`, `ROUTE53`); undefined when it comes from creds.json's `TYPE`. */
  readonly type?: string;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly source?: SourcePos;
}

/** A DNS provider attached to a domain with `DnsProvider(name, nsCount)`. */
export interface IrDomainProvider {
  readonly name: string;
  /** -1: all of its nameservers take part in delegation; 0: none (a shadow copy); n: the first n. */
  readonly nameserverCount: number;
}

/** One `IGNORE(labelGlob, types, targetGlob)` rule; `IGNORE_NAME` and `IGNORE_TARGET` are sugar for it. */
export interface IrIgnoreRule {
  /** Glob on the label relative to the zone (`@` for the apex); as in DNSControl, `*` matches dots too. */
  readonly label: string;
  /** Comma-separated types, or `*` for any. */
  readonly types: string;
  /** Glob on the record's target (see RecordTypeModule.target), `*` for any. */
  readonly target: string;
  readonly source?: SourcePos;
}

/** Hands-off rules: which existing records the reconciler must leave alone. */
export interface IrHandsOff {
  /** false under NO_PURGE: records not in the config are never deleted. */
  readonly purge: boolean;
  readonly ignores: readonly IrIgnoreRule[];
  /** Set by IGNORE_EXTERNAL_DNS; the TXT ownership-record prefix ('' when none). */
  readonly externalDnsPrefix?: string;
  /** DISABLE_IGNORE_SAFETY_CHECK: desired records may match an IGNORE rule. */
  readonly disableIgnoreSafetyCheck: boolean;
}

/** Safety thresholds for a zone (octoDNS semantics); defaults apply when absent. */
export interface IrSafety {
  /** Refuse when more than this fraction of existing records would be updated (default 0.3). */
  readonly maxUpdateFraction?: number;
  /** Refuse when more than this fraction of existing records would be deleted (default 0.3). */
  readonly maxDeleteFraction?: number;
  /** The thresholds apply only to zones with at least this many existing records (default 10). */
  readonly minExisting?: number;
}

/** One zone as the config declares it. */
export interface IrDomain {
  /** ASCII (punycode) name, lower-case, no trailing dot, without the split-horizon tag. */
  readonly name: string;
  /** The name in Unicode, for display. */
  readonly unicodeName: string;
  /** Split-horizon tag from `D("example.com!inside")`, '' when none. */
  readonly tag: string;
  /** `name` or `name!tag`: unique among domains; what `--domains` matches. */
  readonly uniqueName: string;
  readonly registrar: string;
  readonly dnsProviders: readonly IrDomainProvider[];
  /** Explicit `NAMESERVER()` names, absolute with a trailing dot. */
  readonly nameservers: readonly { readonly name: string; readonly source?: SourcePos }[];
  /** TTL for the apex NS records the reconciler adds (`NAMESERVER_TTL`, default 300). */
  readonly nameserverTtl: number;
  /** Desired records, normalised (see DnsRecord). */
  readonly records: readonly DnsRecord[];
  /** `ENSURE_ABSENT_REC()` records: deleted even under NO_PURGE. */
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly safety?: IrSafety;
  /** Domain metadata (`{no_ns: "true"}`, provider settings such as `cloudflare_proxy_default`). */
  readonly meta: Readonly<Record<string, string>>;
  readonly source?: SourcePos;
  /** The last `DefaultTTL()` of the domain, for display; records already carry their own TTLs. */
  readonly defaultTtl?: number;
  /** AUTODNSSEC_ON / AUTODNSSEC_OFF; absent: leave the provider's DNSSEC setting alone. */
  readonly autoDnssec?: 'on' | 'off';
}
