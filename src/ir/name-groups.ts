import type { DnsRecord } from '../records/types.js';

/**
 * Groups a zone's records by owner name for the zone checks (zone-checks.ts) without a Map per
 * zone: a Map grown to a 100-record zone left about 7 KB of outgrown tables behind, 10 MB of
 * garbage for 1,000 zones (Node 20, 2026-11), and its young-generation GCs copied the IR that
 * was being built. This open-addressing table lives in typed arrays kept from zone to zone and
 * is emptied by a new stamp, not by clearing.
 *
 * Not reentrant: one grouping at a time (checkZone is synchronous and calls nothing that groups).
 */

let slots = new Int32Array(256);
let stamps = new Int32Array(256);
let stamp = 0;
/** For each record index: the next record with the same name (-1: none), or in a group's first record, its last. */
let nextOf = new Int32Array(128);
let lastOf = new Int32Array(128);
/** Whether each record is the first of its name. */
let firstOf = new Uint8Array(128);

/**
 * Links records with equal names: afterwards {@link isFirst} tells the first record of each name
 * and {@link nextSameName} walks from it through the others, in the records' order.
 */
export function groupByName(records: readonly DnsRecord[]): void {
  const n = records.length;
  if (nextOf.length < n) {
    nextOf = new Int32Array(n * 2);
    lastOf = new Int32Array(n * 2);
    firstOf = new Uint8Array(n * 2);
  }
  let size = slots.length;
  if (size < n * 2) {
    while (size < n * 2) size *= 2;
    slots = new Int32Array(size);
    stamps = new Int32Array(size);
    stamp = 0;
  }
  if (++stamp > 0x7fffffff) {
    stamps.fill(0);
    stamp = 1;
  }
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    const name = (records[i] as DnsRecord).name;
    nextOf[i] = -1;
    let h = hash(name) & mask;
    for (;;) {
      if (stamps[h] !== stamp) {
        stamps[h] = stamp;
        slots[h] = i;
        firstOf[i] = 1;
        lastOf[i] = i;
        break;
      }
      const first = slots[h] as number;
      if ((records[first] as DnsRecord).name === name) {
        nextOf[lastOf[first] as number] = i;
        lastOf[first] = i;
        firstOf[i] = 0;
        break;
      }
      h = (h + 1) & mask;
    }
  }
}

/** Whether record `i` is the first with its name (after {@link groupByName}). */
export function isFirst(i: number): boolean {
  return firstOf[i] === 1;
}

/** The next record after `i` with the same name, or -1. */
export function nextSameName(i: number): number {
  return nextOf[i] as number;
}

// FNV-1a over the UTF-16 code units: names are short, and any spread of them will do.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
