/**
 * Test helpers for the ROUTE53 provider: a local server, a provider instance pointed at it, and a
 * small record-set diff so tests can produce the Changes the engine would hand to apply().
 */
import type { Change } from '../../../src/diff/types.js';
import type { ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { route53Provider } from '../../../providers/route53/index.js';
import { Route53Server, type Route53ServerOptions } from '../../servers/route53/server.js';
import { openHarness, recordingInstance, type Harness as SharedHarness } from '../../provider/harness.js';
import { applyContext, withApexNs } from '../../provider/support.js';

export { applyContext, manyA, rec, zoneRef } from '../../provider/support.js';

/** Credentials the tests use; the server records the key id it sees. */
export const TEST_KEY_ID = 'AKIDZONESMITHTEST';
/** A secret that must never show up in any output. */
export const TEST_SECRET = 'zs-secret-Wq8dP2vN5xK0';

/** A running server and a provider instance using it; `sleeps` records every backoff requested. */
export type Harness = SharedHarness<Route53Server>;

/** Starts a server and a provider for it (retries sleep for 0 ms, recorded in `sleeps`). */
export async function startHarness(opts: { server?: Route53ServerOptions; creds?: Record<string, string> } = {}): Promise<Harness> {
  const server = await Route53Server.start(opts.server);
  return openHarness(server, (s) => recordingInstance(route53Provider, { KeyId: TEST_KEY_ID, SecretKey: TEST_SECRET, endpoint: s.endpoint, ...(opts.creds ?? {}) }));
}

const COMPARED_META = route53Provider.comparedMeta ?? [];

function metaKey(r: DnsRecord): string {
  return COMPARED_META.map((k) => `${k}=${r.meta?.[k] ?? ''}`).join(';');
}

function full(r: DnsRecord): string {
  return `${r.rdata}|${r.ttl}|${metaKey(r)}`;
}

/** A minimal rrset-granularity diff (the engine's job; good enough to drive apply in tests). */
export function diffRrsets(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): Change[] {
  const group = (rs: readonly DnsRecord[]): Map<string, DnsRecord[]> => {
    const m = new Map<string, DnsRecord[]>();
    for (const r of rs) {
      const k = `${r.name}\u0000${r.type}`;
      m.set(k, [...(m.get(k) ?? []), r]);
    }
    return m;
  };
  const ex = group(existing);
  const de = group(desired);
  const keys = [...new Set([...ex.keys(), ...de.keys()])].sort();
  const changes: Change[] = [];
  for (const k of keys) {
    const before = (ex.get(k) ?? []).slice().sort((a, b) => (a.rdata < b.rdata ? -1 : 1));
    const after = (de.get(k) ?? []).slice().sort((a, b) => (a.rdata < b.rdata ? -1 : 1));
    const same = before.length === after.length && before.map(full).sort().join('\n') === after.map(full).sort().join('\n');
    if (same) continue;
    const [name, type] = k.split('\u0000') as [string, string];
    const kind = before.length === 0 ? 'create' : after.length === 0 ? 'delete' : 'update';
    const details: Change['details'] = [
      ...before.filter((b) => !after.some((a) => full(a) === full(b))).map((b) => ({ kind: 'delete' as const, before: b })),
      ...after.filter((a) => !before.some((b) => full(a) === full(b))).map((a) => ({ kind: 'create' as const, after: a })),
    ];
    changes.push({ kind, name, type, before, after, details });
  }
  return changes;
}

/** The desired state as the engine would hand it over: prepared, with the zone's apex NS kept. */
export function wanted(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[], existing: readonly DnsRecord[]): DnsRecord[] {
  return withApexNs(p.prepareDesired ? p.prepareDesired(desired, zone) : desired, existing, zone);
}

/** One reconcile step: read, prepare, diff, apply; returns the changes and what apply reported. */
export async function push(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<{ changes: Change[]; ctx: ReturnType<typeof applyContext> }> {
  const existing = (await p.getRecords(zone)) ?? [];
  const want = wanted(p, zone, desired, existing);
  const changes = diffRrsets(existing, want);
  const ctx = applyContext(existing, want);
  await p.apply(zone, changes, ctx);
  return { changes, ctx };
}

/** What a second diff finds after a push (must be empty when the provider converged). */
export async function pending(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<Change[]> {
  const existing = (await p.getRecords(zone)) ?? [];
  return diffRrsets(existing, wanted(p, zone, desired, existing));
}

/**
 * The fewest requests that could have carried what the server committed: 1,000 ResourceRecord
 * elements and 32,000 value characters per request, UPSERT counting twice, from the server's own
 * record of the batches rather than the provider's arithmetic.
 */
export function boundFromServer(server: Route53Server): number {
  let records = 0;
  let chars = 0;
  for (const c of server.committed.flat()) {
    const factor = c.action === 'UPSERT' ? 2 : 1;
    records += factor * c.rrset.values.length;
    chars += factor * c.rrset.values.reduce((x, v) => x + v.length, 0);
  }
  return Math.max(Math.ceil(records / 1000), Math.ceil(chars / 32000));
}
