import type { Plan, ZonePushResult } from '../types.js';
import { changeLine } from './lines.js';

/**
 * One item of the `--report` file: DNSControl's ReportItem (`domain`, `corrections`,
 * `correction_details`, `provider`), extended with zonesmith's safety verdict and, after push,
 * exactly what was applied.
 */
export interface ReportItem {
  readonly domain: string;
  /** The number of correction_details lines (DNSControl PR #3835). */
  readonly corrections: number;
  /** Each record change as the text renderer prints it, without colour. */
  readonly correction_details: readonly string[];
  readonly provider: string;
  readonly provider_type: string;
  readonly checksum: string;
  readonly blocked?: boolean;
  readonly blocked_reasons?: readonly string[];
  readonly error?: string;
  /** Push only: `applied`, `partial`, `failed` or `skipped`. */
  readonly status?: ZonePushResult['status'];
  readonly applied?: readonly string[];
  readonly failed?: readonly string[];
  readonly not_applied?: readonly string[];
}

/** The report items of a plan, and of a push when its results are given. */
export function reportItems(plan: Plan, results?: readonly ZonePushResult[]): ReportItem[] {
  return plan.zones.map((z): ReportItem => {
    const details = z.changes.flatMap((c) => c.details.map(changeLine));
    const item: ReportItem = {
      domain: z.domain,
      corrections: details.length,
      correction_details: details,
      provider: z.provider,
      provider_type: z.providerType,
      checksum: z.checksum,
      ...(z.safety.reasons.length > 0 ? { blocked: z.safety.blocked, blocked_reasons: z.safety.reasons } : {}),
      ...(z.error !== undefined ? { error: z.error } : {}),
    };
    const r = results?.find((x) => x.domain === z.domain && x.provider === z.provider);
    if (!r) return item;
    return {
      ...item,
      status: r.status,
      applied: r.applied.map(changeLine),
      failed: r.failed.map(changeLine),
      not_applied: r.notApplied.map(changeLine),
      ...(r.error !== undefined ? { error: r.error } : {}),
    };
  });
}

/** The `--report` file's text: the items as indented JSON, like DNSControl's (no HTML escaping needed in JSON.stringify). */
export function renderReport(plan: Plan, results?: readonly ZonePushResult[]): string {
  return `${JSON.stringify(reportItems(plan, results), null, 2)}\n`;
}
