/**
 * Test helpers for the GCLOUD provider: a local Cloud DNS server, a provider instance pointed at it
 * through the real SDK, and one reconcile step (read, prepare, the engine's own diff, apply).
 */
import { diffZone } from '../../../src/diff/diff-zone.js';
import type { Change } from '../../../src/diff/types.js';
import type { ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { gcloudProvider } from '../../../providers/gcloud/index.js';
import type { ServiceAccount } from '../../servers/gcloud/auth.js';
import { rrdataBytes } from '../../servers/gcloud/change.js';
import { GcloudServer, type GcloudServerOptions } from '../../servers/gcloud/server.js';
import { openHarness, recordingInstance, type Harness as SharedHarness, type RecordingInstance } from '../../provider/harness.js';
import { applyContext, withApexNs } from '../../provider/support.js';

export { applyContext, manyA, rec, view, zoneRef } from '../../provider/support.js';

/** A running server and a provider instance using it; `sleeps` records every wait requested. */
export type Harness = SharedHarness<GcloudServer>;

/** Which account and settings a provider instance uses on the test server. */
type InstanceOptions = { creds?: Record<string, string>; meta?: Record<string, unknown>; account?: (s: GcloudServer) => ServiceAccount };

/** Starts a server and a provider for it (waits take 0 ms and are recorded in `sleeps`). */
export async function startHarness(opts: InstanceOptions & { server?: GcloudServerOptions } = {}): Promise<Harness> {
  const server = await GcloudServer.start(opts.server);
  return openHarness(server, (s) => providerFor(s, opts));
}

/** A second provider instance on an existing server (another account, other settings). */
export function providerFor(server: GcloudServer, opts: InstanceOptions = {}): RecordingInstance {
  const sa = opts.account ? opts.account(server) : server.account;
  return recordingInstance(gcloudProvider, { ...server.creds(sa), ...(opts.creds ?? {}) }, opts.meta ?? {});
}

/** The engine's own rrset-granularity diff (no hands-off rules). */
export function planChanges(zone: string, existing: readonly DnsRecord[], desired: readonly DnsRecord[]): Change[] {
  return diffZone({ zone, desired, existing, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, granularity: 'rrset' }).diff.changes as Change[];
}

/** The desired state as the engine would hand it over: prepared, with the zone's apex NS kept. */
export function wanted(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[], existing: readonly DnsRecord[]): DnsRecord[] {
  const all = withApexNs(desired, existing, zone);
  return p.prepareDesired ? p.prepareDesired(all, zone) : all;
}

/** One reconcile step: read, prepare, diff, apply; returns the changes and what apply reported. */
export async function push(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<{ changes: Change[]; ctx: ReturnType<typeof applyContext> }> {
  const existing = (await p.getRecords(zone)) ?? [];
  const want = wanted(p, zone, desired, existing);
  const changes = planChanges(zone.name, existing, want);
  const ctx = applyContext(existing, want);
  await p.apply(zone, changes, ctx);
  return { changes, ctx };
}

/** What a second diff finds after a push (must be empty when the provider converged). */
export async function pending(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<Change[]> {
  const existing = (await p.getRecords(zone)) ?? [];
  return planChanges(zone.name, existing, wanted(p, zone, desired, existing));
}

/**
 * The fewest Changes that could have carried what the server committed: 1,000 additions, 1,000
 * deletions and 100,000 bytes of rrdata (both counted) per Change, from the server's own byte
 * count, not the provider's arithmetic.
 */
export function boundFromServer(server: GcloudServer): number {
  let additions = 0;
  let deletions = 0;
  let bytes = 0;
  for (const c of server.committed) {
    additions += c.additions.length;
    deletions += c.deletions.length;
    bytes += [...c.additions, ...c.deletions].reduce((n, r) => n + rrdataBytes(r), 0);
  }
  return Math.max(Math.ceil(additions / 1000), Math.ceil(deletions / 1000), Math.ceil(bytes / 100_000));
}
