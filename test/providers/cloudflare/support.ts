/**
 * Test helpers for the CLOUDFLAREAPI provider: the local Cloudflare server, a provider instance
 * pointed at it through the real SDK, and one reconcile step driven by the real diff engine.
 */
import { diffZone } from '../../../src/diff/index.js';
import type { Change } from '../../../src/diff/types.js';
import type { ApplyContext, ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { cloudflareProvider } from '../../../providers/cloudflare/index.js';
import type { CloudflareSettings } from '../../../providers/cloudflare/settings.js';
import { CloudflareServer, type CloudflareServerOptions } from '../../servers/cloudflare/server.js';

/** The API token the tests use. It must never show up in any output. */
export const TEST_TOKEN = 'cf-test-token-Zq9Lm2Rx7Kp4';

/** A running server and a provider instance using it; `sleeps` records every wait requested. */
export interface Harness {
  readonly server: CloudflareServer;
  readonly provider: ProviderInstance;
  readonly sleeps: number[];
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts a server and a provider for it (waits take no time; they are recorded in `sleeps`). */
export async function startHarness(opts: { server?: CloudflareServerOptions; creds?: Record<string, string> } = {}): Promise<Harness> {
  const server = await CloudflareServer.start({ apiToken: TEST_TOKEN, ...opts.server });
  const sleeps: number[] = [];
  const logs: string[] = [];
  const settings: CloudflareSettings = {
    ...cloudflareProvider.parseSettings({ apitoken: TEST_TOKEN, baseurl: server.baseURL, accountid: server.accountId, ...(opts.creds ?? {}) }, {}),
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
  const provider = cloudflareProvider.create(settings, { log: (l) => logs.push(l), configDir: process.cwd() });
  return {
    server,
    provider,
    sleeps,
    logs,
    async stop() {
      await provider.close?.();
      await server.stop();
    },
  };
}

/** A zone reference with optional domain meta. */
export function zoneRef(name: string, meta: Record<string, string> = {}): ZoneRef {
  return { name, meta };
}

/** A desired record with canonical rdata (relative names resolve against `zone`). */
export function rec(zone: string, label: string, type: string, text: string, ttl = 300, meta?: Record<string, string>): DnsRecord {
  const name = label === '@' ? zone : `${label}.${zone}`;
  return { name, type, ttl, rdata: canonicalRdata(type, text, `${zone}.`), ...(meta ? { meta } : {}) };
}

/** Many single-value A records `prefix00000.zone` … (the conformance suite's manyA). */
export function manyA(zone: string, prefix: string, n: number, ip = '192.0.2.1', ttl = 300): DnsRecord[] {
  return Array.from({ length: n }, (_v, i) => rec(zone, `${prefix}${String(i).padStart(5, '0')}`, 'A', ip, ttl));
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

/** An ApplyContext that records what the provider reports. */
export function applyContext(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): ApplyContext & { batches: Change[][]; lines: string[] } {
  const batches: Change[][] = [];
  const lines: string[] = [];
  return { desired, existing, applied: (c) => batches.push([...c]), log: (l) => lines.push(l), batches, lines };
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
