/**
 * Which hosted zone a zonesmith zone means. Several hosted zones may share a name (a public and a
 * private one, split horizon); then the domain's `R53_ZONE(id)` picks one, as in DNSControl, whose
 * R53_ZONE sets the domain meta `zone_id`.
 */
import type { HostedZone } from '@aws-sdk/client-route-53';
import { ZonesmithError } from '../../src/errors.js';
import type { ZoneRef } from '../../src/provider/types.js';
import { bareZoneId } from './alias.js';
import type { Route53Api } from './api.js';
import { nameFromRoute53 } from './names.js';

/** Domain meta keys that name a hosted zone id (`zone_id` is what DNSControl's R53_ZONE sets). */
export const ZONE_ID_META = ['zone_id', 'r53_zone_id'] as const;

/** A hosted zone, resolved. */
export interface ResolvedZone {
  /** Bare id (`Z123`). */
  readonly id: string;
  /** ASCII name without the trailing dot. */
  readonly name: string;
}

/** The account's hosted zones, listed once and shared by concurrent callers. */
export class ZoneDirectory {
  private listing: Promise<ResolvedZone[]> | undefined;
  /** Ids resolved so far, by zone name (for prepareDesired, which cannot wait for I/O). */
  readonly known = new Map<string, string>();

  constructor(private readonly api: Route53Api) {}

  /** All hosted zones. */
  all(): Promise<ResolvedZone[]> {
    this.listing ??= this.api.listHostedZones().then((zones) => zones.map(resolved));
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

  /**
   * The hosted zone for `zone`, or null when there is none. Throws `route53-zone-ambiguous` when
   * several share the name and no zone id was given, `route53-zone-id-unknown` for an id that does
   * not exist or belongs to another name.
   */
  async resolve(zone: ZoneRef): Promise<ResolvedZone | null> {
    const wanted = requestedId(zone);
    const zones = await this.all();
    let found: ResolvedZone | undefined;
    if (wanted !== undefined) {
      found = zones.find((z) => z.id === wanted);
      if (!found || found.name !== zone.name) {
        throw new ZonesmithError('route53-zone-id-unknown', `R53_ZONE("${wanted}") for ${zone.name}: the account has no hosted zone ${wanted} named ${zone.name}`);
      }
    } else {
      const same = zones.filter((z) => z.name === zone.name);
      if (same.length > 1) {
        throw new ZonesmithError(
          'route53-zone-ambiguous',
          `${same.length} hosted zones are named ${zone.name} (${same.map((z) => z.id).join(', ')}); pick one with R53_ZONE("<id>") in D()`,
        );
      }
      found = same[0];
    }
    if (found) this.known.set(zone.name, found.id);
    return found ?? null;
  }
}

/** The zone id a domain asks for through its meta, if any. */
export function requestedId(zone: ZoneRef): string | undefined {
  for (const key of ZONE_ID_META) {
    const v = zone.meta[key];
    if (v) return bareZoneId(v);
  }
  return undefined;
}

function resolved(z: HostedZone): ResolvedZone {
  return { id: bareZoneId(z.Id ?? ''), name: nameFromRoute53(z.Name ?? '') };
}
