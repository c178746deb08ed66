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
import { CLASS_ANY, CLASS_IN, CLASS_NONE, HEADER_BYTES, TYPE_NS, ZoneNames } from './wire.js';

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

/** One RR to write: parts only, so packing allocates no buffers (tens of thousands of RRs per push). */
export interface RrParts {
  /** Compressed owner (see ZoneNames). */
  readonly owner: Uint8Array;
  readonly type: number;
  readonly klass: number;
  readonly ttl: number;
  readonly rdata: Uint8Array;
}

/** Octets `rr` takes in a message. */
export function rrBytes(rr: RrParts): number {
  return rr.owner.length + 10 + rr.rdata.length;
}

/** One UPDATE message, ready to encode. */
export interface PlannedMessage {
  /** The changes it carries, in the order received. */
  readonly changes: Change[];
  /** Prerequisite RRs (RFC 2136 §2.4). */
  readonly prereqs: RrParts[];
  /** Update RRs in send order: apex NS adds, then every delete, then every other add. */
  readonly updates: RrParts[];
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

const EMPTY = new Uint8Array(0);

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

function contains(list: readonly DnsRecord[], r: DnsRecord): boolean {
  for (const x of list) if (x.rdata === r.rdata && x.ttl === r.ttl) return true;
  return false;
}

/** One change's share of a message; reused from change to change, so packing allocates few arrays. */
interface Item {
  change: Change | undefined;
  readonly prereqs: RrParts[];
  readonly deletes: RrParts[];
  readonly nsAdds: RrParts[];
  readonly adds: RrParts[];
  bytes: number;
}

function newItem(): Item {
  return { change: undefined, prereqs: [], deletes: [], nsAdds: [], adds: [], bytes: 0 };
}

function append(to: RrParts[], from: readonly RrParts[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
}

/**
 * Builds the messages one at a time, so the sender can prepare message k+1 while the server works
 * on message k (the CPU cost of encoding then hides behind the server's). Every check that could
 * fail is done up front by {@link UpdatePlanner.check}, so nothing fails half-way through a push
 * for a reason that was knowable before it began.
 */
export class UpdatePlanner {
  /** Octets per message available to items. */
  readonly capacity: number;
  private readonly overhead: number;
  private readonly zone: string;
  private readonly names: ZoneNames;
  private readonly place: ErrorPlace;
  private readonly read: Map<string, DnsRecord[]>;
  /** RRsets guarded so far: once every message is built, exactly the RRsets the push touches. */
  readonly guarded = new Set<string>();
  /** Wire RDATA of the records encoded so far, for verification to reuse. */
  readonly encoded = new Map<DnsRecord, Uint8Array>();
  private index = 0;
  private pending: Item | undefined;
  private scratch: Item = newItem();
  private payload = 0;
  private count = 0;

  constructor(
    private readonly changes: readonly Change[],
    existing: readonly DnsRecord[],
    opts: PlanOptions,
  ) {
    this.place = { server: opts.server, zone: opts.zone };
    this.zone = opts.zone.toLowerCase();
    this.names = new ZoneNames(this.zone);
    this.overhead = HEADER_BYTES + this.names.zoneWire.length + 4 + opts.tsigBytes;
    this.capacity = opts.maxMessageBytes - this.overhead;
    this.read = groupByRrset(existing);
  }

  /**
   * Fails before anything is sent: names outside the zone, pseudo types, and any change that cannot
   * fit one message. This pass is kept cheap (no RDATA encoding), since it is the one part of packing
   * that cannot overlap with the server's work. Sizes are bounded: owners are exact (and cached for
   * the build); canonical rdata text → wire is at most 2 × length + 16 octets for every type
   * (numbers grow at most twofold, AAAA's "::" is 16, names gain one octet); a prerequisite at most
   * VALUE_PREREQ_LIMIT plus its owner. Only a change whose bound exceeds a message is encoded exactly.
   */
  check(): void {
    for (let i = 0; i < this.changes.length; i++) {
      const change = this.changes[i]!;
      let bound = 0;
      for (const list of [change.before, change.after]) {
        for (const r of list) {
          const o = this.owner(r.name);
          this.typeOf(r);
          bound += 2 * (o.length + 10) + 2 * r.rdata.length + 16 + VALUE_PREREQ_LIMIT;
        }
      }
      if (bound > this.capacity) {
        // Rare: size it exactly, with the RRsets that earlier changes guard as build() will see them.
        const earlier = new Set<string>();
        for (const c of this.changes.slice(0, i)) for (const r of [...c.before, ...c.after]) earlier.add(rrsetKey(r.name, r.type));
        this.build(change, earlier, newItem());
      }
    }
  }

  /** The next message, or undefined when every change has been placed. */
  next(): PlannedMessage | undefined {
    const prereqs: RrParts[] = [];
    const nsAdds: RrParts[] = [];
    const deletes: RrParts[] = [];
    const adds: RrParts[] = [];
    const changes: Change[] = [];
    let used = 0;
    for (;;) {
      let item: Item;
      if (this.pending) {
        item = this.pending;
        this.pending = undefined;
      } else if (this.index < this.changes.length) {
        item = this.scratch;
        this.build(this.changes[this.index++]!, this.guarded, item);
      } else break;
      // First fit in the order received: the earliest cut that keeps every message within the limit.
      if (used + item.bytes > this.capacity && changes.length > 0) {
        this.pending = item;
        if (item === this.scratch) this.scratch = newItem();
        break;
      }
      changes.push(item.change!);
      append(prereqs, item.prereqs);
      append(nsAdds, item.nsAdds);
      append(deletes, item.deletes);
      append(adds, item.adds);
      used += item.bytes;
    }
    if (changes.length === 0) return undefined;
    this.payload += used;
    this.count++;
    append(nsAdds, deletes);
    append(nsAdds, adds);
    return { changes, prereqs, updates: nsAdds, bytes: this.overhead + used };
  }

  /** Messages produced so far and the bound for the octets placed so far (final once next() returned undefined). */
  stats(): { messages: number; payloadBytes: number; capacity: number; lowerBound: number } {
    return { messages: this.count, payloadBytes: this.payload, capacity: this.capacity, lowerBound: Math.ceil(this.payload / this.capacity) };
  }

  private owner(name: string): Uint8Array {
    let o: Uint8Array | null;
    try {
      o = this.names.owner(name);
    } catch (err) {
      throw rfc2136Error('rfc2136-bad-name', this.place, `the record name ${name} cannot be sent: ${(err as Error).message}`, { cause: err });
    }
    if (!o) throw rfc2136Error('rfc2136-name-outside-zone', this.place, `the record name ${name} is not inside the zone`);
    return o;
  }

  private typeOf(rec: DnsRecord): number {
    const t = wireType(rec);
    if (t === undefined) throw rfc2136Error('rfc2136-unsupported-type', this.place, `${rec.name} ${rec.type}: ${rec.type} is not a DNS type and cannot be sent to a server`);
    return t;
  }

  /** RFC 2136 §2.4: the RRset still holds what was read (value-dependent), or does not exist; once per RRset. */
  private guard(rec: DnsRecord, guarded: Set<string>, out: RrParts[]): number {
    const key = rrsetKey(rec.name, rec.type);
    if (guarded.has(key)) return 0;
    guarded.add(key);
    const o = this.owner(rec.name);
    const type = this.typeOf(rec);
    const held = this.read.get(key);
    if (!held || held.length === 0) {
      out.push({ owner: o, type, klass: CLASS_NONE, ttl: 0, rdata: EMPTY });
      return o.length + 10;
    }
    let size = 0;
    for (const h of held) size += o.length + 10 + wireRdata(h, this.encoded).length;
    if (size > VALUE_PREREQ_LIMIT) {
      out.push({ owner: o, type, klass: CLASS_ANY, ttl: 0, rdata: EMPTY });
      return o.length + 10;
    }
    for (const h of held) out.push({ owner: o, type, klass: CLASS_IN, ttl: 0, rdata: wireRdata(h, this.encoded) });
    return size;
  }

  private build(change: Change, guarded: Set<string>, into: Item): void {
    const { prereqs, deletes, nsAdds, adds } = into;
    prereqs.length = 0;
    deletes.length = 0;
    nsAdds.length = 0;
    adds.length = 0;
    let bytes = 0;
    const { before, after } = change;
    const rdata = (r: DnsRecord): Uint8Array => {
      try {
        return wireRdata(r, this.encoded);
      } catch (err) {
        throw rfc2136Error('rfc2136-bad-rdata', this.place, `${r.name} ${r.type} ${r.rdata}: cannot be put on the wire: ${(err as Error).message}`, { cause: err });
      }
    };
    for (const r of before) bytes += this.guard(r, guarded, prereqs);
    for (const r of after) bytes += this.guard(r, guarded, prereqs);
    for (const r of before) {
      if (contains(after, r)) continue;
      const rr: RrParts = { owner: this.owner(r.name), type: this.typeOf(r), klass: CLASS_NONE, ttl: 0, rdata: rdata(r) };
      deletes.push(rr);
      bytes += rrBytes(rr);
    }
    for (const r of after) {
      if (contains(before, r)) continue;
      const rr: RrParts = { owner: this.owner(r.name), type: this.typeOf(r), klass: CLASS_IN, ttl: r.ttl, rdata: rdata(r) };
      // Apex NS adds go before the deletes: servers ignore a delete of the zone's last NS (RFC 2136 §3.4.2.4).
      if (rr.type === TYPE_NS && r.name === this.zone) nsAdds.push(rr);
      else adds.push(rr);
      bytes += rrBytes(rr);
    }
    if (bytes > this.capacity) {
      throw rfc2136Error(
        'rfc2136-change-too-large',
        this.place,
        `the change to ${change.name}${change.type ? ` ${change.type}` : ''} needs ${bytes} octets, more than one UPDATE message holds (${this.capacity})`,
      );
    }
    into.change = change;
    into.bytes = bytes;
  }
}

/** The whole plan at once (checks, then every message): for inspection and tests. */
export function planUpdate(changes: readonly Change[], existing: readonly DnsRecord[], opts: PlanOptions): UpdatePlan {
  const planner = new UpdatePlanner(changes, existing, opts);
  planner.check();
  const messages: PlannedMessage[] = [];
  for (let m = planner.next(); m; m = planner.next()) messages.push(m);
  const st = planner.stats();
  return { messages, payloadBytes: st.payloadBytes, capacity: st.capacity, lowerBound: st.lowerBound };
}
