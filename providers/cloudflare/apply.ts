/**
 * Pushing changes: plan one operation per change, pack them into the fewest batch requests, send
 * them one after another. Cloudflare commits each batch in one transaction ("If any of the individual
 * action fails, no changes are applied"), so after every committed batch the engine is told exactly
 * which changes it carried; when one fails, the error says how many went through, that nothing of
 * the failed one did, and Cloudflare's own message about the record it refused. There is no silent
 * fallback to per-record calls.
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext, ZoneRef } from '../../src/provider/types.js';
import { BatchFailure, type CloudflareApi, type NativeZone } from './api.js';
import { packChunks, type Chunk } from './batch.js';
import { recordFromNative } from './convert.js';
import { COMPARED_META, zoneOptions } from './meta.js';
import { idLookup, planOps, type PlannedOp } from './plan.js';

/** Plans and packs without sending anything (the requests a push will make). */
export function planChunks(changes: readonly Change[], existing: ApplyContext['existing'], zone: ZoneRef, batchLimit: number): Chunk[] {
  return packChunks(planOps(changes, idLookup(existing), zoneOptions(zone)), batchLimit);
}

/** Applies `changes` to `zone`; see the file comment. */
export async function applyChanges(api: CloudflareApi, zone: NativeZone, ref: ZoneRef, changes: readonly Change[], ctx: ApplyContext, batchLimit: number): Promise<void> {
  if (changes.length === 0) return;
  const chunks = planChunks(changes, ctx.existing, ref, batchLimit);
  let done = 0;
  for (const [i, chunk] of chunks.entries()) {
    const label = `batch ${i + 1}/${chunks.length}`;
    try {
      const out = await api.batch(zone.id, chunk.body, () => landed(api, zone, ref, chunk));
      if (out.kind === 'landed-unanswered') ctx.log(`${ref.name}: ${label} got no answer, but the zone shows it was applied`);
    } catch (err) {
      throw failure(err, ref.name, label, chunk, { index: i, total: chunks.length, done });
    }
    ctx.applied(chunk.changes);
    done += chunk.changes.length;
    const b = chunk.body;
    ctx.log(`${ref.name}: ${label} applied: ${chunk.changes.length} change(s) (${b.deletes.length} delete(s), ${b.patches.length} patch(es), ${b.posts.length} post(s))`);
  }
}

function failure(err: unknown, zone: string, label: string, chunk: Chunk, at: { index: number; total: number; done: number }): ZonesmithError {
  const e = err instanceof ZonesmithError ? err : new ZonesmithError('cloudflare-api-error', err instanceof Error ? err.message : String(err));
  const outcome = e.code === 'cloudflare-batch-uncertain' ? 'may or may not have been applied (run preview to see)' : 'was not applied';
  let about = '';
  if (e instanceof BatchFailure && e.pointer) {
    const kind = { deletes: 'delete', patches: 'patch', puts: 'put', posts: 'post' }[e.pointer.list];
    const op = chunk.ops.filter((o) => o.kind === kind)[e.pointer.index];
    if (op) about = `; Cloudflare refused the ${kind} of ${describe(op)}`;
  }
  return new ZonesmithError(
    e.code,
    `${zone}: ${label} ${outcome} (${chunk.changes.length} change(s)); ${at.index} of ${at.total} batch(es) (${at.done} change(s)) were applied before it${about}: ${e.message}`,
    { cause: e },
  );
}

function describe(op: PlannedOp): string {
  const d = op.change.details[0];
  const r = d?.kind === 'delete' ? d.before : d?.after;
  return r ? `${r.name} ${r.type} ${r.rdata}` : `${op.name} ${op.type}`;
}

/**
 * Whether a batch that got no answer was committed anyway. The batch is all or nothing, so one of
 * its operations tells: a deleted record gone, a patched record holding its new value, a posted
 * value present (looked up at that one name and type). Someone else changing the same record at the
 * same moment could mislead it; the next preview would show that.
 */
async function landed(api: CloudflareApi, zone: NativeZone, ref: ZoneRef, chunk: Chunk): Promise<boolean> {
  const op = chunk.ops.find((o) => o.kind === 'delete') ?? chunk.ops.find((o) => o.kind === 'patch') ?? chunk.ops[0];
  if (!op) return false;
  let live;
  try {
    live = await api.recordsAt(zone.id, op.name, op.type);
  } catch (err) {
    throw new ZonesmithError('cloudflare-batch-uncertain', `Cloudflare did not answer the batch, and reading ${op.name} ${op.type} to see whether it was applied failed too: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const d = op.change.details[0];
  if (op.kind === 'delete') return !live.some((r) => r.id === op.body['id']);
  if (!d || d.kind === 'delete') return false;
  const want = d.after;
  const opts = zoneOptions(ref);
  return live.some((n) => {
    if (op.kind === 'patch' && n.id !== op.body['id']) return false;
    const read = recordFromNative(n, ref.name, opts);
    if (read.kind !== 'record') return false;
    const r = read.record;
    // Every field a patch can change: a comment-only patch must not look applied by its value alone.
    return r.rdata === want.rdata && r.ttl === want.ttl && COMPARED_META.every((k) => (r.meta?.[k] ?? '') === (want.meta?.[k] ?? ''));
  });
}
