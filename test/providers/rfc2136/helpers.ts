/**
 * Shared helpers for the RFC2136 provider tests: canonical records, a small record-granularity diff
 * whose order the tests control (DNSControl's ByRecord: one change per record; deletes, then TTL
 * updates, then creates, each in input order), and a push-then-rediff cycle. The real diff engine
 * and reconcile code run in conformance-*.test.ts and preview-push.test.ts.
 */
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import type { ApplyContext, ProviderEnv, ZoneRef } from '../../../src/provider/types.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import { ownerName } from '../../../src/records/names.js';
import { parseSettings } from '../../../providers/rfc2136/settings.js';
import { createRfc2136Instance, type Rfc2136Instance, type Rfc2136Options } from '../../../providers/rfc2136/provider.js';
import { keyString, DUMMY_NS, digAxfr, type TestServer } from '../../servers/index.js';

/** A canonical record: `label` relative to `zone` (or `@`), rdata in any presentation form. */
export function rec(zone: string, label: string, type: string, rdata: string, ttl = 300): DnsRecord {
  return Object.freeze({ name: ownerName(label, zone), type, ttl, rdata: canonicalRdata(type, rdata, `${zone}.`) });
}

/** The records every test zone starts with (see test/servers zone-text: apex NS + its address). */
export function baseRecords(zone: string): DnsRecord[] {
  return [rec(zone, '@', 'NS', `${DUMMY_NS}.${zone}.`), rec(zone, DUMMY_NS, 'A', '127.0.0.1')];
}

const show = (r: DnsRecord): string => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`;

/** Sorted `name ttl TYPE rdata` lines: how tests compare record sets. */
export function lines(records: readonly DnsRecord[]): string[] {
  return records.map(show).sort();
}

/** Record-granularity diff (stand-in): deletes first, then TTL updates, then creates; each in input order. */
export function diffRecords(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): Change[] {
  const key = (r: DnsRecord): string => `${r.name}\n${r.type}\n${r.rdata}`;
  const have = new Map(existing.map((r) => [key(r), r]));
  const want = new Map(desired.map((r) => [key(r), r]));
  const deletes: Change[] = [];
  const updates: Change[] = [];
  const creates: Change[] = [];
  for (const [k, e] of have) {
    const d = want.get(k);
    if (!d) deletes.push({ kind: 'delete', name: e.name, type: e.type, before: [e], after: [], details: [{ kind: 'delete', before: e }] });
    else if (d.ttl !== e.ttl) updates.push({ kind: 'update', name: e.name, type: e.type, before: [e], after: [d], details: [{ kind: 'ttl', before: e, after: d }] });
  }
  for (const [k, d] of want) {
    if (!have.has(k)) creates.push({ kind: 'create', name: d.name, type: d.type, before: [], after: [d], details: [{ kind: 'create', after: d }] });
  }
  return [...deletes, ...updates, ...creates];
}

/** A ProviderEnv that keeps log lines. */
export function testEnv(): ProviderEnv & { lines: string[] } {
  const out: string[] = [];
  return { log: (l) => out.push(l), configDir: process.cwd(), lines: out };
}

/** creds.json for `server` in DNSControl's AXFRDDNS form, plus overrides. */
export function credsFor(server: TestServer, extra: Record<string, string> = {}): Record<string, string> {
  return { master: server.address, 'update-key': keyString(server.key), 'transfer-key': keyString(server.key), timeout: '5', ...extra };
}

/** A provider instance for `server`. */
export function providerFor(server: TestServer, extra: Record<string, string> = {}, options: Rfc2136Options = {}, meta: Record<string, unknown> = {}): Rfc2136Instance {
  return createRfc2136Instance(parseSettings(credsFor(server, extra), meta), testEnv(), options);
}

/** An ApplyContext that records every applied batch. */
export function applyContext(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): ApplyContext & { batches: Change[][]; logs: string[] } {
  const batches: Change[][] = [];
  const logs: string[] = [];
  return { existing, desired, applied: (c) => batches.push([...c]), log: (l) => logs.push(l), batches, logs };
}

/** The result of one push. */
export interface PushResult {
  readonly changes: Change[];
  readonly batches: Change[][];
  /** The diff after the push: must be empty. */
  readonly second: Change[];
  readonly after: DnsRecord[];
}

/** Reads, diffs, applies, re-reads and diffs again: the conformance cycle. */
export async function push(p: Rfc2136Instance, zone: string, desired: readonly DnsRecord[]): Promise<PushResult> {
  const ref: ZoneRef = { name: zone, meta: {} };
  const existing = (await p.getRecords(ref))!;
  const changes = diffRecords(existing, desired);
  const ctx = applyContext(existing, desired);
  await p.apply(ref, changes, ctx);
  const after = (await p.getRecords(ref))!;
  return { changes, batches: ctx.batches, second: diffRecords(after, desired), after };
}

/** The zone as the real `dig` transfers it, canonicalised through src/records, without the SOA. */
export async function digRecords(server: TestServer, zone: string): Promise<DnsRecord[]> {
  const out = await digAxfr(server, zone, server.key);
  return out
    .filter((r) => r.type !== 'SOA')
    .map((r) => Object.freeze({ name: r.name, type: r.type, ttl: r.ttl, rdata: canonicalRdata(r.type, r.rdata, '.') }));
}
