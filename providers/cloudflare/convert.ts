/**
 * Cloudflare DNS records ↔ zonesmith records. Values are normalised here, once, as they enter
 * (principle 4 of STYLE.md): names fully qualified and lower-case, TTL 1 ("automatic") read as
 * 300 seconds, an apex CNAME read as the ALIAS it stands for (Cloudflare flattens it), and the
 * proxy status, CNAME flattening, comment and tags as the record's metadata.
 */
import type { DnsRecord } from '../../src/records/types.js';
import { META_COMMENT, META_FLATTEN, META_PROXY, META_TAGS, PROXIABLE, canonicalTags, tagList, type ZoneOptions } from './meta.js';
import { rdataFromValue, valueFromRdata, type ReturnedValue } from './rdata.js';

/**
 * The TTL Cloudflare's "automatic" (ttl 1) stands for: "Auto TTL" is 300 seconds for DNS-only
 * records, and proxied records are always automatic (DNS record types reference, checked 2026-11;
 * octoDNS maps 1 to 300 the same way, octodns#210). A desired TTL of 300 is written as automatic,
 * as DNSControl does, so zones kept by either tool look the same in the dashboard.
 */
export const AUTO_TTL = 300;

/** A record as the API returns it (the fields zonesmith reads of the SDK's RecordResponse). */
export interface NativeRecord extends ReturnedValue {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string | null;
  readonly tags?: readonly string[];
  readonly settings?: { readonly flatten_cname?: boolean } | null;
}

/** What reading one native record gave. */
export type ReadResult =
  | { readonly kind: 'record'; readonly record: DnsRecord; readonly unreadable: boolean }
  | { readonly kind: 'skipped'; readonly reason: 'apex-ns' };

/** A Cloudflare name as a zonesmith owner name. */
export function nameFromCloudflare(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Converts one record of zone `zone` (ASCII, no trailing dot). */
export function recordFromNative(n: NativeRecord, zone: string, opts: ZoneOptions): ReadResult {
  const name = nameFromCloudflare(n.name);
  // Cloudflare answers for the zone's own apex NS itself; records there are not zonesmith's to manage.
  if (n.type === 'NS' && name === zone) return { kind: 'skipped', reason: 'apex-ns' };
  const type = n.type === 'CNAME' && name === zone ? 'ALIAS' : n.type;
  let rdata: string;
  let unreadable = false;
  try {
    rdata = rdataFromValue(type, n, `${zone}.`);
  } catch {
    // Still diffed (by its text) and deletable by id, rather than aborting the whole zone.
    rdata = n.content ?? '';
    unreadable = true;
  }
  const meta: Record<string, string> = {};
  // Not proxied is the default and carries no key, so records written without CF_PROXY_* (and
  // ENSURE_ABSENT_REC records, which the engine matches as written) compare equal to what is read.
  if (PROXIABLE.has(type) && n.proxied) meta[META_PROXY] = 'on';
  if (type === 'CNAME' && n.settings?.flatten_cname) meta[META_FLATTEN] = 'on';
  if (opts.manageComments && n.comment) meta[META_COMMENT] = n.comment;
  if (opts.manageTags && n.tags && n.tags.length > 0) {
    const tags = canonicalTags(n.tags);
    if (tags !== '') meta[META_TAGS] = tags;
  }
  const record: DnsRecord = {
    name,
    type,
    ttl: n.ttl === 1 ? AUTO_TTL : n.ttl,
    rdata,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    native: n,
  };
  return { kind: 'record', record, unreadable };
}

/** The Cloudflare type a record is stored as. */
export function cloudflareType(type: string): string {
  return type === 'ALIAS' ? 'CNAME' : type;
}

function proxied(r: DnsRecord): boolean {
  return r.meta?.[META_PROXY] === 'on';
}

/** The TTL to send: automatic for proxied records and for 300 (see AUTO_TTL). */
export function wireTtl(r: DnsRecord): number {
  return proxied(r) || r.ttl === AUTO_TTL ? 1 : r.ttl;
}

/** A record's fields as a batch `posts` entry. */
export function postBody(r: DnsRecord, opts: ZoneOptions): Record<string, unknown> {
  const type = cloudflareType(r.type);
  const body: Record<string, unknown> = { name: r.name, type, ttl: wireTtl(r), ...valueFromRdata(r.type, r.rdata) };
  if (PROXIABLE.has(r.type)) body['proxied'] = proxied(r);
  if (type === 'CNAME' && r.meta?.[META_FLATTEN] === 'on') body['settings'] = { flatten_cname: true };
  if (opts.manageComments && r.meta?.[META_COMMENT]) body['comment'] = r.meta[META_COMMENT];
  if (opts.manageTags) {
    const tags = tagList(r.meta?.[META_TAGS]);
    if (tags.length > 0) body['tags'] = tags;
  }
  return body;
}

/**
 * A batch `patches` entry turning `before` (Cloudflare record `id`) into `after`. PATCH rather than
 * PUT: a PUT resets every field it leaves out to its default ("PUT unspecified fields reset to
 * defaults"), which would wipe comments, tags and settings zonesmith is told not to manage.
 */
export function patchBody(id: string, before: DnsRecord, after: DnsRecord, opts: ZoneOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { id, ...postBody(after, { manageComments: false, manageTags: false, proxyDefault: opts.proxyDefault }) };
  const type = cloudflareType(after.type);
  const flattenBefore = before.meta?.[META_FLATTEN] === 'on';
  const flattenAfter = after.meta?.[META_FLATTEN] === 'on';
  if (type === 'CNAME' && flattenBefore !== flattenAfter) body['settings'] = { flatten_cname: flattenAfter };
  else delete body['settings'];
  // An empty comment and an empty tag list clear them.
  if (opts.manageComments) body['comment'] = after.meta?.[META_COMMENT] ?? '';
  if (opts.manageTags) body['tags'] = tagList(after.meta?.[META_TAGS]);
  return body;
}
