/**
 * Which managed zone a zonesmith zone means. A project may hold a public and a private zone of
 * the same DNS name (split horizon); DNSControl's `visibility` provider metadata picks one kind,
 * as in DNSControl, and without it two zones of one name are an error rather than a guess.
 */
import { createHash } from 'node:crypto';
import { ZonesmithError } from '../../src/errors.js';
import type { ZoneRef } from '../../src/provider/types.js';
import type { GcloudApi, ManagedZone } from './api.js';
import { nameFromGcloud } from './convert.js';

/** A managed zone, resolved. */
export interface ResolvedZone {
  /** The resource name (`zone-example-com`), which API paths use. */
  readonly id: string;
  /** ASCII DNS name without the trailing dot. */
  readonly name: string;
  /** Absolute, lower-case, with the trailing dot. */
  readonly nameServers: readonly string[];
}

/** The project's managed zones, listed once and shared by concurrent callers. */
export class ZoneDirectory {
  private listing: Promise<ResolvedZone[]> | undefined;

  constructor(
    private readonly api: GcloudApi,
    private readonly visibility: string | undefined,
  ) {}

  /** All managed zones of the wanted visibility. */
  all(): Promise<ResolvedZone[]> {
    this.listing ??= this.api.listManagedZones().then((zones) => zones.filter((z) => this.visibility === undefined || (z.visibility ?? 'public') === this.visibility).map(resolved));
    const p = this.listing;
    p.catch(() => {
      if (this.listing === p) this.listing = undefined;
    });
    return p;
  }

  /** Forgets the listing (after creating a zone). */
  invalidate(): void {
    this.listing = undefined;
  }

  /** The managed zone for `zone`, or null. Throws `gcloud-zone-ambiguous` when several share its name. */
  async resolve(zone: ZoneRef): Promise<ResolvedZone | null> {
    const same = (await this.all()).filter((z) => z.name === zone.name);
    if (same.length > 1) {
      throw new ZonesmithError(
        'gcloud-zone-ambiguous',
        `${same.length} managed zones are named ${zone.name} (${same.map((z) => z.id).join(', ')}); pick public or private zones with the provider metadata {"visibility": "public"} or {"visibility": "private"}`,
      );
    }
    return same[0] ?? null;
  }
}

/**
 * The resource name for a zone zonesmith creates: DNSControl's `zone-` + the name with dots as
 * dashes. Resource names are 1-63 lower-case letters, digits and dashes, starting with a letter and
 * not ending with a dash; longer names are cut and given a hash suffix so they stay unique.
 */
export function managedZoneName(zone: string): string {
  const base = `zone-${zone.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
  if (base.length <= 63) return base;
  const hash = createHash('sha256').update(zone).digest('hex').slice(0, 8);
  return `${base.slice(0, 54).replace(/-+$/, '')}-${hash}`;
}

function resolved(z: ManagedZone): ResolvedZone {
  return {
    id: z.name,
    name: nameFromGcloud(z.dnsName),
    nameServers: (z.nameServers ?? []).map((n) => (n.endsWith('.') ? n : `${n}.`).toLowerCase()),
  };
}
