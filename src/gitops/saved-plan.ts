import { readFile } from 'node:fs/promises';
import { ZonesmithError } from '../errors.js';
import type { IrConfig, IrDomain } from '../ir/types.js';
import { assemblePlan } from '../plan/build.js';
import { planChecksum } from '../plan/checksum.js';
import { changeLine } from '../plan/render/lines.js';
import { planFromJson } from '../plan/serialize.js';
import type { Plan, ZonePlan } from '../plan/types.js';
import type { ZoneWork } from '../reconcile/gather.js';

/** Why a zone of a saved plan cannot be pushed as it was reviewed. */
export interface StaleZone {
  readonly domain: string;
  readonly provider: string;
  readonly reason: string;
  /** Record changes the fresh plan has and the saved one has not (text lines). */
  readonly added: readonly string[];
  /** Record changes the saved plan has and the fresh one has not. */
  readonly removed: readonly string[];
}

/** Reads and checks a saved plan file (shape and checksum; see planFromJson). */
export async function readSavedPlan(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ZonesmithError('plan-unreadable', `cannot read the saved plan ${path}: ${(err as Error).message}`);
  }
  return planFromJson(text);
}

function key(z: { readonly domain: string; readonly provider: string }): string {
  return `${z.domain}\0${z.provider}`;
}

/** The zones a saved plan covers, found in the config: what push re-reads. */
export interface SavedTargets {
  readonly domains: IrDomain[];
  /** The providers of the plan, as a `--providers` list. */
  readonly providers: string;
  /** Zones of the plan the config no longer has. */
  readonly missing: StaleZone[];
}

/** Maps a saved plan's zones onto the config: the domains and providers to plan again. */
export function savedTargets(saved: Plan, ir: IrConfig, providerNames: ReadonlySet<string>): SavedTargets {
  const byName = new Map(ir.domains.map((d) => [d.uniqueName, d]));
  const domains = new Map<string, IrDomain>();
  const providers = new Set<string>();
  const missing: StaleZone[] = [];
  for (const z of saved.zones) {
    const d = byName.get(z.domain);
    if (!d) missing.push({ domain: z.domain, provider: z.provider, reason: 'the config no longer has this domain', added: [], removed: [] });
    else if (!providerNames.has(z.provider) || !d.dnsProviders.some((p) => p.name === z.provider)) {
      missing.push({ domain: z.domain, provider: z.provider, reason: `the config no longer serves this domain from ${z.provider}`, added: [], removed: [] });
    } else {
      domains.set(d.uniqueName, d);
      providers.add(z.provider);
    }
  }
  return { domains: [...domains.values()], providers: [...providers].join(','), missing };
}

function lines(z: ZonePlan): string[] {
  return z.changes.flatMap((c) => c.details.map(changeLine));
}

function differences(saved: ZonePlan, fresh: ZonePlan): { added: string[]; removed: string[] } {
  const a = lines(saved);
  const b = lines(fresh);
  const inA = new Set(a);
  const inB = new Set(b);
  return { added: b.filter((l) => !inA.has(l)), removed: a.filter((l) => !inB.has(l)) };
}

/** A saved plan checked against a fresh one: the work to push (in the saved order), or why not. */
export interface SavedPlanCheck {
  readonly stale: readonly StaleZone[];
  /** The fresh work for exactly the saved zones, in the saved plan's order. */
  readonly work: readonly ZoneWork[];
  /** The fresh plan of exactly those zones; equal to the saved plan when nothing is stale. */
  readonly plan: Plan;
}

/**
 * Compares a saved plan with a fresh preview of the same zones. A zone is stale when its checksum
 * (over the desired and the observed records) differs: the live zone or the config changed since the
 * preview. When every zone matches, the fresh changes must also checksum to the saved plan's, or the
 * plan as a whole is refused (a different zonesmith would have computed it differently).
 */
export function checkSavedPlan(saved: Plan, fresh: readonly ZoneWork[], missing: readonly StaleZone[] = []): SavedPlanCheck {
  const byKey = new Map(fresh.map((w) => [key(w.plan), w]));
  const stale: StaleZone[] = [...missing];
  const work: ZoneWork[] = [];
  const gone = new Set(missing.map(key));
  for (const z of saved.zones) {
    if (gone.has(key(z))) continue;
    if (z.error !== undefined) {
      stale.push({ domain: z.domain, provider: z.provider, reason: `the saved plan has this zone in error (${z.error.split('\n')[0]}); preview again`, added: [], removed: [] });
      continue;
    }
    const w = byKey.get(key(z));
    if (!w) {
      stale.push({ domain: z.domain, provider: z.provider, reason: 'the config no longer plans this zone', added: [], removed: [] });
      continue;
    }
    if (w.plan.error !== undefined) {
      stale.push({ domain: z.domain, provider: z.provider, reason: `the zone cannot be planned now: ${w.plan.error.split('\n')[0]}`, added: [], removed: [] });
      continue;
    }
    if (w.plan.checksum !== z.checksum) {
      stale.push({ domain: z.domain, provider: z.provider, reason: 'the live zone or its part of the config changed since the preview', ...differences(z, w.plan) });
      continue;
    }
    work.push(w);
  }
  const plan = assemblePlan(work.map((w) => w.plan));
  if (stale.length === 0 && planChecksum(plan.zones) !== saved.checksum) {
    stale.push({ domain: '*', provider: '*', reason: `the same inputs give a different plan (checksum ${plan.checksum}, saved ${saved.checksum}); was the plan made by another zonesmith version?`, added: [], removed: [] });
  }
  return { stale, work, plan };
}

/** The refusal message: every stale zone and what differs, a few lines each. */
export function staleMessage(stale: readonly StaleZone[], max = 10): string {
  const out = [`the saved plan no longer matches ${stale.length === 1 ? 'one zone' : `${stale.length} zones`}; nothing was pushed. Preview again, review, then push:`];
  for (const s of stale) {
    out.push(`  ${s.domain} (${s.provider}): ${s.reason}`);
    for (const l of s.added.slice(0, max)) out.push(`    now planned, not in the saved plan: ${l}`);
    if (s.added.length > max) out.push(`    ...and ${s.added.length - max} more now planned`);
    for (const l of s.removed.slice(0, max)) out.push(`    in the saved plan, no longer planned: ${l}`);
    if (s.removed.length > max) out.push(`    ...and ${s.removed.length - max} more no longer planned`);
  }
  return out.join('\n');
}
