/** Which Cloudflare zone a zonesmith zone means: the account's zones, listed once and shared. */
import { ZonesmithError } from '../../src/errors.js';
import type { ZoneRef } from '../../src/provider/types.js';
import type { CloudflareApi, NativeZone } from './api.js';
import { nameFromCloudflare } from './convert.js';

/** The zones of the account, listed once and shared by concurrent callers. */
export class ZoneDirectory {
  private listing: Promise<NativeZone[]> | undefined;

  constructor(
    private readonly api: CloudflareApi,
    private readonly accountId: string | undefined,
  ) {}

  /** All zones. */
  all(): Promise<NativeZone[]> {
    this.listing ??= this.api.listZones(this.accountId).then((zones) => zones.map((z) => ({ ...z, name: nameFromCloudflare(z.name) })));
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

  /** Adds a zone just created, so the next lookup need not list again. */
  remember(zone: NativeZone): void {
    const prev = this.listing;
    if (!prev) return;
    this.listing = prev.then((zones) => [...zones, { ...zone, name: nameFromCloudflare(zone.name) }]);
  }

  /**
   * The zone called `zone.name`, or null. Throws `cloudflare-zone-ambiguous` when the credentials
   * see several (in different accounts) and no `accountid` picks one.
   */
  async resolve(zone: ZoneRef): Promise<NativeZone | null> {
    const same = (await this.all()).filter((z) => z.name === zone.name);
    if (same.length > 1) {
      throw new ZonesmithError(
        'cloudflare-zone-ambiguous',
        `${same.length} Cloudflare zones are named ${zone.name} (ids ${same.map((z) => z.id).join(', ')}); set "accountid" in creds.json to pick the account`,
      );
    }
    return same[0] ?? null;
  }
}
