/**
 * The pushes every cloud provider benchmark makes (10,000 creations, updates, deletions, then a
 * mix with large TXT values) and one push measured against the provider's local test server. Each
 * benchmark supplies its own diff, request count and lower bound, so the figures stay the
 * provider's own.
 */
import type { Change } from '../../src/diff/types.js';
import type { ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import { applyContext, manyA, rec } from '../../test/provider/support.js';
import { timed } from './table.js';

/** One push: a label and the zone's desired records. */
export interface Step {
  readonly label: string;
  readonly desired: readonly DnsRecord[];
}

/** `n` A creations, `n` updates, `n` deletions, then `n` creations of which 5 % are 1,500-character TXT. */
export function cloudSteps(zone: string, n: number): Step[] {
  const txt = (i: number): DnsRecord => rec(zone, `t${i}`, 'TXT', `"${`k${i}`.padEnd(1500, 'x')}"`);
  const fewTxt = Math.floor(n / 20);
  return [
    { label: 'create A', desired: manyA(zone, 'h', n, '192.0.2.1') },
    { label: 'update A', desired: manyA(zone, 'h', n, '192.0.2.2') },
    { label: 'delete A', desired: [] },
    { label: 'create mix (5% TXT of 1,500 chars)', desired: [...manyA(zone, 'm', n - fewTxt, '192.0.2.3'), ...Array.from({ length: fewTxt }, (_v, i) => txt(i))] },
  ];
}

/** A provider instance on its test server, and what the benchmark counts there. */
export interface PushTarget {
  readonly provider: ProviderInstance;
  readonly zone: ZoneRef;
  /** The engine's changes for `desired` given what was read, and the desired state apply is given. */
  plan(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): { changes: readonly Change[]; wanted: readonly DnsRecord[] };
  /** Clears the server's request counts and committed batches. */
  resetCounts(): void;
  /** Write requests the server received since the last reset. */
  requests(): number;
  /** The fewest write requests the API's limits allow for this push. */
  bound(changes: readonly Change[]): number;
  /** Read requests the server received since the last reset (0 when not counted). */
  readRequests?(): number;
}

/** One measured push. */
export interface StepRow {
  readonly step: string;
  readonly changes: number;
  readonly requests: number;
  readonly bound: number;
  readonly readRequests: number;
  readonly readMs: number;
  readonly applyMs: number;
}

/** Reads the zone, plans, and applies one step, timing the read and the apply separately. */
export async function measurePush(t: PushTarget, step: Step): Promise<StepRow> {
  t.resetCounts();
  const read = await timed(() => t.provider.getRecords(t.zone));
  const readRequests = t.readRequests?.() ?? 0;
  const existing = read.value ?? [];
  const { changes, wanted } = t.plan(existing, step.desired);
  t.resetCounts();
  const apply = await timed(() => t.provider.apply(t.zone, changes, applyContext(existing, wanted)));
  return { step: step.label, changes: changes.length, requests: t.requests(), bound: t.bound(changes), readRequests, readMs: read.ms, applyMs: apply.ms };
}
