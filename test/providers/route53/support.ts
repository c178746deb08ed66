/**
 * Test helpers for the ROUTE53 provider: a local server, a provider instance pointed at it, and a
 * small record-set diff so tests can produce the Changes the engine would hand to apply().
 */
import type { Change } from '../../../src/diff/types.js';
import type { ApplyContext, ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { route53Provider } from '../../../providers/route53/index.js';
import { canonicalRdata } from '../../../src/records/registry.js';
import type { Route53Settings } from '../../../providers/route53/settings.js';
import { Route53Server, type Route53ServerOptions } from '../../servers/route53/server.js';

/** Credentials the tests use; the server records the key id it sees. */
export const TEST_KEY_ID = 'AKIDZONESMITHTEST';
/** A secret that must never show up in any output. */
export const TEST_SECRET = 'zs-secret-Wq8dP2vN5xK0';

/** A running server and a provider instance using it; `sleeps` records every backoff requested. */
export interface Harness {
  readonly server: Route53Server;
  readonly provider: ProviderInstance;
  readonly sleeps: number[];
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts a server and a provider for it (retries sleep for 0 ms, recorded in `sleeps`). */
export async function startHarness(opts: { server?: Route53ServerOptions; creds?: Record<string, string> } = {}): Promise<Harness> {
  const server = await Route53Server.start(opts.server);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const settings: Route53Settings = {
    ...route53Provider.parseSettings({ KeyId: TEST_KEY_ID, SecretKey: TEST_SECRET, endpoint: server.endpoint, ...(opts.creds ?? {}) }, {}),
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
  const provider = route53Provider.create(settings, { log: (l) => logs.push(l), configDir: process.cwd() });
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

/** An ApplyContext that records what the provider reports. */
export function applyContext(existing: readonly DnsRecord[], desired: readonly DnsRecord[]): ApplyContext & { batches: Change[][]; lines: string[] } {
  const batches: Change[][] = [];
  const lines: string[] = [];
  return { desired, existing, applied: (c) => batches.push([...c]), log: (l) => lines.push(l), batches, lines };
}

/** One reconcile step: read, prepare, diff, apply; returns the changes and what apply reported. */
export async function push(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<{ changes: Change[]; ctx: ReturnType<typeof applyContext> }> {
  const existing = (await p.getRecords(zone)) ?? [];
  const wanted = withApexNs(p.prepareDesired ? p.prepareDesired(desired, zone) : [...desired], existing, zone);
  const changes = diffRrsets(existing, wanted);
  const ctx = applyContext(existing, wanted);
  await p.apply(zone, changes, ctx);
  return { changes, ctx };
}

/** What a second diff finds after a push (must be empty when the provider converged). */
export async function pending(p: ProviderInstance, zone: ZoneRef, desired: readonly DnsRecord[]): Promise<Change[]> {
  const existing = (await p.getRecords(zone)) ?? [];
  const wanted = withApexNs(p.prepareDesired ? p.prepareDesired(desired, zone) : [...desired], existing, zone);
  return diffRrsets(existing, wanted);
}

/** The engine adds the provider's apex NS to desired; tests keep whatever apex NS the zone has. */
function withApexNs(desired: DnsRecord[], existing: readonly DnsRecord[], zone: ZoneRef): DnsRecord[] {
  if (desired.some((r) => r.name === zone.name && r.type === 'NS')) return desired;
  return [...desired, ...existing.filter((r) => r.name === zone.name && r.type === 'NS').map(({ native: _n, ...r }) => r)];
}

/** Many single-value A records `prefix0000.zone` … (the conformance suite's manyA). */
export function manyA(zone: string, prefix: string, n: number, ip = '192.0.2.1', ttl = 300): DnsRecord[] {
  return Array.from({ length: n }, (_v, i) => rec(zone, `${prefix}${String(i).padStart(5, '0')}`, 'A', ip, ttl));
}
