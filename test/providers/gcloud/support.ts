/**
 * Test helpers for the GCLOUD provider: a local Cloud DNS server, a provider instance pointed at it
 * through the real SDK, and one reconcile step (read, prepare, the engine's own diff, apply).
 */
import { diffZone } from '../../../src/diff/diff-zone.js';
import type { Change } from '../../../src/diff/types.js';
import type { ApplyContext, ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { gcloudProvider } from '../../../providers/gcloud/index.js';
import type { GcloudSettings } from '../../../providers/gcloud/settings.js';
import type { ServiceAccount } from '../../servers/gcloud/auth.js';
import { GcloudServer, type GcloudServerOptions } from '../../servers/gcloud/server.js';

/** A running server and a provider instance using it; `sleeps` records every wait requested. */
export interface Harness {
  readonly server: GcloudServer;
  readonly provider: ProviderInstance;
  readonly sleeps: number[];
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts a server and a provider for it (waits take 0 ms and are recorded in `sleeps`). */
export async function startHarness(
  opts: { server?: GcloudServerOptions; creds?: Record<string, string>; meta?: Record<string, unknown>; account?: (s: GcloudServer) => ServiceAccount } = {},
): Promise<Harness> {
  const server = await GcloudServer.start(opts.server);
  const provider = providerFor(server, opts);
  return {
    server,
    provider: provider.instance,
    sleeps: provider.sleeps,
    logs: provider.logs,
    async stop() {
      await provider.instance.close?.();
      await server.stop();
    },
  };
}

/** A second provider instance on an existing server (another account, other settings). */
export function providerFor(
  server: GcloudServer,
  opts: { creds?: Record<string, string>; meta?: Record<string, unknown>; account?: (s: GcloudServer) => ServiceAccount } = {},
): { instance: ProviderInstance; sleeps: number[]; logs: string[] } {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const sa = opts.account ? opts.account(server) : server.account;
  const settings: GcloudSettings = {
    ...gcloudProvider.parseSettings({ ...server.creds(sa), ...(opts.creds ?? {}) }, opts.meta ?? {}),
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
  const instance = gcloudProvider.create(settings, { log: (l) => logs.push(l), configDir: process.cwd() });
  return { instance, sleeps, logs };
}

/** A zone reference. */
export function zoneRef(name: string, meta: Record<string, string> = {}): ZoneRef {
  return { name, meta };
}

/** A desired record with canonical rdata (relative names resolve against `zone`). */
export function rec(zone: string, label: string, type: string, text: string, ttl = 300): DnsRecord {
  const name = label === '@' ? zone : `${label}.${zone}`;
  return { name, type, ttl, rdata: canonicalRdata(type, text, `${zone}.`) };
}

/** Many single-value A records `prefix00000.zone` …. */
export function manyA(zone: string, prefix: string, n: number, ip = '192.0.2.1', ttl = 300): DnsRecord[] {
  return Array.from({ length: n }, (_v, i) => rec(zone, `${prefix}${String(i).padStart(5, '0')}`, 'A', ip, ttl));
}

/** The engine's own rrset-granularity diff (no hands-off rules). */
export function planChanges(zone: string, existing: readonly DnsRecord[], desired: readonly DnsRecord[]): Change[] {
  return diffZone({ zone, desired, existing, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, granularity: 'rrset' }).diff.changes as Change[];
}

/** An ApplyContext that records what the provider reports. */
export function applyContext(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): ApplyContext & { batches: Change[][]; lines: string[] } {
  const batches: Change[][] = [];
  const lines: string[] = [];
  return { desired, existing, applied: (c) => batches.push([...c]), log: (l) => lines.push(l), batches, lines };
}

/** The desired state as the engine would hand it over: prepared, with the zone's apex NS kept. */
export function wanted(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[], existing: readonly DnsRecord[]): DnsRecord[] {
  const all = desired.some((r) => r.name === zone.name && r.type === 'NS')
    ? [...desired]
    : [...desired, ...existing.filter((r) => r.name === zone.name && r.type === 'NS').map(({ native: _n, ...r }) => r)];
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

/** Records as sortable lines (name ttl type rdata), for comparing zones. */
export function view(rs: readonly DnsRecord[]): string[] {
  return rs.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`).sort();
}
