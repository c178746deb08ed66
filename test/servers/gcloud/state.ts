/** What the local Cloud DNS server holds: managed zones, their record sets and their Changes. */

/** A ResourceRecordSet as stored: exactly as it was sent (Cloud DNS does not rewrite rrdatas). */
export interface StoredRrset {
  /** Absolute, lower-case, with the trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly rrdatas: readonly string[];
}

/** A Change as changes.create recorded it. */
export interface StoredChange {
  readonly id: string;
  readonly startTime: string;
  readonly additions: readonly StoredRrset[];
  readonly deletions: readonly StoredRrset[];
  /** changes.get calls seen (the Change is `done` after the server's pendingGets). */
  gets: number;
}

/** One managed zone. */
export interface StoredZone {
  /** Resource name (`zone-example-com`). */
  readonly name: string;
  /** Absolute, lower-case, with the trailing dot. */
  readonly dnsName: string;
  readonly id: string;
  readonly description: string;
  readonly visibility: 'public' | 'private';
  readonly nameServers: readonly string[];
  readonly nameServerSet?: string;
  readonly creationTime: string;
  readonly rrsets: Map<string, StoredRrset>;
  readonly changes: StoredChange[];
  /** Record sets in list order, rebuilt lazily after a change. */
  sorted?: StoredRrset[];
}

/** The key of a record set within a zone. */
export function rrsetKey(name: string, type: string): string {
  return `${name}\u0000${type}`;
}

/** List order: name, then type (ASCII). */
export function compareRrsets(a: { name: string; type: string }, b: { name: string; type: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

/** All zones of the server's one project. */
export class GcloudState {
  readonly zones = new Map<string, StoredZone>();
  private counter = 0;

  /**
   * Creates a zone the way Cloud DNS does: an SOA and four NS records of Google's name servers
   * (`ns-cloud-X1..4.googledomains.com.`, TTL 21600), which every new managed zone starts with.
   */
  createZone(input: { name: string; dnsName: string; description?: string; visibility?: 'public' | 'private'; nameServerSet?: string }): StoredZone {
    this.counter++;
    const shard = 'abcde'[this.counter % 5]!;
    const nameServers = [1, 2, 3, 4].map((i) => `ns-cloud-${shard}${i}.googledomains.com.`);
    const dnsName = input.dnsName.toLowerCase();
    const zone: StoredZone = {
      name: input.name,
      dnsName,
      id: String(1_000_000_000_000 + this.counter),
      description: input.description ?? '',
      visibility: input.visibility ?? 'public',
      nameServers,
      ...(input.nameServerSet !== undefined ? { nameServerSet: input.nameServerSet } : {}),
      creationTime: new Date().toISOString(),
      rrsets: new Map(),
      changes: [],
    };
    this.put(zone, { name: dnsName, type: 'SOA', ttl: 21600, rrdatas: [`${nameServers[0]} cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300`] });
    this.put(zone, { name: dnsName, type: 'NS', ttl: 21600, rrdatas: nameServers });
    this.zones.set(zone.name, zone);
    return zone;
  }

  /** Sets a record set directly (test setup; no request, no Change). */
  put(zone: StoredZone, rrset: StoredRrset): void {
    zone.rrsets.set(rrsetKey(rrset.name, rrset.type), { ...rrset, name: rrset.name.toLowerCase() });
    zone.sorted = undefined;
  }

  /** The zone's record sets in list order. */
  sorted(zone: StoredZone): StoredRrset[] {
    return (zone.sorted ??= [...zone.rrsets.values()].sort(compareRrsets));
  }

  /** The one zone with this DNS name (tests seed a single zone per name). */
  byDnsName(dnsName: string): StoredZone | undefined {
    const want = (dnsName.endsWith('.') ? dnsName : `${dnsName}.`).toLowerCase();
    return [...this.zones.values()].find((z) => z.dnsName === want);
  }
}
