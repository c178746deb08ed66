/**
 * Desired records in the form Cloudflare hands them back (so a converged zone diffs empty), and the
 * provider's own objections to records it cannot hold as written.
 */
import type { ZoneRef } from '../../src/provider/types.js';
import { rdataToWire } from '../../src/records/registry.js';
import type { DnsRecord, RdataIssue } from '../../src/records/types.js';
import { AUTO_TTL } from './convert.js';
import {
  canonicalTags,
  DOMAIN_PROXY_DEFAULT,
  META_COMMENT,
  META_FLATTEN,
  META_PROXY,
  META_TAGS,
  PROXIABLE,
  proxyValue,
  zoneOptions,
} from './meta.js';

/** Notes prepareDesired leaves for audit about a record it rewrote. */
export interface PrepareNote {
  readonly issue: RdataIssue;
}

/** What prepareDesired needs beyond the records. */
export interface PrepareOptions {
  readonly minTtl: number;
  /** Where audit finds the notes (keyed by the prepared record). */
  readonly notes: WeakMap<DnsRecord, PrepareNote[]>;
}

/**
 * - Apex NS records are dropped: Cloudflare serves the zone's own nameservers (dualHost cannot).
 * - ALIAS below the apex becomes the CNAME Cloudflare stores; a CNAME at the apex is the ALIAS
 *   getRecords reports.
 * - `cloudflare_proxy` on A/AAAA/CNAME/ALIAS: `on` when proxied (`full` is `on`; absent means the
 *   domain's default), and no key when not proxied, as getRecords reports them. Proxied records get
 *   the automatic TTL (300). Other types lose an `off`.
 * - `cloudflare_cname_flatten` kept only as `on`, on CNAMEs below the apex.
 * - Comments and tags kept only when the domain manages them (CF_MANAGE_COMMENTS / CF_MANAGE_TAGS),
 *   tags in canonical order; otherwise dropped (with a warning from audit).
 * - A TTL below Cloudflare's minimum is raised to it (with a warning from audit).
 * Values zonesmith cannot interpret are left as they are, for audit to report.
 */
export function prepareDesired(records: readonly DnsRecord[], zone: ZoneRef, opts: PrepareOptions): DnsRecord[] {
  const zo = zoneOptions(zone);
  const out: DnsRecord[] = [];
  for (const r of records) {
    if (r.type === 'NS' && r.name === zone.name) continue;
    const notes: PrepareNote[] = [];
    let type = r.type;
    if (type === 'ALIAS' && r.name !== zone.name) type = 'CNAME';
    else if (type === 'CNAME' && r.name === zone.name) type = 'ALIAS';
    const meta: Record<string, string> = { ...(r.meta ?? {}) };
    const proxyRaw = meta[META_PROXY];
    delete meta[META_PROXY];
    const proxy = proxyRaw === undefined ? (PROXIABLE.has(type) ? zo.proxyDefault : 'off') : proxyValue(proxyRaw);
    // `on` on a type that cannot be proxied, or a value zonesmith cannot read, stays as written for audit.
    if (proxy === 'on') meta[META_PROXY] = PROXIABLE.has(type) ? 'on' : proxyRaw!;
    else if (proxy === undefined) meta[META_PROXY] = proxyRaw!;
    const flatten = meta[META_FLATTEN];
    if (flatten !== undefined && flatten.toLowerCase() === 'off') delete meta[META_FLATTEN];
    else if (flatten !== undefined && type === 'ALIAS') delete meta[META_FLATTEN];
    else if (flatten !== undefined) meta[META_FLATTEN] = flatten.toLowerCase();
    if (meta[META_COMMENT] !== undefined && (!zo.manageComments || meta[META_COMMENT] === '')) {
      if (meta[META_COMMENT] !== '') notes.push(note('cloudflare-comment-unmanaged', 'the comment is ignored: the domain does not manage comments (add CF_MANAGE_COMMENTS)'));
      delete meta[META_COMMENT];
    }
    if (meta[META_TAGS] !== undefined) {
      const tags = canonicalTags(meta[META_TAGS].split(','));
      if (!zo.manageTags && tags !== '') notes.push(note('cloudflare-tags-unmanaged', 'the tags are ignored: the domain does not manage tags (add CF_MANAGE_TAGS)'));
      if (!zo.manageTags || tags === '') delete meta[META_TAGS];
      else meta[META_TAGS] = tags;
    }
    let ttl = r.ttl;
    if (meta[META_PROXY] === 'on') {
      if (ttl !== AUTO_TTL) notes.push(note('cloudflare-proxied-ttl', `proxied records always have Cloudflare's automatic TTL; TTL ${ttl} is ignored`));
      ttl = AUTO_TTL;
    } else if (ttl < opts.minTtl) {
      notes.push(note('cloudflare-ttl-raised', `TTL ${ttl} is below Cloudflare's minimum; ${opts.minTtl} is used`));
      ttl = opts.minTtl;
    }
    const { meta: _old, ...rest } = r;
    const prepared: DnsRecord = { ...rest, type, ttl, ...(Object.keys(meta).length > 0 ? { meta } : {}) };
    if (notes.length > 0) opts.notes.set(prepared, notes);
    out.push(prepared);
  }
  return out;
}

function note(code: string, message: string): PrepareNote {
  return { issue: { code, severity: 'warning', message } };
}

/** "Each DNS record has a maximum wire format size of 4,096 bytes" (DNS record types reference, 2026-11). */
const MAX_WIRE = 4096;
/** "Value must be between 60 and 86400" (SDK 7.3.0, TTL). */
const MAX_TTL = 86400;

/** Records Cloudflare cannot hold as written, with the reason; plus prepareDesired's warnings. */
export function auditRecords(records: readonly DnsRecord[], zone: ZoneRef, notes: WeakMap<DnsRecord, PrepareNote[]>): { record: DnsRecord; issue: RdataIssue }[] {
  const out: { record: DnsRecord; issue: RdataIssue }[] = [];
  const err = (record: DnsRecord, code: string, message: string): void => {
    out.push({ record, issue: { code, severity: 'error', message } });
  };
  const def = zone.meta[DOMAIN_PROXY_DEFAULT];
  if (def !== undefined && proxyValue(def) === undefined && records[0]) {
    err(records[0], 'cloudflare-proxy-default-invalid', `the domain's cloudflare_proxy_default is "${def}"; use on, off or full`);
  }
  for (const r of records) {
    for (const n of notes.get(r) ?? []) out.push({ record: r, issue: n.issue });
    const proxy = r.meta?.[META_PROXY];
    if (proxy !== undefined && proxyValue(proxy) === undefined) err(r, 'cloudflare-proxy-invalid', `cloudflare_proxy is "${proxy}"; use on, off or full`);
    else if (proxy !== undefined && !PROXIABLE.has(r.type)) err(r, 'cloudflare-proxy-type', `${r.type} records cannot be proxied; only A, AAAA and CNAME can`);
    const flatten = r.meta?.[META_FLATTEN];
    if (flatten !== undefined) {
      if (flatten !== 'on') err(r, 'cloudflare-flatten-invalid', `cloudflare_cname_flatten is "${flatten}"; use on or off`);
      else if (r.type !== 'CNAME') err(r, 'cloudflare-flatten-type', `CNAME flattening applies to CNAME records only, not ${r.type}`);
      // Cloudflare silently drops the flattening of a proxied CNAME, which would diff forever
      // (DNSControl makes the two exclusive too, PR #4026).
      else if (proxy === 'on') err(r, 'cloudflare-flatten-proxied', 'CF_CNAME_FLATTEN_ON and CF_PROXY_ON cannot be combined: Cloudflare ignores flattening on proxied records');
    }
    if (r.ttl > MAX_TTL) err(r, 'cloudflare-ttl-too-long', `TTL ${r.ttl} is above Cloudflare's maximum of ${MAX_TTL}`);
    if (r.type === 'DS' && r.name === zone.name) err(r, 'cloudflare-ds-apex', 'Cloudflare does not take DS records at the apex; the zone\'s DS belongs in the parent zone');
    if (r.type === 'TXT') {
      let size = 0;
      try {
        size = rdataToWire('TXT', r.rdata).length;
      } catch {
        // Unparseable rdata is reported by validation, not here.
      }
      if (size > MAX_WIRE) err(r, 'cloudflare-record-too-large', `the TXT record is ${size} bytes in wire format; Cloudflare's limit is ${MAX_WIRE}`);
    }
  }
  return out;
}
