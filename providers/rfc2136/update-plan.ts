/**
 * Packing a zone's changes into as few DNS UPDATE messages as fit (RFC 2136).
 *
 * Each Change becomes an item: its prerequisites (RFC 2136 §2.4, only on the first change of each
 * RRset: the RRset still holds what was read, or does not exist), its deletes (class NONE, one per
 * RR) and its adds. Owner names are compressed against the zone name at offset 12, so an item's
 * size does not depend on its neighbours. Items are then cut into messages first-fit in the order
 * received: the dependency order the engine computed is kept across messages. Cutting an ordered
 * list greedily gives the fewest contiguous messages possible (each message ends at least as late
 * as in any other cut), and with items far smaller than a message the count equals the byte lower
 * bound ⌈payload / capacity⌉ that the plan reports.
 */
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { rfc2136Error, type ErrorPlace } from './errors.js';
import { rrsetKey, wireRdata, wireType } from './convert.js';
import { CLASS_ANY, CLASS_IN, CLASS_NONE, HEADER_BYTES, TYPE_NS, ZoneNames, encodeRecord } from './wire.js';

/** A value-dependent prerequisite repeats the whole RRset; above this size "RRset exists" is used instead. */
export const VALUE_PREREQ_LIMIT = 4096;

/** Sizes a plan works with. */
export interface PlanOptions {
  /** Zone name without trailing dot. */
  readonly zone: string;
  /** Largest message the transport carries (65,535 over TCP, 512 over UDP). */
  readonly maxMessageBytes: number;
  /** Octets the TSIG RR will add (0 when unsigned). */
  readonly tsigBytes: number;
  /** For errors. */
  readonly server: string;
}

/** One UPDATE message, ready to encode. */
export interface PlannedMessage {
  /** The changes it carries, in the order received. */
  readonly changes: Change[];
  /** Prerequisite RRs (RFC 2136 §2.4). */
  readonly prereqs: Buffer[];
  /** Update RRs in send order: apex NS adds, then every delete, then every other add. */
  readonly updates: Buffer[];
  /** Size of the whole message including header, zone section and TSIG. */
  readonly bytes: number;
}

/** The messages and the arithmetic that proves their number minimal. */
export interface UpdatePlan {
  readonly messages: PlannedMessage[];
  /** Octets of all items (prerequisites + updates), without per-message overhead. */
  readonly payloadBytes: number;
  /** Octets per message available to items: the limit minus header, zone section and TSIG. */
  readonly capacity: number;
  /** ⌈payloadBytes / capacity⌉: no packing can use fewer messages. */
  readonly lowerBound: number;
}

interface Item {
  readonly change: Change;
  readonly prereqs: Buffer[];
  readonly deletes: Buffer[];
  readonly adds: Buffer[];
  /** Apex NS adds go before the deletes: servers ignore a delete of the zone's last NS (RFC 2136 §3.4.2.4). */
  readonly nsAdds: Buffer[];
  readonly bytes: number;
}

function sameRecord(a: DnsRecord, b: DnsRecord): boolean {
  return a.rdata === b.rdata && a.ttl === b.ttl;
}

/** Groups records by RRset key. */
export function groupByRrset(records: readonly DnsRecord[]): Map<string, DnsRecord[]> {
  const out = new Map<string, DnsRecord[]>();
  for (const r of records) {
    const k = rrsetKey(r.name, r.type);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Splits `changes` into UPDATE messages; `existing` (what was read) supplies the prerequisites. */
export function planUpdate(changes: readonly Change[], existing: readonly DnsRecord[], opts: PlanOptions): UpdatePlan {
  const place: ErrorPlace = { server: opts.server, zone: opts.zone };
  const zone = opts.zone.toLowerCase();
  const names = new ZoneNames(zone);
  const overhead = HEADER_BYTES + names.zoneWire.length + 4 + opts.tsigBytes;
  const capacity = opts.maxMessageBytes - overhead;
  const read = groupByRrset(existing);
  const guarded = new Set<string>();

  const owner = (name: string): Uint8Array => {
    const o = names.owner(name);
    if (!o) throw rfc2136Error('rfc2136-name-outside-zone', place, `the record name ${name} is not inside the zone`);
    return o;
  };
  const typeOf = (rec: DnsRecord): number => {
    const t = wireType(rec);
    if (t === undefined) throw rfc2136Error('rfc2136-unsupported-type', place, `${rec.name} ${rec.type}: ${rec.type} is not a DNS type and cannot be sent to a server`);
    return t;
  };

  const items: Item[] = changes.map((change) => {
    const before = change.before;
    const after = change.after;
    const deletes = before.filter((b) => !after.some((a) => sameRecord(a, b)));
    const addsAll = after.filter((a) => !before.some((b) => sameRecord(a, b)));
    const prereqs: Buffer[] = [];
    for (const rec of [...before, ...after]) {
      const key = rrsetKey(rec.name, rec.type);
      if (guarded.has(key)) continue;
      guarded.add(key);
      const o = owner(rec.name);
      const t = typeOf(rec);
      const held = read.get(key);
      if (!held || held.length === 0) {
        prereqs.push(encodeRecord(o, t, CLASS_NONE, 0, new Uint8Array(0)));
        continue;
      }
      const value = held.map((h) => encodeRecord(o, t, CLASS_IN, 0, wireRdata(h)));
      if (value.reduce((n, b) => n + b.length, 0) <= VALUE_PREREQ_LIMIT) prereqs.push(...value);
      else prereqs.push(encodeRecord(o, t, CLASS_ANY, 0, new Uint8Array(0)));
    }
    const del = deletes.map((r) => encodeRecord(owner(r.name), typeOf(r), CLASS_NONE, 0, wireRdata(r)));
    const nsAdds: Buffer[] = [];
    const adds: Buffer[] = [];
    for (const r of addsAll) {
      const t = typeOf(r);
      const rr = encodeRecord(owner(r.name), t, CLASS_IN, r.ttl, wireRdata(r));
      if (t === TYPE_NS && r.name === zone) nsAdds.push(rr);
      else adds.push(rr);
    }
    const bytes = [...prereqs, ...del, ...adds, ...nsAdds].reduce((n, b) => n + b.length, 0);
    if (bytes > capacity) {
      throw rfc2136Error(
        'rfc2136-change-too-large',
        place,
        `the change to ${change.name}${change.type ? ` ${change.type}` : ''} needs ${bytes} octets, more than one UPDATE message holds (${capacity})`,
      );
    }
    return { change, prereqs, deletes: del, adds, nsAdds, bytes };
  });

  const messages: PlannedMessage[] = [];
  let cur: Item[] = [];
  let used = 0;
  const flush = (): void => {
    if (cur.length === 0) return;
    messages.push({
      changes: cur.map((i) => i.change),
      prereqs: cur.flatMap((i) => i.prereqs),
      updates: [...cur.flatMap((i) => i.nsAdds), ...cur.flatMap((i) => i.deletes), ...cur.flatMap((i) => i.adds)],
      bytes: overhead + used,
    });
    cur = [];
    used = 0;
  };
  for (const item of items) {
    if (used + item.bytes > capacity) flush();
    cur.push(item);
    used += item.bytes;
  }
  flush();
  const payloadBytes = items.reduce((n, i) => n + i.bytes, 0);
  return { messages, payloadBytes, capacity, lowerBound: Math.ceil(payloadBytes / capacity) };
}
