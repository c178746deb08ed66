/**
 * The DSL as a typed module: `import { D, A, MX } from "zonesmith"`. These are the functions
 * runtime.ts installs as globals in the sandbox; at run time outside the bundler the package's
 * `default` export condition points at module.ts, which takes them from globalThis.
 */
export type {
  DomainFlag, DomainMeta, DomainModifier, DomainModifierFn, Duration, MetaValue, R53AliasType, RecordFlag, RecordMeta,
  RecordModifier, RecordModifierFn,
} from './types.js';
export { D, D_EXTEND, DEFAULTS, DOMAIN_ELSEWHERE, DOMAIN_ELSEWHERE_AUTO, END, INCLUDE, getConfiguredDomains } from './domain.js';
export { DnsProvider, NewDnsProvider, NewRegistrar } from './providers.js';
export {
  AUTODNSSEC, AUTODNSSEC_OFF, AUTODNSSEC_ON, DISABLE_IGNORE_SAFETY_CHECK, DefaultTTL, IGNORE, IGNORE_EXTERNAL_DNS, IGNORE_NAME,
  IGNORE_TARGET, NAMESERVER, NAMESERVER_TTL, NO_PURGE, PURGE, RECORD_VERSION, SAFETY_THRESHOLDS, type SafetyThresholds,
} from './domain-modifiers.js';
export { CAA_CRITICAL, DISABLE_REPEATED_DOMAIN_CHECK, ENSURE_ABSENT_REC, TTL } from './record-modifiers.js';
export {
  CF_CNAME_FLATTEN_OFF, CF_CNAME_FLATTEN_ON, CF_COMMENT, CF_MANAGE_COMMENTS, CF_MANAGE_TAGS, CF_PROXY_DEFAULT_OFF, CF_PROXY_DEFAULT_ON,
  CF_PROXY_FULL, CF_PROXY_OFF, CF_PROXY_ON, CF_TAGS, CF_UNIVERSALSSL_OFF, CF_UNIVERSALSSL_ON, R53_EVALUATE_TARGET_HEALTH,
  R53_HEALTH_CHECK_ID, R53_WEIGHT, R53_ZONE,
} from './provider-modifiers.js';
export {
  A, AAAA, ALIAS, CAA, CNAME, DHCID, DNAME, DNSKEY, DS, HTTPS, LOC, MX, NAPTR, NS, OPENPGPKEY, PTR, R53_ALIAS, RP, SMIMEA, SOA, SRV,
  SSHFP, SVCB, TLSA, TXT, type SvcbBuilder,
} from './records.js';
export { IP, REV, REVCOMPAT } from './reverse.js';
export { HASH } from './hash.js';
export { AUTOSPLIT, CLI_DEFAULTS, DKIM, FETCH, PANIC } from './misc.js';
export { CAA_BUILDER, type CaaBuilderOptions } from './builders/caa.js';
export { DKIM_BUILDER, type DkimBuilderOptions } from './builders/dkim.js';
export { DMARC_BUILDER, type DmarcBuilderOptions } from './builders/dmarc.js';
export {
  LOC_BUILDER_DD, LOC_BUILDER_DMM_STR, LOC_BUILDER_DMS_STR, LOC_BUILDER_STR, type LocBuilderDdOptions, type LocBuilderOptions,
  type LocBuilderStrOptions,
} from './builders/loc.js';
export { M365_BUILDER, type M365BuilderOptions } from './builders/m365.js';
export { SPF_BUILDER, type SpfBuilderOptions } from './builders/spf.js';
