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

function add(a: Weight, b: Weight): Weight {
  return { additions: a.additions + b.additions, deletions: a.deletions + b.deletions, bytes: a.bytes + b.bytes };
}

const ZERO: Weight = { additions: 0, deletions: 0, bytes: 0 };

function fits(w: Weight, limits: Limits): boolean {
  return w.additions <= limits.additions && w.deletions <= limits.deletions && w.bytes <= limits.bytes;
}

/** The fuller of the three limits (0..1 when it fits). */
function load(w: Weight, limits: Limits): number {
  return Math.max(w.additions / limits.additions, w.deletions / limits.deletions, w.bytes / limits.bytes);
}

/** No packing can use fewer Changes than this: each limit divides the total it counts. */
export function lowerBound(planned: readonly PlannedChange[], limits: Limits = GCLOUD_LIMITS): number {
  const w = planned.map(plannedWeight).reduce(add, ZERO);
  return Math.max(Math.ceil(w.additions / limits.additions), Math.ceil(w.deletions / limits.deletions), Math.ceil(w.bytes / limits.bytes));
}

/** All changes at one owner name: they travel together when they fit one Change. */
interface Unit {
  readonly index: number;
  readonly planned: PlannedChange[];
  weight: Weight;
}

class OpenBatch {
  readonly planned: { order: number; p: PlannedChange }[] = [];
  weight: Weight = ZERO;
  constructor(private readonly limits: Limits) {}
  fits(w: Weight): boolean {
    return fits(add(this.weight, w), this.limits);
  }
  loadWith(w: Weight): number {
    return load(add(this.weight, w), this.limits);
  }
  put(unit: Unit, items: readonly PlannedChange[], w: Weight): void {
    for (const p of items) this.planned.push({ order: unit.index, p });
    this.weight = add(this.weight, w);
  }
  finish(): Batch {
    // The engine's order (dependency order) within the Change, so a log reads like the plan.
    const ps = [...this.planned].sort((a, b) => a.order - b.order).map((x) => x.p);
    return {
      changes: ps.map((p) => p.change),
      additions: ps.flatMap((p) => (p.addition ? [p.addition] : [])),
      deletions: ps.flatMap((p) => (p.deletion ? [p.deletion] : [])),
      weight: this.weight,
    };
  }
}

type Strategy = 'balanced' | 'first-fit';

/**
 * Packs planned changes into Changes. One record set's deletion and addition are one planned change
 * and never split; all changes at one owner name go together (so a CNAME replaced by an A is one
 * atomic step). Packing tries k = lowerBound Changes, then k + 1, ...: names go largest first into
 * the least-loaded Change that fits (spreading large TXT sets evenly), or failing that first-fit;
 * the first k that works is used. A name whose changes exceed one Change is sent change by change
 * over consecutive Changes, deletions first. Throws `gcloud-change-too-large` when one record set's
 * change cannot fit any Change.
 */
export function packBatches(planned: readonly PlannedChange[], limits: Limits = GCLOUD_LIMITS): Batch[] {
  if (planned.length === 0) return [];
  const units = groupByName(planned, limits);
  const lb = Math.max(1, lowerBound(planned, limits));
  for (let k = lb; k < lb + 8; k++) {
    for (const strategy of ['balanced', 'first-fit'] as const) {
      const packed = attempt(units, limits, k, strategy);
      if (packed) return packed;
    }
  }
  return attempt(units, limits, Number.POSITIVE_INFINITY, 'first-fit')!;
}

function attempt(units: readonly Unit[], limits: Limits, k: number, strategy: Strategy): Batch[] | undefined {
  const bins: OpenBatch[] = [];
  if (strategy === 'balanced' && Number.isFinite(k)) for (let i = 0; i < k; i++) bins.push(new OpenBatch(limits));
  const whole = units.filter((u) => fits(u.weight, limits)).sort((a, b) => load(b.weight, limits) - load(a.weight, limits) || a.index - b.index);
  const split = units.filter((u) => !fits(u.weight, limits));
  // Oversized names first: they need runs of consecutive Changes, which are easiest to find empty.
  for (const u of split) {
    let at = 0;
    const ordered = [...u.planned.filter((p) => !p.addition), ...u.planned.filter((p) => p.addition)];
    for (const p of ordered) {
      const w = plannedWeight(p);
      const i = firstFit(bins, w, at, k, limits);
      if (i === undefined) return undefined;
      bins[i]!.put(u, [p], w);
      at = i;
    }
  }
  for (const u of whole) {
    let i: number | undefined;
    if (strategy === 'first-fit') i = firstFit(bins, u.weight, 0, k, limits);
    else {
      for (let j = 0; j < bins.length; j++) {
        if (bins[j]!.fits(u.weight) && (i === undefined || bins[j]!.loadWith(u.weight) < bins[i]!.loadWith(u.weight))) i = j;
      }
    }
    if (i === undefined) return undefined;
    bins[i]!.put(u, u.planned, u.weight);
  }
  return bins.filter((b) => b.planned.length > 0).map((b) => b.finish());
}

function firstFit(bins: OpenBatch[], w: Weight, from: number, k: number, limits: Limits): number | undefined {
  for (let i = from; i < bins.length; i++) if (bins[i]!.fits(w)) return i;
  const next = Math.max(bins.length, from);
  if (next >= k) return undefined;
  while (bins.length <= next) bins.push(new OpenBatch(limits));
  return next;
}

function groupByName(planned: readonly PlannedChange[], limits: Limits): Unit[] {
  const byName = new Map<string, Unit>();
  for (const p of planned) {
    const w = plannedWeight(p);
    if (!fits(w, limits)) {
      throw new ZonesmithError(
        'gcloud-change-too-large',
        `the change to ${p.change.name} ${p.change.type ?? ''} carries ${w.bytes} bytes of record data (old and new set); one Cloud DNS Change allows ${limits.bytes}, and splitting the deletion from the addition would leave the name without data in between`,
      );
    }
    let u = byName.get(p.change.name);
    if (!u) {
      u = { index: byName.size, planned: [], weight: ZERO };
      byName.set(p.change.name, u);
    }
    u.planned.push(p);
    u.weight = add(u.weight, w);
  }
  return [...byName.values()];
}
