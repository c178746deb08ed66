/** In-memory state of the local Cloudflare server: accounts' zones and their records. */
import type { StoredRecord } from './record.js';
import type { NameIndex } from './rules.js';

/** A zone's records, indexed by id and by name, with an undo log for transactions. */
export class ZoneRecords implements NameIndex {
  readonly byId = new Map<string, StoredRecord>();
  private readonly byName = new Map<string, Set<string>>();
  private undo: (() => void)[] | undefined;

  /** Records at `name`, in creation order. */
  at(name: string): StoredRecord[] {
    const ids = this.byName.get(name);
    if (!ids) return [];
    return [...ids].map((id) => this.byId.get(id)!);
  }

  /** Inserts or replaces a record. */
  put(r: StoredRecord): void {
    const old = this.byId.get(r.id);
    if (old) this.unindex(old);
    this.byId.set(r.id, r);
    let ids = this.byName.get(r.name);
    if (!ids) this.byName.set(r.name, (ids = new Set()));
    ids.add(r.id);
    this.undo?.push(() => {
      this.unindex(r);
      this.byId.delete(r.id);
      if (old) this.put(old);
    });
  }

  /** Removes a record; returns it, or undefined when there is none with that id. */
  remove(id: string): StoredRecord | undefined {
    const old = this.byId.get(id);
    if (!old) return undefined;
    this.unindex(old);
    this.byId.delete(id);
    this.undo?.push(() => this.put(old));
    return old;
  }

  /** Runs `fn` as one transaction: when it throws, every change it made is undone. */
  transaction<T>(fn: () => T): T {
    const log: (() => void)[] = [];
    this.undo = log;
    try {
      return fn();
    } catch (e) {
      this.undo = undefined;
      for (const step of log.reverse()) step();
      throw e;
    } finally {
      this.undo = undefined;
    }
  }

  private unindex(r: StoredRecord): void {
    const ids = this.byName.get(r.name);
    ids?.delete(r.id);
    if (ids && ids.size === 0) this.byName.delete(r.name);
  }
}

/** A zone. */
export interface StoredZone {
  /** 32 hex digits, as Cloudflare's identifiers. */
  readonly id: string;
  /** Lower-case, no trailing dot. */
  readonly name: string;
  readonly accountId: string;
  readonly nameServers: readonly string[];
  readonly createdOn: string;
  readonly records: ZoneRecords;
}

const NS_NAMES = ['ada', 'bob', 'cruz', 'dina', 'elle', 'finn', 'gwen', 'hugo'];

/** All zones, plus id and clock sources (deterministic, so tests can predict ids). */
export class CloudflareState {
  readonly zones = new Map<string, StoredZone>();
  private counter = 0;
  private clock = Date.UTC(2026, 10, 1);

  /** A fresh 32-hex-digit identifier. */
  nextId(): string {
    this.counter++;
    return this.counter.toString(16).padStart(32, '0');
  }

  /** An ISO timestamp that moves forward one millisecond per call. */
  now(): string {
    return new Date(this.clock++).toISOString();
  }

  /** Creates a zone with two assigned nameservers. */
  createZone(name: string, accountId: string): StoredZone {
    const n = this.zones.size;
    const zone: StoredZone = {
      id: this.nextId(),
      name: name.toLowerCase().replace(/\.$/, ''),
      accountId,
      nameServers: [`${NS_NAMES[n % NS_NAMES.length]}.ns.cloudflare.com`, `${NS_NAMES[(n + 3) % NS_NAMES.length]}.ns.cloudflare.com`],
      createdOn: this.now(),
      records: new ZoneRecords(),
    };
    this.zones.set(zone.id, zone);
    return zone;
  }

  /** The zone called `name`, if any. */
  zoneByName(name: string): StoredZone | undefined {
    for (const z of this.zones.values()) if (z.name === name) return z;
    return undefined;
  }
}
