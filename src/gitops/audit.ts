import { reportItems, type ReportItem } from '../plan/render/report.js';
import type { Plan, ZonePushResult } from '../plan/types.js';
import type { ServerVerdict } from './verify/verify.js';

/** Who pushed what, when: stamped on every item of the push report. */
export interface AuditStamp {
  /** The commit pushed (`--commit`, git HEAD or the CI's variable); absent when none was found. */
  readonly commit?: string;
  readonly actor?: string;
  /** ISO 8601, UTC. */
  readonly time: string;
}

/** A push report item: DNSControl's shape, the push results, the audit stamp and the verification. */
export interface AuditItem extends ReportItem {
  readonly commit?: string;
  readonly actor?: string;
  readonly time: string;
  /** `push --verify`: one entry per server asked. */
  readonly verify?: readonly { readonly server: string; readonly status: ServerVerdict['status']; readonly detail?: string }[];
}

/**
 * The `push --report` file: DNSControl's array of `{domain, corrections, correction_details,
 * provider}` (so its consumers keep working), each item also carrying what push did
 * (`status`, `applied`, `failed`, `not_applied`), the commit, the actor, the time and, with
 * --verify, what each server answered.
 */
export function auditItems(plan: Plan, results: readonly ZonePushResult[], stamp: AuditStamp, verdicts?: readonly ServerVerdict[]): AuditItem[] {
  return reportItems(plan, results).map((item): AuditItem => {
    const mine = verdicts?.filter((v) => v.domain === item.domain && v.provider === item.provider);
    return {
      ...item,
      ...(stamp.commit !== undefined ? { commit: stamp.commit } : {}),
      ...(stamp.actor !== undefined ? { actor: stamp.actor } : {}),
      time: stamp.time,
      ...(mine && mine.length > 0 ? { verify: mine.map((v) => ({ server: v.server, status: v.status, ...(v.detail !== undefined ? { detail: v.detail } : {}) })) } : {}),
    };
  });
}

/** The report file's text. */
export function renderAudit(plan: Plan, results: readonly ZonePushResult[], stamp: AuditStamp, verdicts?: readonly ServerVerdict[]): string {
  return `${JSON.stringify(auditItems(plan, results, stamp, verdicts), null, 2)}\n`;
}
