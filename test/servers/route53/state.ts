import { sortName, storedName } from './names.js';

/** An alias target as Route 53 stores it. */
export interface StoredAlias {
  readonly hostedZoneId: string;
  readonly dnsName: string;
  readonly evaluateTargetHealth: boolean;
}

/** One resource record set as the server holds it (names in stored form). */
export interface StoredRrset {
  readonly name: string;
  readonly type: string;
  readonly setIdentifier?: string;
  readonly weight?: number;
  readonly ttl?: number;
  /** Values exactly as sent: Route 53 does not rewrite them. */
  readonly values: readonly string[];
  readonly alias?: StoredAlias;
}

/** One hosted zone with its record sets. */
export interface StoredZone {
  /** Bare id (`Z0000000000001`); the API shows it as `/hostedzone/<id>`. */
  readonly id: string;
  /** Stored form, with the trailing dot. */
  readonly name: string;
  readonly callerReference: string;
  readonly comment?: string;
  readonly privateZone: boolean;
  readonly nameServers: readonly string[];
  readonly rrsets: Map<string, StoredRrset>;
  /** Record sets in list order with their sort keys, rebuilt lazily after a change. */
  sorted?: { rrset: StoredRrset; order: [string, string, string] }[];
}

/** A submitted change batch and how many GetChange polls it has seen. */
export interface StoredChange {
  readonly id: string;
  readonly submittedAt: Date;
  readonly comment?: string;
  polls: number;
}

/** The key of a record set within a zone: name, type and set identifier. */
export function rrsetKey(name: string, type: string, setIdentifier?: string): string {
  return `${name}\u0000${type}\u0000${setIdentifier ?? ''}`;
}

/** The sort key Route 53 lists by: reversed name, then type, then set identifier. */
export function listOrderKey(r: { name: string; type: string; setIdentifier?: string }): [string, string, string] {
  return [sortName(r.name), r.type, r.setIdentifier ?? ''];
}

/** Compares two list-order keys in ASCII order. */
export function compareOrder(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** All state of the server: zones by id, change batches by id, id counters. */
export class Route53State {
  readonly zones = new Map<string, StoredZone>();
  readonly changes = new Map<string, StoredChange>();
  private zoneCounter = 0;
  private changeCounter = 0;

  /** Creates a zone with Route 53's default SOA and apex NS record sets. */
  createZone(name: string, callerReference: string, opts: { comment?: string; privateZone?: boolean } = {}): StoredZone {
    this.zoneCounter++;
    const id = `Z${String(this.zoneCounter).padStart(13, '0')}`;
    const n = this.zoneCounter % 2048;
    const nameServers = [`ns-${n}.awsdns-01.org.`, `ns-${n + 512}.awsdns-02.co.uk.`, `ns-${n + 1024}.awsdns-03.com.`, `ns-${n + 1536}.awsdns-04.net.`];
    const zone: StoredZone = {
      id,
      name: storedName(name),
      callerReference,
      ...(opts.comment !== undefined ? { comment: opts.comment } : {}),
      privateZone: opts.privateZone ?? false,
      nameServers,
      rrsets: new Map(),
    };
    // Every new hosted zone starts with an SOA and four NS records (Route 53 Developer Guide,
    // "NS and SOA records that Route 53 creates for a public hosted zone").
    this.put(zone, { name: zone.name, type: 'SOA', ttl: 900, values: [`${nameServers[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`] });
    this.put(zone, { name: zone.name, type: 'NS', ttl: 172800, values: nameServers });
    this.zones.set(id, zone);
    return zone;
  }

  /** Stores (or replaces) a record set without any validation; for seeding test data. */
  put(zone: StoredZone, rrset: StoredRrset): void {
    const r = { ...rrset, name: storedName(rrset.name) };
    zone.rrsets.set(rrsetKey(r.name, r.type, r.setIdentifier), r);
    zone.sorted = undefined;
  }

  /** Record sets of a zone in Route 53's list order, with their sort keys. */
  sortedRrsets(zone: StoredZone): { rrset: StoredRrset; order: [string, string, string] }[] {
    if (!zone.sorted) {
      const entries = [...zone.rrsets.values()].map((rrset) => ({ rrset, order: listOrderKey(rrset) }));
      entries.sort((a, b) => compareOrder(a.order, b.order));
      zone.sorted = entries;
    }
    return zone.sorted;
  }

  /** Records a new change batch and returns it. */
  newChange(comment?: string): StoredChange {
    this.changeCounter++;
    const change: StoredChange = {
      id: `C${String(this.changeCounter).padStart(13, '0')}`,
      submittedAt: new Date(),
      ...(comment !== undefined ? { comment } : {}),
      polls: 0,
    };
    this.changes.set(change.id, change);
    return change;
  }

  /** Finds a zone by bare id or `/hostedzone/<id>`. */
  zone(id: string): StoredZone | undefined {
    return this.zones.get(id.replace(/^\/?hostedzone\//, ''));
  }
}
