import type { ZoneDiff } from '../diff/types.js';
import { formatDiagnostic, type Diagnostic } from '../ir/diagnostic.js';
import type { IrDomain } from '../ir/types.js';
import { failedZonePlan, planZone, type ZoneIdentity } from '../plan/build.js';
import type { ZonePlan } from '../plan/types.js';
import type { ZoneRef } from '../provider/types.js';
import type { DnsRecord } from '../records/types.js';
import { redact } from '../creds/redact.js';
import { apexNsRecords } from './nameservers.js';
import { zoneRef } from './zone-ref.js';
import type { LiveProvider } from './session.js';

/** One zone at one provider, read and planned: what preview shows and push applies. */
export interface ZoneWork {
  readonly domain: IrDomain;
  readonly provider: LiveProvider;
  readonly ref: ZoneRef;
  readonly plan: ZonePlan;
  /** Absent when the zone could not be planned. */
  readonly diff?: ZoneDiff;
  /** What getRecords returned (null: the zone does not exist yet). */
  readonly existing: readonly DnsRecord[] | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads one zone from one provider and plans it. Failures are carried in the plan (the zone shows as
 * an error and push skips it) rather than thrown, so one broken zone never hides the others.
 */
export async function gatherZone(
  domain: IrDomain,
  provider: LiveProvider,
  nameservers: readonly string[],
  opts: { readonly force: boolean },
): Promise<ZoneWork> {
  const def = provider.resolved.definition;
  const ref: ZoneRef = zoneRef(domain);
  const id: ZoneIdentity = {
    domain: domain.uniqueName,
    unicodeName: domain.unicodeName,
    provider: provider.resolved.name,
    providerType: def.type,
    granularity: def.granularity,
  };
  let existing: DnsRecord[] | null;
  try {
    existing = await provider.limiter.run(() => provider.instance.getRecords(ref));
  } catch (err) {
    return { domain, provider, ref, existing: null, diagnostics: [], plan: failedZonePlan(id, `cannot read the zone: ${errorText(err)}`) };
  }
  if (existing === null && !provider.instance.ensureZone) {
    return { domain, provider, ref, existing, diagnostics: [], plan: failedZonePlan(id, `the zone does not exist at ${def.type} and this provider cannot create zones`) };
  }
  const desired = desiredRecords(domain, nameservers, existing ?? [], provider, ref);
  const audit: Diagnostic[] = (provider.instance.audit?.(desired, ref) ?? []).map(({ record, issue }) => ({
    code: issue.code,
    severity: issue.severity,
    message: `${def.type}: ${issue.message} (${record.name} ${record.type})`,
    ...(record.source ? { source: record.source } : {}),
    domain: domain.uniqueName,
  }));
  const res = planZone({
    ...id,
    zone: domain.name,
    desired,
    existing,
    // Absent records are matched by identity like any other, so they get the provider's defaults too.
    absent: provider.instance.prepareDesired && domain.absent.length > 0 ? provider.instance.prepareDesired(domain.absent, ref) : domain.absent,
    handsOff: domain.handsOff,
    ...(def.comparedMeta ? { comparedMeta: def.comparedMeta } : {}),
    ...(domain.safety ? { safety: domain.safety } : {}),
    force: opts.force,
  });
  // A record the provider would reject makes the zone an error: pushing the rest would leave it half done.
  const auditErrors = audit.filter((d) => d.severity === 'error').map(formatDiagnostic);
  const plan = auditErrors.length > 0 ? { ...res.zone, error: [res.zone.error, ...auditErrors].filter(Boolean).join('\n') } : res.zone;
  return { domain, provider, ref, plan, diff: res.diff, existing, diagnostics: [...audit, ...res.diagnostics] };
}

/**
 * The records the zone should hold at this provider: the config's records plus the apex NS records
 * of the delegation. With no nameservers declared anywhere, the provider's existing apex NS records
 * are kept as they are, because deleting a zone's NS set is never what an empty list means.
 */
function desiredRecords(domain: IrDomain, nameservers: readonly string[], existing: readonly DnsRecord[], provider: LiveProvider, ref: ZoneRef): DnsRecord[] {
  const configApexNs = domain.records.some((r) => r.type === 'NS' && r.name === domain.name);
  let apexNs: DnsRecord[] = [];
  if (!configApexNs) {
    apexNs = nameservers.length > 0 ? apexNsRecords(domain, nameservers) : existing.filter((r) => r.type === 'NS' && r.name === domain.name);
  }
  const all = [...domain.records, ...apexNs];
  return provider.instance.prepareDesired ? provider.instance.prepareDesired(all, ref) : all;
}

/** An error's message, scrubbed of credentials. */
export function errorText(err: unknown): string {
  return redact(err instanceof Error ? err.message : String(err));
}

