import type { Change, RecordChange } from '../diff/types.js';
import type { DnsRecord } from '../records/types.js';
import type { ZonePlan, ZonePushResult } from './types.js';

function recKey(r: DnsRecord): string {
  return `${r.name}\0${r.type}\0${r.ttl}\0${r.rdata}`;
}

/** A key that identifies a record change across copies (a provider may hand back copies of the changes). */
export function recordChangeKey(d: RecordChange): string {
  switch (d.kind) {
    case 'create':
      return `create\0${recKey(d.after)}`;
    case 'delete':
      return `delete\0${recKey(d.before)}`;
    default:
      return `${d.kind}\0${recKey(d.before)}\0${recKey(d.after)}`;
  }
}

function keys(changes: readonly Change[]): Set<string> {
  return new Set(changes.flatMap((c) => c.details.map(recordChangeKey)));
}

/** What push did in a zone it did not attempt (blocked, in error, or nothing to do). */
export function skippedPush(zone: ZonePlan, reason?: string): ZonePushResult {
  return {
    domain: zone.domain,
    provider: zone.provider,
    status: 'skipped',
    applied: [],
    failed: [],
    notApplied: zone.changes.flatMap((c) => c.details),
    ...(reason !== undefined ? { error: reason } : {}),
  };
}

/**
 * Sorts a zone's record changes into applied / failed / not applied from what the provider
 * reported through ApplyContext.applied (`applied`), the batch it was working on when it failed
 * (`failed`, when known) and the error it threw. A change the provider never confirmed is never
 * reported as applied.
 */
export function pushResult(zone: ZonePlan, outcome: { applied: readonly Change[]; failed?: readonly Change[]; error?: string }): ZonePushResult {
  const all = zone.changes.flatMap((c) => c.details);
  if (all.length === 0 && outcome.error === undefined) return skippedPush(zone);
  const ok = keys(outcome.applied);
  const bad = keys(outcome.failed ?? []);
  const applied: RecordChange[] = [];
  const failed: RecordChange[] = [];
  const notApplied: RecordChange[] = [];
  for (const d of all) {
    const k = recordChangeKey(d);
    if (ok.has(k)) applied.push(d);
    else if (bad.has(k)) failed.push(d);
    else notApplied.push(d);
  }
  let error = outcome.error;
  if (error === undefined && (failed.length > 0 || notApplied.length > 0)) {
    error = `the provider did not confirm ${failed.length + notApplied.length} of ${all.length} changes`;
  }
  const status = error === undefined ? 'applied' : applied.length > 0 ? 'partial' : 'failed';
  return { domain: zone.domain, provider: zone.provider, status, applied, failed, notApplied, ...(error !== undefined ? { error } : {}) };
}
