/**
 * Test helpers for the CLOUDFLAREAPI provider: the local Cloudflare server, a provider instance
 * pointed at it through the real SDK, and one reconcile step driven by the real diff engine.
 */
import { diffZone } from '../../../src/diff/index.js';
import type { Change } from '../../../src/diff/types.js';
import type { ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { cloudflareProvider } from '../../../providers/cloudflare/index.js';
import { CloudflareServer, type CloudflareServerOptions } from '../../servers/cloudflare/server.js';
import { openHarness, recordingInstance, type Harness as SharedHarness } from '../../provider/harness.js';
import { applyContext } from '../../provider/support.js';

export { applyContext, manyA, rec, zoneRef } from '../../provider/support.js';

/** The API token the tests use. It must never show up in any output. */
export const TEST_TOKEN = 'cf-test-token-Zq9Lm2Rx7Kp4';

/** A running server and a provider instance using it; `sleeps` records every wait requested. */
export type Harness = SharedHarness<CloudflareServer>;

/** Starts a server and a provider for it (waits take no time; they are recorded in `sleeps`). */
export async function startHarness(opts: { server?: CloudflareServerOptions; creds?: Record<string, string> } = {}): Promise<Harness> {
  const server = await CloudflareServer.start({ apiToken: TEST_TOKEN, ...opts.server });
  return openHarness(server, (s) => recordingInstance(cloudflareProvider, { apitoken: TEST_TOKEN, baseurl: s.baseURL, accountid: s.accountId, ...(opts.creds ?? {}) }));
}

/** The engine's diff at record granularity, with the provider's prepareDesired applied first. */
export function diff(p: ProviderInstance, zone: ZoneRef, existing: readonly DnsRecord[], desired: readonly DnsRecord[]): { changes: readonly Change[]; wanted: DnsRecord[] } {
  const wanted = p.prepareDesired ? p.prepareDesired(desired, zone) : [...desired];
  const res = diffZone({
    zone: zone.name,
    desired: wanted,
    existing,
    absent: [],
    handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false },
    granularity: 'record',
    comparedMeta: cloudflareProvider.comparedMeta ?? [],
  });
  return { changes: res.diff.changes, wanted };
}

/** One reconcile step: read, prepare, diff, apply. Errors are returned, not thrown. */
export async function push(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<{ changes: readonly Change[]; ctx: ReturnType<typeof applyContext>; error?: unknown; existing: DnsRecord[] }> {
  const existing = (await p.getRecords(zone)) ?? [];
  const { changes, wanted } = diff(p, zone, existing, desired);
  const ctx = applyContext(existing, wanted);
  try {
    await p.apply(zone, changes, ctx);
  } catch (error) {
    return { changes, ctx, error, existing };
  }
  return { changes, ctx, existing };
}

/** What a second diff finds (empty when the provider converged). */
export async function pending(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<string[]> {
  const existing = (await p.getRecords(zone)) ?? [];
  return diff(p, zone, existing, desired).changes.flatMap((c) => c.details.map((d) => `${d.kind} ${c.name} ${c.type ?? ''}`));
}

/** Records as comparable lines (`name ttl type rdata {meta}`), sorted. */
export function view(rs: readonly DnsRecord[]): string[] {
  return rs.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}${r.meta && Object.keys(r.meta).length > 0 ? ` ${JSON.stringify(Object.fromEntries(Object.entries(r.meta).sort()))}` : ''}`).sort();
}
