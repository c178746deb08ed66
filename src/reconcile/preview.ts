import { hasErrors, type Diagnostic } from '../ir/diagnostic.js';
import type { IrConfig, IrDomain } from '../ir/types.js';
import { validateProviders, type ProviderFacts } from '../ir/validate-providers.js';
import { assemblePlan, failedZonePlan } from '../plan/build.js';
import type { Plan } from '../plan/types.js';
import type { ResolvedProvider } from '../provider/resolve.js';
import { ConfigError } from '../errors.js';
import { errorText, gatherZone, type ZoneWork } from './gather.js';
import { zoneRef } from './zone-ref.js';
import { mapLimited } from './limit.js';
import { domainNameservers } from './nameservers.js';
import { selectDomains, selectProviders } from './select.js';
import type { ProviderSession } from './session.js';

/** What to plan and how. */
export interface PreviewOptions {
  /** `--domains` spec. */
  readonly domains?: string;
  /** `--providers` spec. */
  readonly providers?: string;
  /** Zones read at once (each provider may allow fewer). */
  readonly concurrency: number;
  readonly force: boolean;
  /** Called once per zone as it is planned (progress). */
  readonly onZone?: (work: ZoneWork) => void;
}

/** A plan with the per-zone working state push needs. */
export interface PreviewResult {
  readonly plan: Plan;
  readonly work: readonly ZoneWork[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads every selected zone from every selected provider and plans it. Capability errors abort the
 * run before any provider is contacted; read failures are carried per zone in the plan.
 */
export async function previewConfig(
  ir: IrConfig,
  providers: ReadonlyMap<string, ResolvedProvider>,
  session: ProviderSession,
  opts: PreviewOptions,
): Promise<PreviewResult> {
  const facts = new Map<string, ProviderFacts>([...providers].map(([n, p]) => [n, { type: p.definition.type, capabilities: p.definition.capabilities }]));
  const capability = validateProviders(ir, facts);
  if (hasErrors(capability)) throw new ConfigError(capability, 'the config asks providers for records they cannot hold');
  const excluded = new Set([...providers.values()].filter((p) => p.excludeFromDefaults).map((p) => p.name));
  const selected = selectProviders([...providers.keys()], excluded, opts.providers);
  const domains = selectDomains(ir.domains, opts.domains);
  const perDomain = await mapLimited(domains, opts.concurrency, (domain) => planDomain(domain, session, selected, opts));
  const work = perDomain.flat();
  return { plan: assemblePlan(work.map((w) => w.plan)), work, diagnostics: [...capability, ...work.flatMap((w) => w.diagnostics)] };
}

async function planDomain(domain: IrDomain, session: ProviderSession, selected: ReadonlySet<string>, opts: PreviewOptions): Promise<ZoneWork[]> {
  const attached = domain.dnsProviders.filter((dp) => selected.has(dp.name)).map((dp) => session.get(dp.name));
  let nameservers: string[];
  try {
    nameservers = await domainNameservers(domain, session);
  } catch (err) {
    const why = `cannot get the nameservers: ${errorText(err)}`;
    return attached.map((provider) => ({
      domain, provider, ref: zoneRef(domain), existing: null, diagnostics: [],
      plan: failedZonePlan({ domain: domain.uniqueName, unicodeName: domain.unicodeName, provider: provider.resolved.name, providerType: provider.resolved.definition.type, granularity: provider.resolved.definition.granularity }, why),
    }));
  }
  return Promise.all(
    attached.map(async (provider) => {
      const w = await gatherZone(domain, provider, nameservers, { force: opts.force });
      opts.onZone?.(w);
      return w;
    }),
  );
}
