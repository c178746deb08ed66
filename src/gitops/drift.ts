import { formatSource } from '../ir/source.js';
import { DEFAULT_TTL } from '../ir/ttl.js';
import type { IrDomain } from '../ir/types.js';
import { recordDsl, sanitize } from '../plan/render/lines.js';
import type { Plan } from '../plan/types.js';
import type { DnsRecord } from '../records/types.js';

/** What differs between one live zone and dnsconfig.ts, seen from the zone (GitOps in reverse). */
export interface ZoneDrift {
  readonly domain: string;
  readonly provider: string;
  /** The zone does not exist at the provider. */
  readonly zoneMissing: boolean;
  /** Served, not in the config (push would delete them): `dsl` adopts each into dnsconfig.ts. */
  readonly added: readonly { readonly live: DnsRecord; readonly dsl: string }[];
  /** In the config, not served (push would create them). */
  readonly removed: readonly { readonly config: DnsRecord; readonly where?: string }[];
  /** Served differently from the config: `dsl` is the line that adopts the served form. */
  readonly changed: readonly { readonly live: DnsRecord; readonly config: DnsRecord; readonly where?: string; readonly dsl: string }[];
  /** The zone could not be read or planned. */
  readonly error?: string;
}

/**
 * A record as a dnsconfig.ts line (DNSControl's builder form, see recordDsl), with `TTL(n)` added
 * when the TTL is not the domain's default, so pasting the line reproduces the record exactly.
 */
export function adoptLine(r: DnsRecord, defaultTtl: number): string {
  const line = recordDsl(r);
  if (r.ttl === defaultTtl || line.startsWith('//') || !line.endsWith(')')) return line;
  return `${line.slice(0, -1)}, TTL(${r.ttl}))`;
}

/** The drift of every zone of a plan (a zone with no changes has empty lists). */
export function driftOf(plan: Plan, domains: readonly IrDomain[]): ZoneDrift[] {
  const byName = new Map(domains.map((d) => [d.uniqueName, d]));
  return plan.zones.map((z): ZoneDrift => {
    const ttl = byName.get(z.domain)?.defaultTtl ?? DEFAULT_TTL;
    const added: { live: DnsRecord; dsl: string }[] = [];
    const removed: { config: DnsRecord; where?: string }[] = [];
    const changed: { live: DnsRecord; config: DnsRecord; where?: string; dsl: string }[] = [];
    for (const d of z.changes.flatMap((c) => c.details)) {
      if (d.kind === 'delete') added.push({ live: d.before, dsl: adoptLine(d.before, ttl) });
      else if (d.kind === 'create') removed.push({ config: d.after, ...(d.after.source ? { where: formatSource(d.after.source) } : {}) });
      else changed.push({ live: d.before, config: d.after, ...(d.after.source ? { where: formatSource(d.after.source) } : {}), dsl: adoptLine(d.before, ttl) });
    }
    return { domain: z.domain, provider: z.provider, zoneMissing: !z.exists && z.error === undefined, added, removed, changed, ...(z.error !== undefined ? { error: z.error } : {}) };
  });
}

/** True when a zone differs from the config. */
export function hasDrift(z: ZoneDrift): boolean {
  return z.zoneMissing || z.added.length + z.removed.length + z.changed.length > 0;
}

function rec(r: DnsRecord): string {
  return sanitize(`${r.name} ${r.type} ${r.rdata} ttl=${r.ttl}`);
}

/** The drift report as text: per zone what changed out of band and the lines that would adopt it. */
export function renderDrift(drift: readonly ZoneDrift[]): string {
  const out: string[] = [];
  for (const z of drift) {
    const head = `${sanitize(z.domain)} (${sanitize(z.provider)})`;
    if (z.error !== undefined) {
      out.push(`ERROR ${head}: ${sanitize(z.error)}`);
      continue;
    }
    if (!hasDrift(z)) {
      out.push(`OK ${head}: matches the config`);
      continue;
    }
    const n = z.added.length + z.removed.length + z.changed.length;
    out.push(`DRIFT ${head}: ${z.zoneMissing ? 'the zone does not exist at the provider; ' : ''}${n} record${n === 1 ? '' : 's'} differ from the config`);
    if (z.added.length > 0) {
      out.push('  Added out of band (push would delete them). To adopt, add to the D() of this zone:');
      for (const a of z.added) out.push(`    ${a.dsl},`);
    }
    if (z.changed.length > 0) {
      out.push('  Changed out of band (push would change them back). To adopt, replace the line:');
      for (const c of z.changed) out.push(`    ${c.where ?? '(no source)'}: ${c.dsl},   (the config has ${rec(c.config)})`);
    }
    if (z.removed.length > 0) {
      out.push('  Removed out of band (push would recreate them). To adopt, delete the line:');
      for (const r of z.removed) out.push(`    ${r.where ?? '(no source)'}: ${rec(r.config)}`);
    }
  }
  const drifted = drift.filter(hasDrift).length;
  const errors = drift.filter((z) => z.error !== undefined).length;
  out.push(`${drifted === 0 ? 'No drift' : `Drift in ${drifted} of ${drift.length} zone${drift.length === 1 ? '' : 's'}`}${errors > 0 ? `; ${errors} could not be read` : ''}.`);
  return out.join('\n');
}

/** The drift report as JSON (records without provider-private data). */
export function driftJson(drift: readonly ZoneDrift[]): string {
  const strip = (r: DnsRecord) => ({ name: r.name, type: r.type, ttl: r.ttl, rdata: r.rdata, ...(r.meta ? { meta: r.meta } : {}) });
  const zones = drift.map((z) => ({
    domain: z.domain,
    provider: z.provider,
    drift: hasDrift(z),
    zoneMissing: z.zoneMissing,
    ...(z.error !== undefined ? { error: z.error } : {}),
    added: z.added.map((a) => ({ live: strip(a.live), dsl: a.dsl })),
    changed: z.changed.map((c) => ({ live: strip(c.live), config: strip(c.config), ...(c.where ? { where: c.where } : {}), dsl: c.dsl })),
    removed: z.removed.map((r) => ({ config: strip(r.config), ...(r.where ? { where: r.where } : {}) })),
  }));
  return `${JSON.stringify({ zones }, null, 2)}\n`;
}
