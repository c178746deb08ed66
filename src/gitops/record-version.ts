import type { Change, RecordChange } from '../diff/types.js';
import { error, type Diagnostic } from '../ir/diagnostic.js';
import { DEFAULT_TTL } from '../ir/ttl.js';
import type { IrConfig, IrDomain } from '../ir/types.js';
import type { ResolvedProvider } from '../provider/resolve.js';
import type { ProviderEnv, ProviderInstance, ZoneRef } from '../provider/types.js';
import type { ZoneWork } from '../reconcile/gather.js';
import { ProviderSession, type LiveProvider } from '../reconcile/session.js';
import type { DnsRecord } from '../records/types.js';
import type { ZonePlan } from '../plan/types.js';

/** The domain meta key RECORD_VERSION() sets; its value is the label of the version TXT record. */
export const RECORD_VERSION_META = 'zonesmith_record_version';

const LABEL_RE = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * The owner name of a zone's version TXT record, or undefined when the domain does not use
 * RECORD_VERSION(). A label is relative to the zone; a name ending in a dot is absolute and must be
 * inside the zone. The apex is refused: the version record must not share an rrset with SPF and the like.
 */
export function versionOwner(meta: Readonly<Record<string, string>>, zone: string): string | { readonly problem: string } | undefined {
  const label = meta[RECORD_VERSION_META];
  if (label === undefined) return undefined;
  const lower = label.toLowerCase();
  let owner: string;
  if (lower.endsWith('.')) {
    owner = lower.slice(0, -1);
    if (!owner.endsWith(`.${zone}`)) return { problem: `RECORD_VERSION: "${label}" is not inside the zone ${zone}` };
  } else {
    owner = `${lower}.${zone}`;
  }
  const relative = owner.slice(0, owner.length - zone.length - 1);
  if (lower === '@' || relative === '' || !LABEL_RE.test(relative)) {
    return { problem: `RECORD_VERSION: "${label}" must be a name below the apex made of letters, digits, "-" and "_"` };
  }
  return owner;
}

/**
 * Problems with RECORD_VERSION() in a config: a bad label, or TXT records the config itself writes at
 * the version name (the engine owns that rrset, so the two would fight on every push).
 */
export function checkRecordVersions(ir: IrConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ir.domains) {
    const owner = versionOwner(d.meta, d.name);
    if (owner === undefined) continue;
    if (typeof owner !== 'string') {
      out.push(error('record-version-label', owner.problem, d.source, d.uniqueName));
      continue;
    }
    for (const r of d.records) {
      if (r.name === owner && r.type === 'TXT') {
        out.push(error('record-version-conflict', `RECORD_VERSION() keeps the TXT record at ${owner}; the config must not write one there`, r.source ?? d.source, d.uniqueName));
      }
    }
  }
  return out;
}

/**
 * A provider session that hides each zone's version TXT record from the diff: getRecords leaves it
 * out (and keeps it aside), so preview, drift and saved plans never show it, and a zone whose only
 * difference would be the version record has no changes. Push puts it back with {@link withVersionRecord}.
 */
export class VersionedSession extends ProviderSession {
  private readonly wrapped = new Map<string, LiveProvider>();
  private readonly kept = new WeakMap<ZoneRef, DnsRecord[]>();

  constructor(providers: ReadonlyMap<string, ResolvedProvider>, env: ProviderEnv, concurrency: number) {
    super(providers, env, concurrency);
  }

  /** The live provider for a config name, its getRecords filtered. */
  override get(name: string): LiveProvider {
    const cached = this.wrapped.get(name);
    if (cached) return cached;
    const inner = super.get(name);
    const lp: LiveProvider = { ...inner, instance: this.wrap(inner.instance) };
    this.wrapped.set(name, lp);
    return lp;
  }

  /** The version records getRecords left out for the zone read with `ref` (empty when none). */
  keptVersionRecords(ref: ZoneRef): readonly DnsRecord[] {
    return this.kept.get(ref) ?? [];
  }

  private wrap(inner: ProviderInstance): ProviderInstance {
    const out: ProviderInstance = {
      getRecords: async (ref) => {
        const records = await inner.getRecords(ref);
        const owner = versionOwner(ref.meta, ref.name);
        if (records === null || typeof owner !== 'string') return records;
        const kept: DnsRecord[] = [];
        const rest: DnsRecord[] = [];
        for (const r of records) (r.type === 'TXT' && r.name === owner ? kept : rest).push(r);
        this.kept.set(ref, kept);
        return rest;
      },
      apply: (ref, changes, ctx) => inner.apply(ref, changes, ctx),
    };
    // Optional methods are copied only when present: the engine tests for their existence.
    if (inner.listZones) out.listZones = () => inner.listZones!();
    if (inner.ensureZone) out.ensureZone = (ref) => inner.ensureZone!(ref);
    if (inner.nameservers) out.nameservers = (ref) => inner.nameservers!(ref);
    if (inner.prepareDesired) out.prepareDesired = (recs, ref) => inner.prepareDesired!(recs, ref);
    if (inner.audit) out.audit = (recs, ref) => inner.audit!(recs, ref);
    if (inner.close) out.close = () => inner.close!();
    return out;
  }
}

function sameRecord(a: DnsRecord, b: DnsRecord): boolean {
  return a.rdata === b.rdata && a.ttl === b.ttl;
}

/** The version TXT record a push writes: the commit as one string, at the domain's default TTL. */
export function versionRecord(domain: IrDomain, owner: string, commit: string, work: ZoneWork): DnsRecord {
  const rec: DnsRecord = { name: owner, type: 'TXT', ttl: domain.defaultTtl ?? DEFAULT_TTL, rdata: JSON.stringify(commit) };
  const prepared = work.provider.instance.prepareDesired?.([rec], work.ref);
  return prepared?.[0] ?? rec;
}

/** The changes that turn `old` version records into `next`, at the provider's granularity. */
function versionChanges(work: ZoneWork, owner: string, old: readonly DnsRecord[], next: DnsRecord): { changes: Change[]; details: RecordChange[] } {
  const details: RecordChange[] = [];
  const [first, ...rest] = old;
  for (const r of rest) details.push({ kind: 'delete', before: r });
  details.push(first ? { kind: first.rdata === next.rdata ? 'ttl' : 'update', before: first, after: next } : { kind: 'create', after: next });
  const granularity = work.plan.granularity;
  if (granularity === 'record') {
    const changes = details.map((d): Change => {
      if (d.kind === 'create') return { kind: 'create', name: owner, type: 'TXT', before: [], after: [d.after], details: [d] };
      if (d.kind === 'delete') return { kind: 'delete', name: owner, type: 'TXT', before: [d.before], after: [], details: [d] };
      return { kind: 'update', name: owner, type: 'TXT', before: [d.before], after: [d.after], details: [d] };
    });
    return { changes, details };
  }
  if (granularity === 'label') {
    // The other records at the name stay as they are (the config cannot change them in this push
    // without a change of its own at this label, which is merged below).
    const others = (work.existing ?? []).filter((r) => r.name === owner);
    return { changes: [{ kind: old.length > 0 || others.length > 0 ? 'update' : 'create', name: owner, before: [...others, ...old], after: [...others, next], details }], details };
  }
  return { changes: [{ kind: old.length > 0 ? 'update' : 'create', name: owner, type: 'TXT', before: [...old], after: [next], details }], details };
}

function counted(plan: ZonePlan, details: readonly RecordChange[]): ZonePlan['counts'] {
  const c = { ...plan.counts };
  for (const d of details) {
    if (d.kind === 'create') c.create++;
    else if (d.kind === 'delete') c.delete++;
    else c.update++;
  }
  return c;
}

/**
 * The zone's work with the version record added as the last change, when the domain uses
 * RECORD_VERSION() and the push changes the zone. Zones that push skips (errors, blocked, nothing to
 * do) and zones already holding exactly this record come back unchanged. The zone checksum stays:
 * the version record is not part of what the reviewer saw, by design.
 */
export function withVersionRecord(work: ZoneWork, commit: string, session: VersionedSession): ZoneWork {
  const { plan } = work;
  const owner = versionOwner(work.domain.meta, work.domain.name);
  if (typeof owner !== 'string' || plan.error !== undefined || plan.safety.blocked) return work;
  if (plan.changes.length === 0 && plan.exists) return work;
  const old = session.keptVersionRecords(work.ref);
  const next = versionRecord(work.domain, owner, commit, work);
  if (old.length === 1 && sameRecord(old[0]!, next)) return work;
  const { changes, details } = versionChanges(work, owner, old, next);
  let planChanges: Change[];
  const merged = plan.granularity === 'label' ? plan.changes.findIndex((c) => c.name === owner) : -1;
  if (merged >= 0) {
    const c = plan.changes[merged]!;
    const mergedChange: Change = {
      ...c,
      kind: 'update',
      before: [...c.before, ...old],
      after: [...c.after, next],
      details: [...c.details, ...details],
    };
    planChanges = plan.changes.map((x, i) => (i === merged ? mergedChange : x));
  } else {
    planChanges = [...plan.changes, ...changes];
  }
  const desiredPlus = [...(work.diff?.desiredPlus ?? []), next];
  return {
    ...work,
    plan: { ...plan, changes: planChanges, counts: counted(plan, details) },
    ...(work.diff ? { diff: { ...work.diff, desiredPlus, changes: planChanges } } : {}),
    existing: work.existing === null ? null : [...work.existing, ...old],
  };
}

/** True when a zone's push would write the version record (the domain uses RECORD_VERSION()). */
export function usesRecordVersion(work: ZoneWork): boolean {
  return typeof versionOwner(work.domain.meta, work.domain.name) === 'string';
}
