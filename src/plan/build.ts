import { diffZone } from '../diff/diff-zone.js';
import type { Granularity, ZoneDiff } from '../diff/types.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../ir/diagnostic.js';
import type { IrHandsOff, IrSafety } from '../ir/types.js';
import type { DnsRecord } from '../records/types.js';
import { planChecksum, zoneChecksum } from './checksum.js';
import { checkSafety } from './safety.js';
import { PLAN_VERSION, type Plan, type ZonePlan } from './types.js';

/** Who serves a zone: what every ZonePlan starts from. */
export interface ZoneIdentity {
  /** The domain's unique name (`example.com!inside`). */
  readonly domain: string;
  readonly unicodeName: string;
  /** The provider's name in the config and creds.json. */
  readonly provider: string;
  readonly providerType: string;
  readonly granularity: Granularity;
}

/** Everything {@link planZone} needs. */
export interface PlanZoneInput extends ZoneIdentity {
  /** ASCII zone name without trailing dot. */
  readonly zone: string;
  /** Desired records after the provider's prepareDesired (apex NS included). */
  readonly desired: readonly DnsRecord[];
  /** What the provider serves; null when the zone does not exist yet. */
  readonly existing: readonly DnsRecord[] | null;
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly comparedMeta?: readonly string[];
  readonly safety?: IrSafety;
  readonly force: boolean;
}

/** A planned zone, the diff it came from (push needs desiredPlus) and the diagnostics found. */
export interface PlanZoneResult {
  readonly zone: ZonePlan;
  readonly diff: ZoneDiff;
  readonly diagnostics: Diagnostic[];
}

/**
 * Plans one zone at one provider: diffs it, counts, applies the safety rails and checksums the
 * inputs. A zone whose config is unsafe (an error diagnostic) is planned with no changes and the
 * errors in `error`, so the plan still shows it and push refuses it.
 */
export function planZone(input: PlanZoneInput): PlanZoneResult {
  const existing = input.existing ?? [];
  const { diff, diagnostics } = diffZone({
    zone: input.zone,
    desired: input.desired,
    existing,
    absent: input.absent,
    handsOff: input.handsOff,
    granularity: input.granularity,
    ...(input.comparedMeta ? { comparedMeta: input.comparedMeta } : {}),
  });
  const checksum = zoneChecksum({
    domain: input.domain,
    provider: input.provider,
    providerType: input.providerType,
    granularity: input.granularity,
    desired: input.desired,
    absent: input.absent,
    handsOff: input.handsOff,
    ...(input.comparedMeta ? { comparedMeta: input.comparedMeta } : {}),
    observed: input.existing,
  });
  const base = {
    domain: input.domain,
    unicodeName: input.unicodeName,
    provider: input.provider,
    providerType: input.providerType,
    granularity: input.granularity,
    exists: input.existing !== null,
    existingCount: existing.length,
    changes: diff.changes,
    counts: diff.counts,
    messages: diff.messages,
  };
  const safety = checkSafety(base, input.safety, { force: input.force });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const zone: ZonePlan = hasErrors(diagnostics)
    ? { ...base, safety, checksum, error: errors.map(formatDiagnostic).join('\n') }
    : { ...base, safety, checksum };
  return { zone, diff, diagnostics };
}

/** A zone that could not be planned (its records could not be read): carried in the plan as an error. */
export function failedZonePlan(id: ZoneIdentity, error: string): ZonePlan {
  return {
    ...id,
    exists: false,
    existingCount: 0,
    changes: [],
    counts: { create: 0, update: 0, delete: 0 },
    messages: [],
    safety: { blocked: false, reasons: [] },
    checksum: zoneChecksum({ ...id, desired: [], absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, observed: null }),
    error,
  };
}

/** Puts zone plans together into a Plan and checksums it. */
export function assemblePlan(zones: readonly ZonePlan[]): Plan {
  return { version: PLAN_VERSION, zones, checksum: planChecksum(zones) };
}

/** The total record-level change count of a plan ("Done. N corrections."). */
export function totalChanges(plan: Plan): number {
  return plan.zones.reduce((n, z) => n + z.counts.create + z.counts.update + z.counts.delete, 0);
}
