/**
 * Pushing changes: plan, pack into the fewest requests, send batch after batch. Each request is
 * atomic in Route 53, so after every committed batch the engine is told exactly which changes it
 * carried; when one fails, the error says how many went through and nothing of the failed batch did.
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import type { ApplyContext } from '../../src/provider/types.js';
import type { Route53Api } from './api.js';
import { packBatches, type Batch } from './batch.js';
import { nativeLookup, planChange } from './plan.js';
import type { ResolvedZone } from './zones.js';

/** Options for one push. */
export interface ApplyOptions {
  readonly waitForInsync: boolean;
  readonly sleep: (ms: number) => Promise<void>;
  /** Time between GetChange polls. */
  readonly pollMs?: number;
  /** GetChange polls before giving up waiting (the push itself has succeeded by then). */
  readonly maxPolls?: number;
}

/** Plans and packs without sending anything (what preview could show as the request count). */
export function planBatches(zone: ResolvedZone, changes: readonly Change[], existing: ApplyContext['existing']): Batch[] {
  refuseApexNsDeletion(zone, changes);
  const lookup = nativeLookup(existing);
  return packBatches(changes.map((c) => planChange(c, zone.id, zone.name, lookup)));
}

/** Applies `changes` to `zone`; see the file comment. */
export async function applyChanges(api: Route53Api, zone: ResolvedZone, changes: readonly Change[], ctx: ApplyContext, opts: ApplyOptions): Promise<void> {
  if (changes.length === 0) return;
  const batches = planBatches(zone, changes, ctx.existing);
  let lastChangeId = '';
  for (const [i, batch] of batches.entries()) {
    const label = `batch ${i + 1}/${batches.length}`;
    try {
      lastChangeId = await api.changeRecordSets(zone.id, batch.natives, `zonesmith ${label}`);
    } catch (err) {
      const done = batches.slice(0, i).reduce((n, b) => n + b.changes.length, 0);
      const cause = err instanceof Error ? err.message : String(err);
      throw new ZonesmithError(
        err instanceof ZonesmithError ? err.code : 'route53-api-error',
        `${zone.name}: ${label} was not applied (${batch.changes.length} change(s)); ${i} of ${batches.length} batch(es) (${done} change(s)) were applied before it: ${cause}`,
        { cause: err },
      );
    }
    ctx.applied(batch.changes);
    ctx.log(`${zone.name}: ${label} applied: ${batch.changes.length} change(s), ${batch.weight.records} ResourceRecord element(s), ${batch.weight.chars} value character(s)`);
  }
  if (opts.waitForInsync && lastChangeId) await waitForInsync(api, zone, lastChangeId, ctx, opts);
}

async function waitForInsync(api: Route53Api, zone: ResolvedZone, changeId: string, ctx: ApplyContext, opts: ApplyOptions): Promise<void> {
  // Route 53 applies a zone's changes in order, so the last one reaching INSYNC means all have.
  const maxPolls = opts.maxPolls ?? 150;
  for (let poll = 1; poll <= maxPolls; poll++) {
    if ((await api.changeStatus(changeId)) === 'INSYNC') {
      ctx.log(`${zone.name}: Route 53 reports the changes INSYNC`);
      return;
    }
    await opts.sleep(opts.pollMs ?? 2000);
  }
  ctx.log(`${zone.name}: changes applied but still PENDING after ${maxPolls} polls; Route 53 will finish propagating them`);
}

/** Route 53 refuses a zone without apex NS; say so before sending anything. */
function refuseApexNsDeletion(zone: ResolvedZone, changes: readonly Change[]): void {
  const bad = changes.find((c) => c.kind === 'delete' && c.name === zone.name && c.type === 'NS');
  if (bad) {
    throw new ZonesmithError(
      'route53-apex-ns-required',
      `${zone.name}: the change would delete the zone's apex NS records, which Route 53 requires; keep them in the config (they are added from the provider's nameservers unless nameserver count is 0) or manage them with NAMESERVER()`,
    );
  }
}
