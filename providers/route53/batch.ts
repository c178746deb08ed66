/**
 * Packing native changes into as few ChangeResourceRecordSets requests as Route 53's limits allow.
 * Pure: no I/O. The limits (Route 53 Developer Guide, DNSLimitations.html, "Maximums on API
 * requests"; the same text since the 2016 guide, verified against the docs 2026-11):
 *  - "A request cannot contain more than 1,000 ResourceRecord elements. When the value of the
 *    Action element is UPSERT, each ResourceRecord element is counted twice."
 *  - "The sum of the number of characters (including spaces) in all Value elements in a request
 *    cannot exceed 32,000 characters. When the value of the Action element is UPSERT, each
 *    character in a Value element is counted twice."
 * Very old guides also capped a request at 100 Change elements; current ones do not, and
 * DNSControl, octoDNS and external-dns all batch by the two limits above.
 */
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { Change } from '../../src/diff/types.js';
import { ZonesmithError } from '../../src/errors.js';

/** One element of a ChangeBatch. */
export interface NativeChange {
  readonly action: 'CREATE' | 'DELETE' | 'UPSERT';
  readonly rrset: ResourceRecordSet;
}

/** An engine change with the native changes that carry it out, in order. */
export interface PlannedChange {
  readonly change: Change;
  readonly natives: readonly NativeChange[];
}

/** What a request counts against the limits. */
export interface Weight {
  readonly records: number;
  readonly chars: number;
}

/** Per-request limits. */
export interface Limits {
  readonly records: number;
  readonly chars: number;
}

/** Route 53's limits (see the file comment). */
export const ROUTE53_LIMITS: Limits = { records: 1000, chars: 32000 };

/** One request: the engine changes it carries out and its ChangeBatch elements. */
export interface Batch {
  readonly changes: readonly Change[];
  readonly natives: readonly NativeChange[];
  readonly weight: Weight;
}

/**
 * The weight of one element. An alias record set has no ResourceRecord; it is counted as one
 * record anyway (an assumption on the safe side: AWS does not say how aliases count).
 */
export function nativeWeight(n: NativeChange): Weight {
  const factor = n.action === 'UPSERT' ? 2 : 1;
  const values = n.rrset.ResourceRecords ?? [];
  const records = n.rrset.AliasTarget ? 1 : values.length;
  let chars = 0;
  for (const v of values) chars += (v.Value ?? '').length;
  return { records: factor * records, chars: factor * chars };
}

/** The sum of weights. */
export function totalWeight(natives: readonly NativeChange[]): Weight {
  let records = 0;
  let chars = 0;
  for (const n of natives) {
    const w = nativeWeight(n);
    records += w.records;
    chars += w.chars;
  }
  return { records, chars };
}

/** No packing can use fewer requests than this: each limit divides the total it counts. */
export function lowerBound(planned: readonly PlannedChange[], limits: Limits = ROUTE53_LIMITS): number {
  const w = totalWeight(planned.flatMap((p) => p.natives));
  return Math.max(Math.ceil(w.records / limits.records), Math.ceil(w.chars / limits.chars));
}

interface Unit {
  readonly index: number;
  readonly name: string;
  readonly planned: PlannedChange[];
  weight: Weight;
  /** Names (of other units) whose changes must be committed first: in-zone alias targets. */
  deps: string[];
  /** 0 for units without dependencies, else one more than the deepest dependency. */
  depth: number;
}

class OpenBatch {
  readonly changes: Change[] = [];
  /** Natives by dependency depth, so alias targets precede their aliases within one request. */
  readonly byDepth: NativeChange[][] = [];
  records = 0;
  chars = 0;
  constructor(private readonly limits: Limits) {}
  fits(w: Weight): boolean {
    return this.records + w.records <= this.limits.records && this.chars + w.chars <= this.limits.chars;
  }
  /** The fuller of the two limits after adding `w` (0..1). */
  loadWith(w: Weight): number {
    return Math.max((this.records + w.records) / this.limits.records, (this.chars + w.chars) / this.limits.chars);
  }
  add(planned: readonly PlannedChange[], w: Weight, depth: number): void {
    for (const p of planned) this.changes.push(p.change);
    (this.byDepth[depth] ??= []).push(...orderNatives(planned));
    this.records += w.records;
    this.chars += w.chars;
  }
  finish(): Batch {
    return { changes: this.changes, natives: this.byDepth.flatMap((n) => n ?? []), weight: { records: this.records, chars: this.chars } };
  }
}

type Strategy = 'balanced' | 'first-fit';

/**
 * Packs planned changes into batches. All changes at one owner name travel together (so one
 * RRset's changes are never split, and a CNAME swapped for an A at the same name is atomic), with
 * deletions first. Names are independent in Route 53 except for an alias whose target in the same
 * zone is changed in the same push: that target goes in the same or an earlier request, and first
 * within a request. Packing tries k = lowerBound requests, then k + 1, ...: units go largest first
 * into the least-loaded request that fits (which spreads large TXT sets evenly), or, failing that,
 * first-fit; the first k that works is used. A name whose changes exceed one request is sent
 * change by change, in order, over consecutive requests. Throws `route53-change-too-large` when a
 * single change cannot fit any request.
 */
export function packBatches(planned: readonly PlannedChange[], limits: Limits = ROUTE53_LIMITS): Batch[] {
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
  const batches: OpenBatch[] = [];
  // Balanced packing needs all k requests open from the start to spread the load over them.
  if (strategy === 'balanced' && Number.isFinite(k)) for (let i = 0; i < k; i++) batches.push(new OpenBatch(limits));
  const binOf = new Map<string, number>();
  const fitsEmpty = (w: Weight): boolean => w.records <= limits.records && w.chars <= limits.chars;
  const order = [...units].sort((a, b) => a.depth - b.depth || Number(fitsEmpty(a.weight)) - Number(fitsEmpty(b.weight)) || size(b.weight, limits) - size(a.weight, limits) || a.index - b.index);
  const place = (w: Weight, from: number): number | undefined => {
    if (strategy === 'first-fit') return firstFitFrom(batches, w, from, k, limits);
    let best: number | undefined;
    for (let i = from; i < batches.length; i++) {
      if (batches[i]!.fits(w) && (best === undefined || batches[i]!.loadWith(w) < batches[best]!.loadWith(w))) best = i;
    }
    return best;
  };
  for (const u of order) {
    const from = Math.max(0, ...u.deps.map((d) => binOf.get(d) ?? 0));
    if (fitsEmpty(u.weight)) {
      const i = place(u.weight, from);
      if (i === undefined) return undefined;
      batches[i]!.add(u.planned, u.weight, u.depth);
      binOf.set(u.name, i);
      continue;
    }
    let at = from;
    for (const p of [...u.planned.filter(onlyDeletes), ...u.planned.filter((q) => !onlyDeletes(q))]) {
      const w = totalWeight(p.natives);
      const i = firstFitFrom(batches, w, at, k, limits);
      if (i === undefined) return undefined;
      batches[i]!.add([p], w, u.depth);
      at = i;
    }
    binOf.set(u.name, at);
  }
  return batches.filter((b) => b.changes.length > 0).map((b) => b.finish());
}

function firstFitFrom(batches: OpenBatch[], w: Weight, from: number, k: number, limits: Limits): number | undefined {
  for (let i = from; i < batches.length; i++) if (batches[i]!.fits(w)) return i;
  const next = Math.max(batches.length, from);
  if (next >= k) return undefined;
  while (batches.length <= next) batches.push(new OpenBatch(limits));
  return next;
}

function groupByName(planned: readonly PlannedChange[], limits: Limits): Unit[] {
  const byName = new Map<string, Unit>();
  for (const p of planned) {
    const w = totalWeight(p.natives);
    if (w.records > limits.records || w.chars > limits.chars) {
      throw new ZonesmithError(
        'route53-change-too-large',
        `the change to ${p.change.name} ${p.change.type ?? ''} needs ${w.records} ResourceRecord elements and ${w.chars} value characters; one Route 53 request allows ${limits.records} and ${limits.chars}`,
      );
    }
    let u = byName.get(p.change.name);
    if (!u) {
      u = { index: byName.size, name: p.change.name, planned: [], weight: { records: 0, chars: 0 }, deps: [], depth: 0 };
      byName.set(p.change.name, u);
    }
    u.planned.push(p);
    u.weight = { records: u.weight.records + w.records, chars: u.weight.chars + w.chars };
  }
  for (const u of byName.values()) {
    const targets = u.planned.flatMap((p) => p.natives).filter((n) => n.action !== 'DELETE' && n.rrset.AliasTarget?.DNSName).map((n) => n.rrset.AliasTarget!.DNSName!.toLowerCase().replace(/\.$/, ''));
    u.deps = [...new Set(targets)].filter((t) => t !== u.name && byName.has(t));
  }
  // Depth by repeated relaxation; alias cycles (which Route 53 refuses anyway) stop at the bound.
  for (let round = 0; round < byName.size; round++) {
    let changed = false;
    for (const u of byName.values()) {
      const d = u.deps.length === 0 ? 0 : 1 + Math.max(...u.deps.map((n) => byName.get(n)!.depth));
      if (d !== u.depth && d <= byName.size) {
        u.depth = d;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return [...byName.values()];
}

/** Deletions first: with them out of the way, creations at the same name cannot conflict. */
function orderNatives(planned: readonly PlannedChange[]): NativeChange[] {
  const all = planned.flatMap((p) => p.natives);
  return [...all.filter((n) => n.action === 'DELETE'), ...all.filter((n) => n.action !== 'DELETE')];
}

function onlyDeletes(p: PlannedChange): boolean {
  return p.natives.every((n) => n.action === 'DELETE');
}

function size(w: Weight, limits: Limits): number {
  return Math.max(w.records / limits.records, w.chars / limits.chars);
}
