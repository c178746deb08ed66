/**
 * Response bodies in the API v4 envelope (`{success, errors, messages, result, result_info?}`, as
 * the API reference and the SDK's V4PagePaginationArray describe them, checked 2026-11).
 */
import type { ErrorItem } from './errors.js';
import type { StoredZone } from './state.js';

/** A success envelope. */
export function ok(result: unknown, resultInfo?: Record<string, number>): string {
  return JSON.stringify({ success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) });
}

/** An error envelope. */
export function failure(errors: readonly ErrorItem[]): string {
  return JSON.stringify({ success: false, errors, messages: [], result: null });
}

/** One page of a list, with `result_info` (page, per_page, count, total_count, total_pages). */
export function page<T>(items: readonly T[], q: URLSearchParams, perPage: { default: number; min: number; max: number }): { items: T[]; info: Record<string, number> } {
  const p = Math.max(1, Math.floor(Number(q.get('page') ?? 1)) || 1);
  const asked = Math.floor(Number(q.get('per_page') ?? perPage.default)) || perPage.default;
  const size = Math.min(perPage.max, Math.max(perPage.min, asked));
  const slice = items.slice((p - 1) * size, p * size);
  return {
    items: slice,
    info: { page: p, per_page: size, count: slice.length, total_count: items.length, total_pages: Math.ceil(items.length / size) },
  };
}

/** A zone as `GET /zones` returns it (the SDK's `Zone`). */
export function zoneJson(z: StoredZone): Record<string, unknown> {
  return {
    id: z.id,
    name: z.name,
    status: 'active',
    paused: false,
    type: 'full',
    development_mode: 0,
    name_servers: z.nameServers,
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    created_on: z.createdOn,
    modified_on: z.createdOn,
    activated_on: z.createdOn,
    meta: { phishing_detected: false },
    owner: { id: null, type: 'user', email: null },
    account: { id: z.accountId, name: 'zonesmith test account' },
    permissions: ['#dns_records:edit', '#dns_records:read', '#zone:read'],
    plan: { id: '0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee', name: 'Free Website', price: 0, currency: 'USD', frequency: '', is_subscribed: false, can_subscribe: false, legacy_id: 'free', legacy_discount: false, externally_managed: false },
  };
}
