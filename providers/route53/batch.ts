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
  readonly planned: PlannedChange[];
  weight: Weight;
  /** Creates or replaces an alias: must come after the records it may point at. */
  tail: boolean;
}

class OpenBatch {
  readonly changes: Change[] = [];
  readonly head: NativeChange[] = [];
  readonly tail: NativeChange[] = [];
  records = 0;
  chars = 0;
  constructor(private readonly limits: Limits) {}
  fits(w: Weight): boolean {
    return this.records + w.records <= this.limits.records && this.chars + w.chars <= this.limits.chars;
  }
  add(planned: readonly PlannedChange[], w: Weight, tail: boolean): void {
    for (const p of planned) this.changes.push(p.change);
    (tail ? this.tail : this.head).push(...orderNatives(planned));
    this.records += w.records;
    this.chars += w.chars;
  }
  finish(): Batch {
    return { changes: this.changes, natives: [...this.head, ...this.tail], weight: { records: this.records, chars: this.chars } };
  }
}

/**
 * Packs planned changes into batches. All changes at one owner name travel together (so one
 * RRset's changes are never split, and a CNAME swapped for an A at the same name is atomic), with
 * deletions first. Names are independent of each other in Route 53 except for alias targets in
 * the same zone, so units are packed first-fit by decreasing size, and alias creations go last:
 * into the last batch that holds other changes, or later ones. A name whose changes exceed one
 * request is sent change by change, in order, over consecutive batches. Throws
 * `route53-change-too-large` when one change alone cannot fit a request.
 */
export function packBatches(planned: readonly PlannedChange[], limits: Limits = ROUTE53_LIMITS): Batch[] {
  const units = groupByName(planned);
  const batches: OpenBatch[] = [];
  const fitsEmpty = (w: Weight): boolean => w.records <= limits.records && w.chars <= limits.chars;

  const head = units.filter((u) => !u.tail);
  const tail = units.filter((u) => u.tail);
  // Oversized names first, in order, each piece at or after the previous one.
  let cursor = 0;
  for (const u of head.filter((x) => !fitsEmpty(x.weight))) cursor = placeInOrder(u, cursor, batches, limits);
  const sorted = head.filter((x) => fitsEmpty(x.weight)).sort((a, b) => size(b.weight, limits) - size(a.weight, limits) || a.index - b.index);
  for (const u of sorted) {
    const target = batches.find((b) => b.fits(u.weight));
    if (target) target.add(u.planned, u.weight, false);
    else {
      const b = new OpenBatch(limits);
      b.add(u.planned, u.weight, false);
      batches.push(b);
    }
  }
  cursor = Math.max(0, batches.length - 1);
  for (const u of tail) {
    if (!fitsEmpty(u.weight)) {
      cursor = placeInOrder(u, cursor, batches, limits);
      continue;
    }
    let i = cursor;
    while (i < batches.length && !batches[i]!.fits(u.weight)) i++;
    if (i === batches.length) batches.push(new OpenBatch(limits));
    batches[i]!.add(u.planned, u.weight, true);
    cursor = i;
  }
  return batches.map((b) => b.finish());
}

function placeInOrder(u: Unit, cursor: number, batches: OpenBatch[], limits: Limits): number {
  const pieces = [...u.planned.filter(onlyDeletes), ...u.planned.filter((p) => !onlyDeletes(p))];
  let i = cursor;
  for (const p of pieces) {
    const w = totalWeight(p.natives);
    if (w.records > limits.records || w.chars > limits.chars) {
      throw new ZonesmithError(
        'route53-change-too-large',
        `the change to ${p.change.name} ${p.change.type ?? ''} needs ${w.records} ResourceRecord elements and ${w.chars} value characters; one Route 53 request allows ${limits.records} and ${limits.chars}`,
      );
    }
    while (i < batches.length && !batches[i]!.fits(w)) i++;
    if (i === batches.length) batches.push(new OpenBatch(limits));
    batches[i]!.add([p], w, u.tail);
  }
  return i;
}

function groupByName(planned: readonly PlannedChange[]): Unit[] {
  const byName = new Map<string, Unit>();
  for (const p of planned) {
    let u = byName.get(p.change.name);
    if (!u) {
      u = { index: byName.size, planned: [], weight: { records: 0, chars: 0 }, tail: false };
      byName.set(p.change.name, u);
    }
    u.planned.push(p);
    const w = totalWeight(p.natives);
    u.weight = { records: u.weight.records + w.records, chars: u.weight.chars + w.chars };
    if (p.natives.some((n) => n.action !== 'DELETE' && n.rrset.AliasTarget)) u.tail = true;
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
