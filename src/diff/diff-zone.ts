import type { Diagnostic } from '../ir/diagnostic.js';
import type { IrHandsOff } from '../ir/types.js';
import type { DnsRecord } from '../records/types.js';
import { changedRrsetsByName, type ChangedNames } from './changed-rrsets.js';
import { buildChanges, type ChangedRrset, type RrsetGroup } from './granularity.js';
import { classifyExisting, keptMessages, prepareHandsOff, type HandsOffPlan } from './handsoff.js';
import { makeIdentity, type IdentityFn } from './identity.js';
import { orderChanges } from './ordering.js';
import { compareLabelKeys, compareTypes, labelKey, relativeLabel, type LabelKey } from './order-keys.js';
import { diffTargets } from './targets.js';
import type { Change, DiffMessage, Granularity, ZoneDiff } from './types.js';

/** Everything {@link diffZone} needs about one zone at one provider. */
export interface DiffZoneInput {
  /** ASCII zone name without trailing dot; labels are taken relative to it. */
  readonly zone: string;
  /** What the config wants (after the provider's prepareDesired). */
  readonly desired: readonly DnsRecord[];
  /** What the provider serves now. */
  readonly existing: readonly DnsRecord[];
  /** ENSURE_ABSENT_REC records. */
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly granularity: Granularity;
  /** Meta keys that are part of a record's identity for this provider. */
  readonly comparedMeta?: readonly string[];
}

/** The result of {@link diffZone}: the diff, and problems found on the way (with config locations). */
export interface DiffZoneResult {
  readonly diff: ZoneDiff;
  readonly diagnostics: Diagnostic[];
}

interface PendingRrset extends ChangedRrset {
  readonly label: LabelKey;
}

function comparePending(a: PendingRrset, b: PendingRrset): number {
  return (
    compareLabelKeys(a.label, b.label) ||
    // At a label, types that exist now come before types that are new, so a CNAME being replaced
    // by other data (or the reverse) is deleted before its replacement is created (DNSControl's
    // CompareConfig inserts existing records first for this reason).
    (a.group.existing.length > 0 ? 0 : 1) - (b.group.existing.length > 0 ? 0 : 1) ||
    compareTypes(a.group.type, b.group.type)
  );
}

function countChanges(changes: readonly Change[]): ZoneDiff['counts'] {
  let create = 0;
  let update = 0;
  let del = 0;
  for (const c of changes) {
    for (const d of c.details) {
      if (d.kind === 'create') create++;
      else if (d.kind === 'delete') del++;
      else update++;
    }
  }
  return { create, update, delete: del };
}

/**
 * Diffs one zone: applies the hands-off rules, finds the minimal record-level changes per
 * name+type, groups them at the provider's granularity and orders them by dependencies. Pure and
 * deterministic: the same input gives the same output, with no I/O, clock or colour.
 */
export function diffZone(input: DiffZoneInput): DiffZoneResult {
  const identity = makeIdentity(input.comparedMeta);
  const ho = prepareHandsOff({ ...input, identity });
  if (ho.blocked) {
    // Nothing may change: the zone is left exactly as it is.
    const diff: ZoneDiff = { changes: [], messages: ho.messages, desiredPlus: input.existing, counts: { create: 0, update: 0, delete: 0 } };
    return { diff, diagnostics: ho.diagnostics };
  }

  // Records matched exactly on both sides need nothing, hands-off rules included (a kept record is
  // one the diff would otherwise delete), so the rules only look at names with differences.
  const byName = changedRrsetsByName(input.existing, ho.desired, identity, { zone: input.zone, rdataIsIdentity: !input.comparedMeta?.length });
  const diagnostics = [...ho.diagnostics];
  let desiredPlus = ho.desired;
  const messages: DiffMessage[] = [...ho.messages];
  if (ho.active) {
    const { kept, keptDiagnostics } = keepRecords(input, ho, byName, identity);
    diagnostics.push(...keptDiagnostics);
    messages.push(...keptMessages(kept));
    const extra = [...kept.ignored, ...kept.foreign, ...kept.external];
    if (extra.length > 0) desiredPlus = [...ho.desired, ...extra];
  }

  const pending: PendingRrset[] = [];
  for (const groups of byName.names) {
    for (const group of groups) {
      const details = diffTargets(group.existing, group.desired, identity);
      if (details.length > 0) pending.push({ group, details, label: labelKey(relativeLabel(group.name, input.zone)) });
    }
  }
  pending.sort(comparePending);

  const built = buildChanges(pending, input.granularity, identity, input.granularity === 'label' ? byName : undefined);
  const ordered = orderChanges(built);
  if (ordered.unresolved.length > 0) {
    const names = [...new Set(ordered.unresolved.map((c) => c.name))].join(', ');
    messages.push({
      kind: 'warning',
      code: 'ordering-cycle',
      text: `${ordered.unresolved.length} changes have circular or unresolved dependencies and are applied last: ${names}`,
      records: ordered.unresolved.flatMap((c) => (c.after.length > 0 ? c.after : c.before)),
    });
  }
  const diff: ZoneDiff = { changes: ordered.changes, messages, desiredPlus, counts: countChanges(ordered.changes) };
  return { diff, diagnostics };
}

/**
 * Runs the hands-off rules over the existing records at changed names, adds what they keep to the
 * desired side of its rrset (so the diff leaves it alone), and lists what they kept in the order the
 * provider returned it.
 */
function keepRecords(input: DiffZoneInput, ho: HandsOffPlan, byName: ChangedNames, identity: IdentityFn) {
  const groupOf = (rec: DnsRecord): RrsetGroup | undefined => byName.get(rec.name)?.find((g) => g.type === rec.type);
  const candidates = byName.names.flatMap((groups) => groups.flatMap((g) => g.existing));
  const { kept, diagnostics } = classifyExisting(ho, { ...input, identity }, candidates, (rec) => (groupOf(rec)?.desired.length ?? 0) > 0);
  if (ho.owned.size > 0) {
    // Owned records at unchanged names are written by the config too (they matched exactly).
    for (const rec of input.existing) {
      if (byName.get(rec.name) === undefined && ho.owned.has(`${relativeLabel(rec.name, input.zone)}\0${rec.type}`)) kept.externalConflicts.push(rec);
    }
  }
  for (const rec of [...kept.ignored, ...kept.foreign, ...kept.external]) groupOf(rec)?.desired.push(rec);
  // Back into the provider's order, which the per-name grouping above does not keep.
  const rank = new Map<DnsRecord, number>();
  const lists = [kept.ignored, kept.foreign, kept.external, kept.externalConflicts];
  if (lists.some((l) => l.length > 1)) {
    const keptSet = new Set(lists.flat());
    input.existing.forEach((rec, i) => {
      if (keptSet.has(rec)) rank.set(rec, i);
    });
    for (const l of lists) l.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  }
  return { kept, keptDiagnostics: diagnostics };
}
