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
import { lowerBound as packingLowerBound, packItems } from '../../src/provider/packing.js';

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
  return packingLowerBound(planned.map((p) => totalWeight(p.natives)), limits);
}

/**
 * Packs planned changes into batches with the shared packer (src/provider/packing.ts). All changes
 * at one owner name travel together (so one RRset's changes are never split, and a CNAME swapped
 * for an A at the same name is atomic), with deletions first. Names are independent in Route 53
 * except for an alias whose target in the same zone is changed in the same push: that target goes
 * in the same or an earlier request, and first within a request. A name whose changes exceed one
 * request is sent change by change, deletions first, over consecutive requests. Throws
 * `route53-change-too-large` when a single change cannot fit any request.
 */
export function packBatches(planned: readonly PlannedChange[], limits: Limits = ROUTE53_LIMITS): Batch[] {
  const bins = packItems(planned, {
    limits,
    weight: (p) => totalWeight(p.natives),
    unitOf: (p) => p.change.name,
    splitFirst: onlyDeletes,
    dependsOn: aliasTargets,
    tooLarge: (p, w) =>
      new ZonesmithError(
        'route53-change-too-large',
        `the change to ${p.change.name} ${p.change.type ?? ''} needs ${w.records} ResourceRecord elements and ${w.chars} value characters; one Route 53 request allows ${limits.records} and ${limits.chars}`,
      ),
  });
  return bins.map((bin) => {
    // Natives by dependency depth, so alias targets precede their aliases within one request.
    const byDepth: NativeChange[][] = [];
    for (const g of bin.groups) (byDepth[g.unit.depth] ??= []).push(...orderNatives(g.items));
    return { changes: bin.groups.flatMap((g) => g.items.map((p) => p.change)), natives: byDepth.flatMap((n) => n ?? []), weight: bin.weight };
  });
}

/** In-zone names this change's aliases point at (the packer ignores names not in this push). */
function aliasTargets(p: PlannedChange): string[] {
  return p.natives.filter((n) => n.action !== 'DELETE' && n.rrset.AliasTarget?.DNSName).map((n) => n.rrset.AliasTarget!.DNSName!.toLowerCase().replace(/\.$/, ''));
}

/** Deletions first: with them out of the way, creations at the same name cannot conflict. */
function orderNatives(planned: readonly PlannedChange[]): NativeChange[] {
  const all = planned.flatMap((p) => p.natives);
  return [...all.filter((n) => n.action === 'DELETE'), ...all.filter((n) => n.action !== 'DELETE')];
}

function onlyDeletes(p: PlannedChange): boolean {
  return p.natives.every((n) => n.action === 'DELETE');
}
