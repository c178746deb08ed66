/**
 * Pushing changes: plan, pack into the fewest Changes, send them one after another. Each Change is
 * atomic in Cloud DNS, so after every committed Change the engine is told exactly which changes it
 * carried; when one fails, the error says how many went through and nothing of the failed one did.
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext } from '../../src/provider/types.js';
import { errorCode, type ChangeInfo, type GcloudApi } from './api.js';
import { packBatches, type Batch } from './batch.js';
import { nameFromGcloud, rrsetKey, type NativeRrset } from './convert.js';
import { nativeLookup, planChange } from './plan.js';
import { backoff, describeFailure, isTransient, type RetryPolicy } from './retry.js';
import type { ResolvedZone } from './zones.js';

/** Options for one push. */
export interface ApplyOptions {
  /** Backoff for a Change that failed without a clear answer (5xx, dropped connection). */
  readonly retry: RetryPolicy;
  /** First wait between changes.get polls (grows ×1.5 up to 5 s). */
  readonly pollMs?: number;
  /** changes.get polls before giving up waiting (the push itself has succeeded by then). */
  readonly maxPolls?: number;
}

/** Plans and packs without sending anything. */
export function planBatches(zone: ResolvedZone, changes: readonly Change[], existing: ApplyContext['existing']): Batch[] {
  refuseApexNsDeletion(zone, changes);
  const lookup = nativeLookup(existing);
  return packBatches(changes.map((c) => planChange(c, lookup)));
}

/** Applies `changes` to `zone`; see the file comment. */
export async function applyChanges(api: GcloudApi, zone: ResolvedZone, changes: readonly Change[], ctx: ApplyContext, opts: ApplyOptions): Promise<void> {
  if (changes.length === 0) return;
  const batches = planBatches(zone, changes, ctx.existing);
  let last: ChangeInfo | undefined;
  for (const [i, batch] of batches.entries()) {
    const label = `Change ${i + 1}/${batches.length}`;
    try {
      last = (await commit(api, zone, batch, ctx, opts)) ?? last;
    } catch (err) {
      const done = batches.slice(0, i).reduce((n, b) => n + b.changes.length, 0);
      const e = api.wrap('changes.create', err);
      const outcome = e.code === 'gcloud-change-uncertain' ? 'may or may not have been applied (run preview to see)' : 'was not applied';
      throw new ZonesmithError(
        e.code,
        `${zone.name}: ${label} ${outcome} (${batch.changes.length} change(s)); ${i} of ${batches.length} Change(s) (${done} change(s)) were applied before it: ${e.message}${hint(e.code)}`,
        { cause: e },
      );
    }
    ctx.applied(batch.changes);
    const w = batch.weight;
    ctx.log(`${zone.name}: ${label} applied: ${batch.changes.length} change(s): ${w.additions} addition(s), ${w.deletions} deletion(s), ${w.bytes} bytes of record data`);
  }
  await waitUntilDone(api, zone, last, ctx, opts);
}

/**
 * Sends one Change. A 5xx or a dropped connection leaves it unknown whether Cloud DNS applied it,
 * so it is sent again (bounded): its preconditions make that safe, since an applied Change can
 * never apply twice (its deletions no longer match, its additions exist). A refusal of that kind
 * (409, 412, 404) can therefore mean "an earlier sending went through" (ours, or the HTTP stack's
 * own re-send of a request whose connection dropped, which the SDK does not let callers turn off)
 * as well as "someone else changed the zone": the zone is read to tell which.
 */
async function commit(api: GcloudApi, zone: ResolvedZone, batch: Batch, ctx: ApplyContext, opts: ApplyOptions): Promise<ChangeInfo | undefined> {
  let noAnswer = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.createChange(zone.id, batch.additions, batch.deletions);
    } catch (err) {
      noAnswer ||= isTransient(err);
      if (isTransient(err) && attempt < opts.retry.maxAttempts) {
        const delay = backoff(attempt, err, opts.retry);
        const f = describeFailure(err);
        ctx.log(`${zone.name}: Cloud DNS changes.create: ${f.status ?? f.reason ?? 'error'}; sending the Change again (attempt ${attempt + 1}/${opts.retry.maxAttempts}) in ${(delay / 1000).toFixed(1)}s`);
        await opts.retry.sleep(delay);
        continue;
      }
      const refused = ['gcloud-zone-changed', 'gcloud-already-exists', 'gcloud-not-found'].includes(errorCode(err));
      if (!refused && !isTransient(err)) throw err;
      let holds: boolean;
      try {
        holds = await holdsBatch(api, zone, batch);
      } catch (readErr) {
        if (!noAnswer) throw err;
        throw new ZonesmithError(
          'gcloud-change-uncertain',
          `Cloud DNS gave no clear answer (${api.wrap('changes.create', err).message}) and reading the zone to check failed too (${api.wrap('resourceRecordSets.list', readErr).message})`,
          { cause: err },
        );
      }
      if (holds) {
        ctx.log(`${zone.name}: the zone already holds the result of this Change (an earlier sending went through)`);
        return undefined;
      }
      throw err;
    }
  }
}

/** True when the zone holds exactly what `batch` leaves behind at every name and type it touches. */
async function holdsBatch(api: GcloudApi, zone: ResolvedZone, batch: Batch): Promise<boolean> {
  const live = new Map<string, NativeRrset>();
  for (const r of await api.listRrsets(zone.id)) live.set(keyOf(r), r);
  const added = new Set(batch.additions.map(keyOf));
  for (const a of batch.additions) {
    const l = live.get(keyOf(a));
    if (!l || !sameSet(l, a)) return false;
  }
  return batch.deletions.every((d) => added.has(keyOf(d)) || !live.has(keyOf(d)));
}

function keyOf(r: NativeRrset): string {
  return rrsetKey(nameFromGcloud(r.name), r.type.toUpperCase());
}

function sameSet(a: NativeRrset, b: NativeRrset): boolean {
  const x = [...a.rrdatas].sort();
  const y = [...b.rrdatas].sort();
  return a.ttl === b.ttl && x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Cloud DNS applies a zone's Changes in order, so the last one being `done` means all are. */
async function waitUntilDone(api: GcloudApi, zone: ResolvedZone, last: ChangeInfo | undefined, ctx: ApplyContext, opts: ApplyOptions): Promise<void> {
  if (!last?.id || last.status === 'done') return;
  const maxPolls = opts.maxPolls ?? 60;
  let wait = opts.pollMs ?? 500;
  try {
    for (let poll = 1; poll <= maxPolls; poll++) {
      // The first look is at once: by the time the last Change is answered, it is often done.
      if (poll > 1) {
        await opts.retry.sleep(wait);
        wait = Math.min(5000, Math.round(wait * 1.5));
      }
      if ((await api.changeStatus(zone.id, last.id)) === 'done') {
        ctx.log(`${zone.name}: Cloud DNS reports the changes done`);
        return;
      }
    }
    ctx.log(`${zone.name}: changes applied but still pending after ${maxPolls} polls; Cloud DNS will finish them`);
  } catch (err) {
    // Every Change was committed and reported; only the wait for propagation failed.
    ctx.log(`${zone.name}: changes applied; could not confirm they are done: ${api.wrap('changes.get', err).message}`);
  }
}

function hint(code: string): string {
  if (code === 'gcloud-zone-changed') return ' (the zone changed since it was read: a deletion no longer matches what Cloud DNS holds; run preview again)';
  if (code === 'gcloud-already-exists') return ' (a record set to be added exists already: someone created it since the zone was read; run preview again)';
  return '';
}

/** Cloud DNS refuses a zone without apex NS; say so before sending anything. */
function refuseApexNsDeletion(zone: ResolvedZone, changes: readonly Change[]): void {
  const bad = changes.find((c) => c.kind === 'delete' && c.name === zone.name && c.type === 'NS');
  if (bad) {
    throw new ZonesmithError(
      'gcloud-apex-ns-required',
      `${zone.name}: the change would delete the zone's apex NS records, which Cloud DNS requires; keep them in the config (they are added from the provider's nameservers unless nameserver count is 0) or manage them with NAMESERVER()`,
    );
  }
}
