/**
 * One packer for providers whose API commits changes in atomic requests under several limits at
 * once (Route 53: ResourceRecord elements and value characters; Cloud DNS: additions, deletions and
 * rrdata bytes). Pure: no I/O. A provider says what an item weighs, which unit (owner name) it
 * belongs to and, if it has them, which units must be committed no later than it; it keeps its own
 * limits, error codes and the assembly of its native requests from the bins this returns.
 *
 * Why a search rather than one greedy pass: filling requests in input order (or first-fit) leaves
 * space unused when a few heavy items (long TXT values) sit among many light ones, so it can take
 * more requests than the limits force. The lower bound (each limit divides the total it counts) is
 * almost always reachable by spreading heavy units over k requests, so k starts there.
 */

/** A weight or a limit: one count per dimension, e.g. `{ records: 2, chars: 18 }`. */
export type Vector<K extends string> = Readonly<Record<K, number>>;

/** What the packer needs to know about items of type T weighed in dimensions K. */
export interface PackSpec<T, K extends string> {
  /** The most one request may hold in each dimension. */
  readonly limits: Vector<K>;
  /** What one item counts against the limits. */
  weight(item: T): Vector<K>;
  /** The unit of an item (its owner name): a unit's items share one request unless together they exceed one. */
  unitOf(item: T): string;
  /** The error for an item too heavy for an empty request; thrown for the first such item in input order. */
  tooLarge(item: T, weight: Vector<K>): Error;
  /** Items sent first when an oversized unit is spread over requests (deletions, so additions cannot clash). */
  splitFirst?(item: T): boolean;
  /** Units that must be in the same request as this item's unit or an earlier one (unknown keys and its own unit are ignored). */
  dependsOn?(item: T): Iterable<string>;
  /**
   * How oversized units are ordered among themselves: largest first (the default) or in input
   * order. Both work; the choice only moves which requests their pieces land in.
   */
  readonly oversizedOrder?: 'largest-first' | 'input';
}

/** A unit as packed: its key, its position among the units (by first item), and its dependency depth. */
export interface PackedUnit {
  readonly key: string;
  readonly index: number;
  /** 0 without dependencies, else one more than the deepest unit it depends on. */
  readonly depth: number;
}

/** Items put into a request in one step: a whole unit, or one item of an oversized unit. */
export interface PackedGroup<T> {
  readonly unit: PackedUnit;
  /** In input order. */
  readonly items: readonly T[];
}

/** One request: its groups in the order they were placed, and its total weight. */
export interface PackedBin<T, K extends string> {
  readonly groups: readonly PackedGroup<T>[];
  readonly weight: Vector<K>;
}

/** No packing can use fewer requests than this: each limit divides the total it counts. */
export function lowerBound<K extends string>(weights: Iterable<Vector<K>>, limits: Vector<K>): number {
  const dims = Object.keys(limits) as K[];
  return bound(
    Array.from(weights, (w) => dims.map((d) => w[d])),
    dims.map((d) => limits[d]),
  );
}

/** lowerBound on weights as arrays in the order of `limits`. */
function bound(weights: readonly (readonly number[])[], limits: readonly number[]): number {
  let most = 0;
  for (let i = 0; i < limits.length; i++) {
    let total = 0;
    for (const w of weights) total += w[i]!;
    most = Math.max(most, Math.ceil(total / limits[i]!));
  }
  return most;
}

/** How many request counts above the lower bound are tried before plain first-fit decides. */
const EXTRA_TRIES = 8;

type Strategy = 'balanced' | 'first-fit';

interface Unit<T> {
  readonly info: { key: string; index: number; depth: number };
  readonly items: T[];
  readonly weights: number[][];
  readonly total: number[];
  deps: string[];
  fits: boolean;
  size: number;
}

/**
 * Packs items into as few requests as the search finds. A unit's items travel together (so an
 * RRset's changes, or a CNAME swapped for an A at one name, commit atomically). For k = lower
 * bound, k + 1, ...: units in order of dependency depth, oversized ones first, then heaviest first,
 * go into the least-loaded request that fits ("balanced", which spreads heavy units evenly) or
 * else the first that fits ("first-fit"); the first k that works is used. A unit heavier than one
 * request goes item by item over consecutive requests, `splitFirst` items first. A unit never lands
 * before a unit it depends on. Throws `spec.tooLarge(...)` for an item no request can hold.
 */
export function packItems<T, K extends string>(items: readonly T[], spec: PackSpec<T, K>): PackedBin<T, K>[] {
  if (items.length === 0) return [];
  const dims = Object.keys(spec.limits) as K[];
  const limits = dims.map((d) => spec.limits[d]);
  const units = groupUnits(items, spec, dims, limits);
  const order = sortUnits(units, spec.oversizedOrder ?? 'largest-first');
  const lb = Math.max(1, bound(units.map((u) => u.total), limits));
  let packed: Bin<T>[] | undefined;
  for (let k = lb; k < lb + EXTRA_TRIES && !packed; k++) {
    packed = attempt(order, limits, k, 'balanced', spec) ?? attempt(order, limits, k, 'first-fit', spec);
  }
  // Unbounded first-fit always succeeds: every item fits an empty request (checked when grouping).
  packed ??= attempt(order, limits, Number.POSITIVE_INFINITY, 'first-fit', spec)!;
  return packed
    .filter((b) => b.groups.length > 0)
    .map((b) => ({ groups: b.groups, weight: Object.fromEntries(dims.map((d, i) => [d, b.used[i]!])) as Record<K, number> }));
}

class Bin<T> {
  readonly groups: PackedGroup<T>[] = [];
  readonly used: number[];
  constructor(private readonly limits: readonly number[]) {
    this.used = limits.map(() => 0);
  }
  fits(w: readonly number[]): boolean {
    // Plain loops: this runs for every unit against every open request.
    for (let i = 0; i < this.used.length; i++) if (this.used[i]! + w[i]! > this.limits[i]!) return false;
    return true;
  }
  /** The fullest dimension after adding `w` (0..1 when it fits). */
  loadWith(w: readonly number[]): number {
    let m = (this.used[0]! + w[0]!) / this.limits[0]!;
    for (let i = 1; i < this.used.length; i++) m = Math.max(m, (this.used[i]! + w[i]!) / this.limits[i]!);
    return m;
  }
  add(group: PackedGroup<T>, w: readonly number[]): void {
    this.groups.push(group);
    for (let i = 0; i < this.used.length; i++) this.used[i]! += w[i]!;
  }
}

function attempt<T, K extends string>(order: readonly Unit<T>[], limits: readonly number[], k: number, strategy: Strategy, spec: PackSpec<T, K>): Bin<T>[] | undefined {
  const bins: Bin<T>[] = [];
  // Balanced packing needs all k requests open from the start to spread the load over them.
  if (strategy === 'balanced' && Number.isFinite(k)) for (let i = 0; i < k; i++) bins.push(new Bin(limits));
  const binOf = new Map<string, number>();
  for (const u of order) {
    let from = 0;
    for (const d of u.deps) from = Math.max(from, binOf.get(d) ?? 0);
    if (u.fits) {
      const i = strategy === 'first-fit' ? firstFit(bins, u.total, from, k, limits) : leastLoaded(bins, u.total, from);
      if (i === undefined) return undefined;
      bins[i]!.add({ unit: u.info, items: u.items }, u.total);
      binOf.set(u.info.key, i);
      continue;
    }
    let at = from;
    const first = spec.splitFirst ?? ((): boolean => false);
    const idx = u.items.map((_v, j) => j);
    for (const j of [...idx.filter((j) => first(u.items[j]!)), ...idx.filter((j) => !first(u.items[j]!))]) {
      const i = firstFit(bins, u.weights[j]!, at, k, limits);
      if (i === undefined) return undefined;
      bins[i]!.add({ unit: u.info, items: [u.items[j]!] }, u.weights[j]!);
      at = i;
    }
    binOf.set(u.info.key, at);
  }
  return bins;
}

/** The open request (from `from` on) that fits `w` and ends up least loaded; the first on a tie. */
function leastLoaded<T>(bins: readonly Bin<T>[], w: readonly number[], from: number): number | undefined {
  let best: number | undefined;
  let bestLoad = 0;
  for (let i = from; i < bins.length; i++) {
    if (!bins[i]!.fits(w)) continue;
    const load = bins[i]!.loadWith(w);
    if (best === undefined || load < bestLoad) {
      best = i;
      bestLoad = load;
    }
  }
  return best;
}

/** The first request from `from` on that fits `w`, opening one (up to k in all) when none does. */
function firstFit<T>(bins: Bin<T>[], w: readonly number[], from: number, k: number, limits: readonly number[]): number | undefined {
  for (let i = from; i < bins.length; i++) if (bins[i]!.fits(w)) return i;
  const next = Math.max(bins.length, from);
  if (next >= k) return undefined;
  while (bins.length <= next) bins.push(new Bin(limits));
  return next;
}

function groupUnits<T, K extends string>(items: readonly T[], spec: PackSpec<T, K>, dims: readonly K[], limits: readonly number[]): Unit<T>[] {
  const byKey = new Map<string, Unit<T>>();
  for (const item of items) {
    const vector = spec.weight(item);
    const w = dims.map((d) => vector[d]);
    for (let i = 0; i < w.length; i++) if (w[i]! > limits[i]!) throw spec.tooLarge(item, vector);
    const key = spec.unitOf(item);
    let u = byKey.get(key);
    if (!u) {
      u = { info: { key, index: byKey.size, depth: 0 }, items: [], weights: [], total: dims.map(() => 0), deps: [], fits: true, size: 0 };
      byKey.set(key, u);
    }
    u.items.push(item);
    u.weights.push(w);
    for (let i = 0; i < w.length; i++) u.total[i]! += w[i]!;
  }
  for (const u of byKey.values()) {
    u.fits = u.total.every((x, i) => x <= limits[i]!);
    u.size = u.total.reduce((m, x, i) => Math.max(m, x / limits[i]!), 0);
    if (spec.dependsOn) u.deps = unitDeps(u, spec.dependsOn, byKey);
  }
  assignDepths(byKey);
  return [...byKey.values()];
}

/** The other units of this push that `u` depends on. */
function unitDeps<T>(u: Unit<T>, dependsOn: (item: T) => Iterable<string>, byKey: ReadonlyMap<string, Unit<T>>): string[] {
  const deps = new Set<string>();
  for (const item of u.items) for (const d of dependsOn(item)) if (d !== u.info.key && byKey.has(d)) deps.add(d);
  return deps.size === 0 ? [] : [...deps];
}

/**
 * Depth by repeated relaxation, so units can be placed after everything they depend on. A cycle
 * (which no DNS API accepts anyway) stops growing at the number of units instead of looping.
 */
function assignDepths<T>(byKey: ReadonlyMap<string, Unit<T>>): void {
  for (let round = 0; round < byKey.size; round++) {
    let changed = false;
    for (const u of byKey.values()) {
      const d = u.deps.length === 0 ? 0 : 1 + u.deps.reduce((m, n) => Math.max(m, byKey.get(n)!.info.depth), 0);
      if (d !== u.info.depth && d <= byKey.size) {
        u.info.depth = d;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/**
 * Placement order: shallower dependency depth first; within a depth oversized units first (they
 * need runs of consecutive requests, easiest to find while requests are empty), then heaviest first
 * (big items placed early leave small ones to fill the gaps), then input order.
 */
function sortUnits<T>(units: readonly Unit<T>[], oversizedOrder: 'largest-first' | 'input'): Unit<T>[] {
  return [...units].sort((a, b) => {
    const byDepth = a.info.depth - b.info.depth || Number(a.fits) - Number(b.fits);
    if (byDepth !== 0) return byDepth;
    const bySize = !a.fits && oversizedOrder === 'input' ? 0 : b.size - a.size;
    return bySize || a.info.index - b.info.index;
  });
}
