/**
 * Packing planned changes into as few Cloud DNS Changes as the API's limits allow. Pure: no I/O.
 * Limits per Change (cloud.google.com/dns/quotas, "Resource limits", verified 2026-11): additions
 * per change 1,000; deletions per change 1,000; resource record data size per change 100,000
 * bytes. The page does not say whether deleted data counts towards the 100,000 bytes; zonesmith
 * counts additions and deletions both, the reading that can never be refused. (DNSControl's GCLOUD
 * provider starts a new Change at 1,000 additions or deletions and does not count bytes.)
 */
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';
import { lowerBound as packingLowerBound, packItems } from '../../src/provider/packing.js';
import { rrdataBytes, type NativeRrset } from './convert.js';
import type { PlannedChange } from './plan.js';

/** What a Change counts against the limits. */
export interface Weight {
  readonly additions: number;
  readonly deletions: number;
  readonly bytes: number;
}

/** Per-Change limits. */
export type Limits = Weight;

/** Cloud DNS's limits (see the file comment). */
export const GCLOUD_LIMITS: Limits = { additions: 1000, deletions: 1000, bytes: 100_000 };

/** One Change: the engine changes it carries out and its additions and deletions. */
export interface Batch {
  readonly changes: readonly Change[];
  readonly additions: readonly NativeRrset[];
  readonly deletions: readonly NativeRrset[];
  readonly weight: Weight;
}

/** The weight of one planned change. */
export function plannedWeight(p: PlannedChange): Weight {
  return {
    additions: p.addition ? 1 : 0,
    deletions: p.deletion ? 1 : 0,
    bytes: (p.addition ? rrdataBytes(p.addition) : 0) + (p.deletion ? rrdataBytes(p.deletion) : 0),
  };
}

/** No packing can use fewer Changes than this: each limit divides the total it counts. */
export function lowerBound(planned: readonly PlannedChange[], limits: Limits = GCLOUD_LIMITS): number {
  return packingLowerBound(planned.map(plannedWeight), limits);
}

/**
 * Packs planned changes into Changes with the shared packer (src/provider/packing.ts). One record
 * set's deletion and addition are one planned change and never split; all changes at one owner name
 * go together (so a CNAME replaced by an A is one atomic step). A name whose changes exceed one
 * Change is sent change by change over consecutive Changes, deletions first; such names are placed
 * in input order, as this provider always has. Throws `gcloud-change-too-large` when one record
 * set's change cannot fit any Change.
 */
export function packBatches(planned: readonly PlannedChange[], limits: Limits = GCLOUD_LIMITS): Batch[] {
  const bins = packItems(planned, {
    limits,
    weight: plannedWeight,
    unitOf: (p) => p.change.name,
    splitFirst: (p) => !p.addition,
    oversizedOrder: 'input',
    tooLarge: (p, w) =>
      new ZonesmithError(
        'gcloud-change-too-large',
        `the change to ${p.change.name} ${p.change.type ?? ''} carries ${w.bytes} bytes of record data (old and new set); one Cloud DNS Change allows ${limits.bytes}, and splitting the deletion from the addition would leave the name without data in between`,
      ),
  });
  return bins.map((bin) => {
    // The engine's order (dependency order) within the Change, so a log reads like the plan.
    const groups = [...bin.groups].sort((a, b) => a.unit.index - b.unit.index);
    const ps = groups.flatMap((g) => g.items);
    return {
      changes: ps.map((p) => p.change),
      additions: ps.flatMap((p) => (p.addition ? [p.addition] : [])),
      deletions: ps.flatMap((p) => (p.deletion ? [p.deletion] : [])),
      weight: bin.weight,
    };
  });
}
