/**
 * Cloudflare's record and domain metadata, as DNSControl models it (the DSL's CF_* modifiers set
 * these keys; docs/dsl.md). A record's proxy status, CNAME flattening, comment and tags are part
 * of its identity; comments and tags only count when the domain manages them.
 */
import type { ZoneRef } from '../../src/provider/types.js';

/** `on` / `off` (`full` is read as `on`: Railgun is gone and the API only has `proxied`); canonical form: `on` or absent. */
export const META_PROXY = 'cloudflare_proxy';
/** `on` when a CNAME is flattened (settings.flatten_cname; paid plans). */
export const META_FLATTEN = 'cloudflare_cname_flatten';
/** The record's comment (CF_COMMENT). */
export const META_COMMENT = 'cloudflare_comment';
/** The record's tags, sorted and joined with commas (CF_TAGS). */
export const META_TAGS = 'cloudflare_tags';

/** Domain meta: the proxy status of A/AAAA/CNAME/ALIAS records that do not set one. */
export const DOMAIN_PROXY_DEFAULT = 'cloudflare_proxy_default';
/** Domain meta: `true` to manage record comments. */
export const DOMAIN_MANAGE_COMMENTS = 'cloudflare_manage_comments';
/** Domain meta: `true` to manage record tags. */
export const DOMAIN_MANAGE_TAGS = 'cloudflare_manage_tags';

/** The meta keys that are part of a record's identity (ProviderDefinition.comparedMeta). */
export const COMPARED_META = [META_PROXY, META_FLATTEN, META_COMMENT, META_TAGS] as const;

/** The types Cloudflare can proxy (ALIAS is stored as a CNAME). */
export const PROXIABLE = new Set(['A', 'AAAA', 'CNAME', 'ALIAS']);

/** Per-domain choices that shape reading and writing. */
export interface ZoneOptions {
  readonly proxyDefault: 'on' | 'off';
  readonly manageComments: boolean;
  readonly manageTags: boolean;
}

/** `on`, `off` or `full` in any case to `on`/`off`; undefined for anything else. */
export function proxyValue(v: string | undefined): 'on' | 'off' | undefined {
  const l = v?.toLowerCase();
  if (l === 'on' || l === 'full') return 'on';
  if (l === 'off') return 'off';
  return undefined;
}

/** The domain's options; an unreadable proxy default counts as off (audit reports it). */
export function zoneOptions(zone: ZoneRef): ZoneOptions {
  return {
    proxyDefault: proxyValue(zone.meta[DOMAIN_PROXY_DEFAULT]) ?? 'off',
    manageComments: truthy(zone.meta[DOMAIN_MANAGE_COMMENTS]),
    manageTags: truthy(zone.meta[DOMAIN_MANAGE_TAGS]),
  };
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && ['true', 'on', '1', 'yes'].includes(v.toLowerCase());
}

/** Tags in canonical form: trimmed, without empties and duplicates, sorted, joined with commas. */
export function canonicalTags(tags: Iterable<string>): string {
  return [...new Set([...tags].map((t) => t.trim()).filter((t) => t !== ''))].sort().join(',');
}

/** The tag list of a canonical (or user-written) `cloudflare_tags` value. */
export function tagList(value: string | undefined): string[] {
  const c = canonicalTags((value ?? '').split(','));
  return c === '' ? [] : c.split(',');
}
