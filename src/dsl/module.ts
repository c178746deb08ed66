/**
 * Runtime target of `import { D } from "zonesmith"` outside the bundler (package.json
 * `exports["."].default`): the DSL lives on globalThis once runtime.ts has run, and this module
 * hands those globals out. Inside the sandbox the loader's virtual module does the same job.
 */
import type * as dsl from './index.js';

const g = globalThis as unknown as typeof dsl;

/** Types only; the values come from globalThis. */
export type * from './index.js';

export const {
  D, D_EXTEND, DEFAULTS, NewRegistrar, NewDnsProvider, DOMAIN_ELSEWHERE, DOMAIN_ELSEWHERE_AUTO, INCLUDE, getConfiguredDomains, IP, REV,
  REVCOMPAT, PANIC, CLI_DEFAULTS, END, FETCH, HASH,
  A, AAAA, ALIAS, CAA, CNAME, DHCID, DNAME, DNSKEY, DS, HTTPS, LOC, MX, NAPTR, NS, OPENPGPKEY, PTR, RP, SMIMEA, SOA, SRV, SSHFP, SVCB,
  TLSA, TXT, R53_ALIAS,
  DnsProvider, DefaultTTL, NAMESERVER, NAMESERVER_TTL, NO_PURGE, PURGE, IGNORE, IGNORE_NAME, IGNORE_TARGET, IGNORE_EXTERNAL_DNS,
  DISABLE_IGNORE_SAFETY_CHECK, AUTODNSSEC_ON, AUTODNSSEC_OFF, AUTODNSSEC,
  CF_PROXY_DEFAULT_ON, CF_PROXY_DEFAULT_OFF, CF_UNIVERSALSSL_ON, CF_UNIVERSALSSL_OFF, CF_MANAGE_COMMENTS, CF_MANAGE_TAGS, R53_ZONE,
  TTL, CAA_CRITICAL, ENSURE_ABSENT_REC, DISABLE_REPEATED_DOMAIN_CHECK,
  CF_PROXY_ON, CF_PROXY_OFF, CF_PROXY_FULL, CF_CNAME_FLATTEN_ON, CF_CNAME_FLATTEN_OFF, CF_COMMENT, CF_TAGS,
  R53_EVALUATE_TARGET_HEALTH, R53_WEIGHT, R53_HEALTH_CHECK_ID,
  SPF_BUILDER, DMARC_BUILDER, DKIM_BUILDER, CAA_BUILDER, M365_BUILDER, LOC_BUILDER_DD, LOC_BUILDER_DMM_STR, LOC_BUILDER_DMS_STR,
  LOC_BUILDER_STR, DKIM, AUTOSPLIT,
  SAFETY_THRESHOLDS, RECORD_VERSION,
} = g;
