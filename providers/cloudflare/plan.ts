/**
 * Engine changes → Cloudflare batch operations, one operation per change (record granularity): a
 * creation is a POST, a deletion a DELETE of the record's id, an update or TTL change a PATCH of
 * it (see patchBody for why not PUT). Pure: no I/O.
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { DnsRecord } from '../../src/records/types.js';
import { cloudflareType, patchBody, postBody, type NativeRecord } from './convert.js';
import type { ZoneOptions } from './meta.js';

/** One operation of a batch, with the change it carries out. */
export interface PlannedOp {
  readonly change: Change;
  readonly kind: 'delete' | 'patch' | 'post';
  /** Owner name (FQDN, no trailing dot). */
  readonly name: string;
  /** Cloudflare type (ALIAS is CNAME). */
  readonly type: string;
  /** The list entry: `{id}` for deletes, the record fields otherwise. */
  readonly body: Record<string, unknown>;
  /** The value (name, type, rdata) this operation removes from the zone, if any. */
  readonly frees?: string;
  /** The value this operation adds to the zone, if any. */
  readonly takes?: string;
  /** Position in the engine's (dependency) order. */
  readonly index: number;
}

/** Finds the Cloudflare record id of an existing record. */
export type IdLookup = (record: DnsRecord) => string | undefined;

function key(r: DnsRecord): string {
  return `${r.name}\u0000${cloudflareType(r.type)}\u0000${r.rdata}`;
}

/**
 * Ids from the records getRecords returned in this run: a record's own `native`, or (for a plan read
 * back from JSON, which carries none) the record with the same name, type and rdata. Cloudflare
 * refuses identical records, so that key names one record; duplicates left from older APIs are
 * handed out one id each.
 */
export function idLookup(existing: readonly DnsRecord[]): IdLookup {
  const byKey = new Map<string, string[]>();
  for (const r of existing) {
    const id = (r.native as NativeRecord | undefined)?.id;
    if (id === undefined) continue;
    const list = byKey.get(key(r));
    if (list) list.push(id);
    else byKey.set(key(r), [id]);
  }
  const used = new Set<string>();
  return (r) => {
    const own = (r.native as NativeRecord | undefined)?.id;
    if (own !== undefined) return own;
    const id = byKey.get(key(r))?.find((x) => !used.has(x));
    if (id !== undefined) used.add(id);
    return id;
  };
}

/** Plans every change, in order. Throws `cloudflare-record-unknown` when an existing record has no id. */
export function planOps(changes: readonly Change[], lookup: IdLookup, opts: ZoneOptions): PlannedOp[] {
  return changes.map((change, index): PlannedOp => {
    const d = change.details[0];
    if (!d || change.details.length !== 1) {
      throw new ZonesmithError('cloudflare-granularity', `${change.name} ${change.type ?? ''}: CLOUDFLAREAPI takes one record change per change (record granularity)`);
    }
    const name = change.name;
    if (d.kind === 'create') {
      return { change, kind: 'post', name, type: cloudflareType(d.after.type), body: postBody(d.after, opts), takes: key(d.after), index };
    }
    const id = lookup(d.before);
    if (id === undefined) {
      throw new ZonesmithError(
        'cloudflare-record-unknown',
        `${d.before.name} ${d.before.type} ${d.before.rdata}: no such record in the zone as read in this run; the zone changed since the plan was made (run preview again)`,
      );
    }
    const type = cloudflareType(d.before.type);
    if (d.kind === 'delete') return { change, kind: 'delete', name, type, body: { id }, frees: key(d.before), index };
    const moves = d.before.rdata !== d.after.rdata;
    return {
      change, kind: 'patch', name, type, body: patchBody(id, d.before, d.after, opts), index,
      ...(moves ? { frees: key(d.before), takes: key(d.after) } : {}),
    };
  });
}
