import type { Change, DiffMessage, Granularity, RecordChange } from '../diff/types.js';

/** The saved-plan format version; bump on any incompatible change and say so in docs/plan.md. */
export const PLAN_VERSION = 1;

/** Record-level counts; a TTL-only change counts as an update. */
export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

/** The verdict of the safety rails for one zone. */
export interface ZoneSafety {
  /** True when push must refuse this zone (without --force). */
  readonly blocked: boolean;
  /** Why, one sentence each; also filled when `forced` lifted the block, so the report still says it. */
  readonly reasons: readonly string[];
  /** True when reasons exist but --force lifted the block. */
  readonly forced?: boolean;
}

/** What one zone at one provider would change. */
export interface ZonePlan {
  /** The domain's unique name (`example.com` or `example.com!inside`). */
  readonly domain: string;
  readonly unicodeName: string;
  /** The provider's name in the config and creds.json. */
  readonly provider: string;
  /** The provider type (`ROUTE53`). */
  readonly providerType: string;
  readonly granularity: Granularity;
  /** False when the zone does not exist at the provider yet (it will be created). */
  readonly exists: boolean;
  /** How many records the provider serves now. */
  readonly existingCount: number;
  /** In the order push applies them. */
  readonly changes: readonly Change[];
  readonly counts: PlanCounts;
  readonly messages: readonly DiffMessage[];
  readonly safety: ZoneSafety;
  /** sha256 (hex) over the zone's desired and observed state: push refuses when it no longer matches. */
  readonly checksum: string;
  /** Set when the zone could not be planned (its read failed, or its config is unsafe); then `changes` is empty. */
  readonly error?: string;
}

/** Everything a preview found: the data every renderer and `push --plan` work from. */
export interface Plan {
  readonly version: typeof PLAN_VERSION;
  readonly zones: readonly ZonePlan[];
  /** sha256 (hex) over the zone checksums and the changes: what the reviewer saw. */
  readonly checksum: string;
}

/** What push did in one zone, so the report says exactly what was applied. */
export interface ZonePushResult {
  readonly domain: string;
  readonly provider: string;
  /**
   * `applied`: every change committed; `partial`: some committed, then a failure; `failed`: nothing
   * committed; `skipped`: not attempted (blocked by safety, the zone had an error, or no changes).
   */
  readonly status: 'applied' | 'partial' | 'failed' | 'skipped';
  /** Record changes the provider confirmed as committed. */
  readonly applied: readonly RecordChange[];
  /** Record changes in the batch that failed, when the provider says which. */
  readonly failed: readonly RecordChange[];
  /** Record changes never attempted, or whose fate the provider did not report. */
  readonly notApplied: readonly RecordChange[];
  /** The error text (never containing credentials), when something failed or the zone was skipped. */
  readonly error?: string;
}
