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
import { benchArgs, firstRun, heading, medianMs, printTable, repeat, timed, type Column } from './table.js';

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

/** What the benchmarks use of a local test server: request counts by operation. */
export interface CountingServer<Op extends string> {
  resetCounts(): void;
  count(op: Op): number;
}

/** A PushTarget on a test server: `write` is the operation counted as a request, `read` those counted as reads. */
export function serverTarget<Op extends string>(
  server: CountingServer<Op>,
  base: Pick<PushTarget, 'provider' | 'zone' | 'plan' | 'bound'>,
  write: Op,
  read: readonly Op[] = [],
): PushTarget {
  return {
    ...base,
    resetCounts: () => server.resetCounts(),
    requests: () => server.count(write),
    readRequests: () => read.reduce((s, op) => s + server.count(op), 0),
  };
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

/** Pushes every step of `cloudSteps`, then times one more full read of the zone they leave. */
export async function pushSteps(t: PushTarget, n: number): Promise<{ rows: StepRow[]; readMs: number }> {
  const rows: StepRow[] = [];
  for (const step of cloudSteps(t.zone.name, n)) rows.push(await measurePush(t, step));
  const { ms: readMs } = await timed(() => t.provider.getRecords(t.zone));
  return { rows, readMs };
}

/** The columns of a push table; `requests` names the API call counted (`changes.create requests`). */
export function pushColumns(requests: string, extra: readonly Column<StepRow>[] = []): Column<StepRow>[] {
  return [
    firstRun<StepRow>('step', (r) => r.step),
    firstRun<StepRow>('changes', (r) => r.changes),
    firstRun<StepRow>(requests, (r) => r.requests),
    firstRun<StepRow>('lower bound', (r) => r.bound),
    ...extra,
    medianMs<StepRow>('apply ms', (r) => r.applyMs),
  ];
}

/**
 * A whole push benchmark: reads `[changes] [runs]`, runs `run` that many times and prints the
 * heading and the table; returns the runs for any lines the benchmark adds below.
 */
export async function runPushBench<R extends { rows: readonly StepRow[] }>(name: string, requests: string, run: (n: number) => Promise<R>): Promise<{ n: number; all: R[] }> {
  const { n, runs } = benchArgs();
  const all = await repeat(runs, () => run(n));
  console.log(heading(name, n, runs));
  printTable(all.map((r) => r.rows), pushColumns(requests));
  return { n, all };
}
