/**
 * Every global the DSL defines, in one list. The loader builds the virtual module behind
 * `import { D, A } from "zonesmith"` from it (`export const D = globalThis.D; ...`), runtime.ts
 * installs exactly these names on globalThis, and a test checks that index.ts, globals.ts and the
 * runtime agree with it.
 *
 * `require` and `require_glob` are not here: the loader resolves them at bundle time.
 */
export const DSL_GLOBALS: readonly string[] = [
  // Top level (DNSControl §2.1)
  'D', 'D_EXTEND', 'DEFAULTS', 'NewRegistrar', 'NewDnsProvider', 'DOMAIN_ELSEWHERE',
  'DOMAIN_ELSEWHERE_AUTO', 'INCLUDE', 'getConfiguredDomains', 'IP', 'REV', 'REVCOMPAT', 'PANIC',
  'CLI_DEFAULTS', 'END', 'FETCH', 'HASH',
  // Record builders (§2.2)
  'A', 'AAAA', 'ALIAS', 'CAA', 'CNAME', 'DHCID', 'DNAME', 'DNSKEY', 'DS', 'HTTPS', 'LOC', 'MX',
  'NAPTR', 'NS', 'OPENPGPKEY', 'PTR', 'RP', 'SMIMEA', 'SOA', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT',
  'R53_ALIAS',
  // Domain modifiers (§2.3)
  'DnsProvider', 'DefaultTTL', 'NAMESERVER', 'NAMESERVER_TTL', 'NO_PURGE', 'PURGE', 'IGNORE',
  'IGNORE_NAME', 'IGNORE_TARGET', 'IGNORE_EXTERNAL_DNS', 'DISABLE_IGNORE_SAFETY_CHECK',
  'AUTODNSSEC_ON', 'AUTODNSSEC_OFF', 'AUTODNSSEC',
  'CF_PROXY_DEFAULT_ON', 'CF_PROXY_DEFAULT_OFF', 'CF_UNIVERSALSSL_ON', 'CF_UNIVERSALSSL_OFF',
  'CF_MANAGE_COMMENTS', 'CF_MANAGE_TAGS', 'R53_ZONE',
  // Record modifiers (§2.4)
  'TTL', 'CAA_CRITICAL', 'ENSURE_ABSENT_REC', 'DISABLE_REPEATED_DOMAIN_CHECK',
  'CF_PROXY_ON', 'CF_PROXY_OFF', 'CF_PROXY_FULL', 'CF_CNAME_FLATTEN_ON', 'CF_CNAME_FLATTEN_OFF',
  'CF_COMMENT', 'CF_TAGS', 'R53_EVALUATE_TARGET_HEALTH', 'R53_WEIGHT', 'R53_HEALTH_CHECK_ID',
  // Builders (§2.5)
  'SPF_BUILDER', 'DMARC_BUILDER', 'DKIM_BUILDER', 'CAA_BUILDER', 'M365_BUILDER',
  'LOC_BUILDER_DD', 'LOC_BUILDER_DMM_STR', 'LOC_BUILDER_DMS_STR', 'LOC_BUILDER_STR',
  'DKIM', 'AUTOSPLIT',
  // zonesmith additions
  'SAFETY_THRESHOLDS', 'RECORD_VERSION',
];

/** The non-enumerable global through which the loader talks to the DSL (setVariables, collect). */
export const CONTROL_GLOBAL = '__zonesmith';

/**
 * The non-enumerable, read-only global the loader's rewritten calls go through:
 * `__z(site, NAME, ...args)` (pos.ts: callAt; src/load/call-sites.ts). Short because it is
 * written once per DSL call: for 100,000 records, `__zonesmith_at` made the bundle 1 MB (a
 * quarter) larger for esbuild to print and V8 to parse. A config that names it anywhere gets no
 * numbered calls (bundle-plugin.ts), so a binding of its own can never capture them.
 */
export const SITE_CALL_GLOBAL = '__z';

/** Script name the loader gives the DSL runtime. */
export const DSL_SCRIPT_NAME = 'zonesmith:dsl';

/** Script name the loader gives the user's bundled config; positions are taken from its frames. */
export const CONFIG_SCRIPT_NAME = 'zonesmith:config';
