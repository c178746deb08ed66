/**
 * `POST /zones/{zone_id}/dns_records/batch` on the local server. As documented
 * (developers.cloudflare.com/dns/manage-dns-records/how-to/batch-record-changes, checked 2026-11):
 * the operations run in the order deletes → patches → puts → posts, each list in the order given,
 * in one database transaction: "If any of the individual action fails, no changes are applied and
 * the API returns the first error". The number of operations per request is limited by plan (Free
 * 200; Pro, Business, Enterprise 3,500); a larger batch is refused before anything runs. Each
 * operation is checked against the state the earlier ones left, as single-record calls would be.
 */
import { ApiError, badRequest, CODES } from './errors.js';
import { buildRecord, recordJson, type RecordLimits, type StoredRecord } from './record.js';
import { checkName } from './rules.js';
import type { CloudflareState, StoredZone } from './state.js';

/** What a batch returns: the records each list touched, in order. */
export interface BatchResult {
  readonly deletes: Record<string, unknown>[];
  readonly patches: Record<string, unknown>[];
  readonly puts: Record<string, unknown>[];
  readonly posts: Record<string, unknown>[];
}

const LISTS = ['deletes', 'patches', 'puts', 'posts'] as const;

function list(body: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const v = body[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) throw badRequest(CODES.validation, `${key} must be an array of objects`);
  return v as Record<string, unknown>[];
}

/** Counts a batch's operations without running it (for the limit and for tests). */
export function batchSize(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  return LISTS.reduce((n, k) => n + list(body as Record<string, unknown>, k).length, 0);
}

/** Runs a batch; throws ApiError (with `source.pointer`) and leaves the zone untouched on failure. */
export function executeBatch(state: CloudflareState, zone: StoredZone, body: unknown, limit: number, limits: RecordLimits): BatchResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest(CODES.validation, 'the request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const lists = Object.fromEntries(LISTS.map((k) => [k, list(b, k)])) as Record<(typeof LISTS)[number], Record<string, unknown>[]>;
  const total = LISTS.reduce((n, k) => n + lists[k].length, 0);
  if (total > limit) {
    throw badRequest(CODES.batchTooLarge, `DNS Validation Error: the batch has ${total} operations; this zone's plan allows at most ${limit} per request`);
  }
  const json = (r: StoredRecord): Record<string, unknown> => recordJson(r, zone);
  const recs = zone.records;
  return recs.transaction(() => {
    const out: BatchResult = { deletes: [], patches: [], puts: [], posts: [] };
    const run = (key: (typeof LISTS)[number], i: number, fn: () => void): void => {
      try {
        fn();
      } catch (e) {
        if (e instanceof ApiError) throw e.at(`/${key}/${i}`);
        throw e;
      }
    };
    lists.deletes.forEach((op, i) =>
      run('deletes', i, () => {
        const old = typeof op['id'] === 'string' ? recs.remove(op['id']) : undefined;
        if (!old) throw new ApiError(404, [{ code: CODES.recordMissing, message: 'Record does not exist.' }]);
        checkName(recs, old.name, zone.name);
        out.deletes.push(json(old));
      }),
    );
    for (const key of ['patches', 'puts'] as const) {
      lists[key].forEach((op, i) =>
        run(key, i, () => {
          const base = typeof op['id'] === 'string' ? recs.byId.get(op['id']) : undefined;
          if (!base) throw new ApiError(404, [{ code: CODES.recordMissing, message: 'Record does not exist.' }]);
          const { id: _id, ...fields } = op;
          const next = buildRecord(fields, zone.name, limits, { id: base.id, now: state.now() }, base, key === 'patches' ? 'patch' : 'put');
          recs.put(next);
          if (next.name !== base.name) checkName(recs, base.name, zone.name);
          checkName(recs, next.name, zone.name, next);
          out[key].push(json(next));
        }),
      );
    }
    lists.posts.forEach((op, i) =>
      run('posts', i, () => {
        const rec = buildRecord(op, zone.name, limits, { id: state.nextId(), now: state.now() });
        recs.put(rec);
        checkName(recs, rec.name, zone.name, rec);
        out.posts.push(json(rec));
      }),
    );
    return out;
  });
}
