/**
 * One DNS record as the local Cloudflare server keeps it, how a request body becomes one (POST and
 * PUT build it whole, unspecified fields reset to their defaults; PATCH changes only what it names),
 * and the JSON the API returns for it (the SDK's `RecordResponse`).
 */
import { ApiError, badRequest, CODES } from './errors.js';
import { hostname, storedValue, SUPPORTED_TYPES, type StoredValue } from './content.js';

/** A stored record. */
export interface StoredRecord extends StoredValue {
  readonly id: string;
  /** Lower-case, no trailing dot. */
  readonly name: string;
  readonly type: string;
  /** 1 = automatic. */
  readonly ttl: number;
  readonly proxied: boolean;
  readonly comment?: string;
  readonly tags: readonly string[];
  readonly flattenCname: boolean;
  readonly createdOn: string;
  readonly modifiedOn: string;
}

/** Per-zone limits that depend on the plan. */
export interface RecordLimits {
  /** Lowest TTL other than 1 (60; 30 on Enterprise). */
  readonly minTtl: number;
  /** Longest comment (100 on Free, 500 on paid plans). */
  readonly commentLength: number;
}

const PROXIABLE = new Set(['A', 'AAAA', 'CNAME']);
// "Individual tag of the form name:value (the name must consist of only letters, numbers,
// underscores and hyphens)" (SDK 7.3.0, RecordTags).
const TAG = /^[A-Za-z0-9_-]+(?::.*)?$/;

function field<T>(body: Record<string, unknown>, key: string, base: T | undefined, fallback: T): T {
  return key in body ? (body[key] as T) : (base ?? fallback);
}

/**
 * Builds the record a POST, PUT or PATCH asks for. `base` is the record being changed (PUT/PATCH).
 * PUT: "unspecified fields reset to defaults"; PATCH keeps what the body leaves out.
 */
export function buildRecord(
  body: unknown,
  zoneName: string,
  limits: RecordLimits,
  ids: { id: string; now: string },
  base?: StoredRecord,
  mode: 'post' | 'put' | 'patch' = 'post',
): StoredRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest(CODES.validation, 'the request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const keep = mode === 'patch' ? base : undefined;
  const type = field<unknown>(b, 'type', keep?.type, undefined);
  if (typeof type !== 'string' || !SUPPORTED_TYPES.has(type)) throw badRequest(CODES.validation, `DNS Validation Error: invalid record type ${String(type)}`);
  if (base && type !== base.type) throw badRequest(CODES.validation, 'DNS Validation Error: a record cannot change its type');
  const rawName = field<unknown>(b, 'name', keep?.name, undefined);
  const name = recordName(rawName, zoneName);

  let value: StoredValue;
  if (keep && !('content' in b) && !('data' in b) && !('priority' in b)) value = keep;
  else value = storedValue(type, { content: keep?.content, data: keep?.data, priority: keep?.priority, ...b });

  const proxied = field<unknown>(b, 'proxied', keep?.proxied, false);
  if (typeof proxied !== 'boolean') throw badRequest(CODES.validation, 'proxied must be a boolean');
  if (proxied && !PROXIABLE.has(type)) throw badRequest(CODES.proxiable, `DNS Validation Error: ${type} records cannot be proxied`);
  const ttl = field<unknown>(b, 'ttl', keep?.ttl, 1);
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || (ttl !== 1 && (ttl < limits.minTtl || ttl > 86400))) {
    throw badRequest(CODES.ttl, `TTL must be between ${limits.minTtl} and 86400 seconds, or 1 for Automatic.`);
  }
  // Proxied records always have the automatic TTL (DNS record types reference: "If the Proxy Status
  // is Proxied, this value defaults to Auto and cannot be edited").
  if (proxied && ttl !== 1) throw badRequest(CODES.ttl, 'TTL of a proxied record must be 1 (Automatic).');

  const comment = field<unknown>(b, 'comment', keep?.comment, undefined);
  if (comment !== undefined && comment !== null && typeof comment !== 'string') throw badRequest(CODES.validation, 'comment must be a string');
  if (typeof comment === 'string' && comment.length > limits.commentLength) {
    throw badRequest(CODES.validation, `DNS Validation Error: comment is longer than ${limits.commentLength} characters`);
  }
  const tags = field<unknown>(b, 'tags', keep?.tags, []);
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string' || !TAG.test(t))) {
    throw badRequest(CODES.validation, 'DNS Validation Error: tags must be strings of the form name:value');
  }
  const settings = b['settings'];
  let flatten = keep?.flattenCname ?? false;
  if (settings !== undefined) {
    if (typeof settings !== 'object' || settings === null) throw badRequest(CODES.validation, 'settings must be an object');
    const f = (settings as Record<string, unknown>)['flatten_cname'];
    if (f !== undefined && typeof f !== 'boolean') throw badRequest(CODES.validation, 'settings.flatten_cname must be a boolean');
    if (f === true && type !== 'CNAME') throw badRequest(CODES.validation, `DNS Validation Error: flatten_cname applies to CNAME records only`);
    if (f !== undefined) flatten = f;
  }
  // Cloudflare discards the flattening setting of a proxied CNAME (DNSControl PR #4026, 2026-01).
  if (proxied) flatten = false;

  return {
    id: base?.id ?? ids.id,
    name,
    type,
    content: value.content,
    ...(value.data !== undefined ? { data: value.data } : {}),
    ...(value.priority !== undefined ? { priority: value.priority } : {}),
    ttl,
    proxied,
    ...(typeof comment === 'string' && comment !== '' ? { comment } : {}),
    tags: [...(tags as string[])],
    flattenCname: flatten,
    createdOn: base?.createdOn ?? ids.now,
    modifiedOn: ids.now,
  };
}

/** A record name: `@`, a full name in the zone, or a name relative to it. */
function recordName(raw: unknown, zoneName: string): string {
  if (typeof raw !== 'string' || raw === '') throw badRequest(CODES.validation, 'DNS Validation Error: name is required');
  if (raw === '@') return zoneName;
  const n = hostname(raw, 'name');
  return n === zoneName || n.endsWith(`.${zoneName}`) ? n : `${n}.${zoneName}`;
}

/** The API's JSON for a record. */
export function recordJson(r: StoredRecord, zone: { id: string; name: string }): Record<string, unknown> {
  return {
    id: r.id,
    zone_id: zone.id,
    zone_name: zone.name,
    name: r.name,
    type: r.type,
    content: r.content,
    ...(r.priority !== undefined && (r.type === 'MX' || r.type === 'SRV') ? { priority: r.priority } : {}),
    ...(r.data !== undefined ? { data: r.data } : {}),
    proxiable: PROXIABLE.has(r.type),
    proxied: r.proxied,
    ttl: r.ttl,
    settings: r.type === 'CNAME' ? { flatten_cname: r.flattenCname } : {},
    meta: {},
    comment: r.comment ?? null,
    tags: r.tags,
    created_on: r.createdOn,
    modified_on: r.modifiedOn,
    ...(r.comment !== undefined ? { comment_modified_on: r.modifiedOn } : {}),
  };
}

/** Re-export for callers that only need the error type. */
export { ApiError };
