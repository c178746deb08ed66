import { error, warning, type Diagnostic } from '../ir/diagnostic.js';
import { formatSource } from '../ir/source.js';
import type { IrHandsOff, IrIgnoreRule } from '../ir/types.js';
import type { DnsRecord } from '../records/types.js';
import { externalDnsOwnedKeys } from './external-dns.js';
import { compileGlob, GlobSyntaxError, type GlobMatcher } from './glob.js';
import { rrsetKey, type IdentityFn } from './identity.js';
import { relativeLabel } from './order-keys.js';
import { recordTarget } from './record-view.js';
import type { DiffMessage } from './types.js';

/** An IGNORE rule with its globs compiled (null: matches anything). */
export interface CompiledRule {
  readonly rule: IrIgnoreRule;
  readonly label: GlobMatcher | null;
  readonly types: ReadonlySet<string> | null;
  readonly target: GlobMatcher | null;
}

/** Shows a rule the way the config writes it. */
export function describeRule(r: IrIgnoreRule): string {
  return `IGNORE(${JSON.stringify(r.label)}, ${JSON.stringify(r.types)}, ${JSON.stringify(r.target)})`;
}

function compileRules(rules: readonly IrIgnoreRule[], zone: string, diags: Diagnostic[]): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    try {
      // "" and "*" mean "anything" for every field, also across dots (DNSControl special-cases them).
      const label = rule.label === '' || rule.label === '*' ? null : compileGlob(rule.label);
      const target = rule.target === '' || rule.target === '*' ? null : compileGlob(rule.target);
      const types =
        rule.types === '' || rule.types === '*'
          ? null
          : new Set(rule.types.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t !== ''));
      out.push({ rule, label, types, target });
    } catch (err) {
      if (!(err instanceof GlobSyntaxError)) throw err;
      diags.push(error('ignore-glob-invalid', `${describeRule(rule)}: ${err.message}`, rule.source, zone));
    }
  }
  return out;
}

function matchingRule(rules: readonly CompiledRule[], rec: DnsRecord, zone: string): CompiledRule | undefined {
  if (rules.length === 0) return undefined;
  // Cheapest test first: the type set, then the label glob, then the target (which parses rdata).
  let label: string | undefined;
  let target: string | undefined;
  for (const r of rules) {
    if (r.types && !r.types.has(rec.type)) continue;
    if (r.label && !r.label((label ??= relativeLabel(rec.name, zone)))) continue;
    if (r.target && !r.target((target ??= recordTarget(rec)))) continue;
    return r;
  }
  return undefined;
}

function describeRecord(rec: DnsRecord): string {
  return `${rec.name} ${rec.type} ${rec.rdata}`;
}

/** Inputs of {@link prepareHandsOff}. */
export interface HandsOffInput {
  readonly zone: string;
  readonly desired: readonly DnsRecord[];
  readonly existing: readonly DnsRecord[];
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly identity: IdentityFn;
}

/** The hands-off rules compiled and checked against the config, ready to classify existing records. */
export interface HandsOffPlan {
  /** True when the zone must not be changed at all (an unsafe IGNORE or a bad glob). */
  readonly blocked: boolean;
  readonly diagnostics: Diagnostic[];
  readonly messages: DiffMessage[];
  /** The desired records without those ENSURE_ABSENT_REC removes. */
  readonly desired: readonly DnsRecord[];
  /** False when no rule can keep anything (no IGNORE, purge on, no external-dns owner records). */
  readonly active: boolean;
  readonly rules: readonly CompiledRule[];
  readonly absentKeys: ReadonlySet<string>;
  /** `label\0type` keys external-dns owns; empty without IGNORE_EXTERNAL_DNS. */
  readonly owned: ReadonlySet<string>;
  /** With the safety check off: identities of desired records, so an ignored copy is not kept twice. */
  readonly desiredIds: ReadonlySet<string> | null;
}

/**
 * First half of DNSControl's `handsoff()`: compiles the IGNORE globs, drops ENSURE_ABSENT_REC
 * records from desired, runs the safety check (a desired record an IGNORE matches) and finds the
 * records external-dns owns.
 */
export function prepareHandsOff(input: HandsOffInput): HandsOffPlan {
  const { zone, existing, handsOff, identity } = input;
  const diagnostics: Diagnostic[] = [];
  const messages: DiffMessage[] = [];
  const none = new Set<string>();
  const blocked = (): HandsOffPlan => ({ blocked: true, diagnostics, messages, desired: [], active: false, rules: [], absentKeys: none, owned: none, desiredIds: null });
  const rules = compileRules(handsOff.ignores, zone, diagnostics);
  if (diagnostics.length > 0) return blocked();

  const absentKeys = new Set(input.absent.map((r) => `${rrsetKey(r)}\0${identity(r)}`));
  let desired: readonly DnsRecord[] = input.desired;
  if (absentKeys.size > 0) {
    desired = input.desired.filter((r) => {
      if (!absentKeys.has(`${rrsetKey(r)}\0${identity(r)}`)) return true;
      diagnostics.push(warning('absent-and-desired', `${describeRecord(r)} is both written and marked ENSURE_ABSENT_REC; it will be removed`, r.source, zone));
      return false;
    });
  }

  // The safety check: a desired record that an IGNORE rule matches would be created, then ignored.
  const conflicts = rules.length > 0 ? desired.filter((r) => matchingRule(rules, r, zone) !== undefined) : [];
  if (conflicts.length > 0) {
    const safe = handsOff.disableIgnoreSafetyCheck;
    for (const r of conflicts) {
      const rule = (matchingRule(rules, r, zone) as CompiledRule).rule;
      const where = rule.source ? ` at ${formatSource(rule.source)}` : '';
      const text = `${describeRecord(r)} is in the config but also matches ${describeRule(rule)}${where}`;
      diagnostics.push(
        safe
          ? warning('ignored-record-desired', text, r.source, zone)
          : error('ignored-record-desired', `${text}; unsafe to continue (add DISABLE_IGNORE_SAFETY_CHECK to D() to override)`, r.source, zone),
      );
    }
    if (!safe) return blocked();
    messages.push({ kind: 'warning', code: 'ignored-and-desired', text: `${conflicts.length} records that are both IGNORE*()'d and not ignored`, records: conflicts });
  }

  const owned = handsOff.externalDnsPrefix !== undefined ? externalDnsOwnedKeys(existing, zone, handsOff.externalDnsPrefix) : none;
  const desiredIds = conflicts.length > 0 ? new Set(conflicts.map((r) => `${rrsetKey(r)}\0${identity(r)}`)) : null;
  const active = rules.length > 0 || !handsOff.purge || owned.size > 0;
  return { blocked: false, diagnostics, messages, desired, active, rules, absentKeys, owned, desiredIds };
}

/** The existing records the rules keep, by rule, in the order the provider listed them. */
export interface KeptRecords {
  readonly ignored: DnsRecord[];
  readonly foreign: DnsRecord[];
  readonly external: DnsRecord[];
  /** Records external-dns owns that the config also writes: not kept, reported. */
  readonly externalConflicts: DnsRecord[];
}

/**
 * Second half: decides for existing records whether a rule keeps them. `hasDesiredRrset` tells
 * whether the config writes the record's name+type. A record is kept once, by the first rule that
 * matches in this order: IGNORE, external-dns, NO_PURGE.
 */
export function classifyExisting(
  plan: HandsOffPlan,
  input: Pick<HandsOffInput, 'zone' | 'handsOff' | 'identity'>,
  candidates: Iterable<DnsRecord>,
  hasDesiredRrset: (rec: DnsRecord) => boolean,
): { kept: KeptRecords; diagnostics: Diagnostic[] } {
  const { zone, handsOff, identity } = input;
  const { rules, absentKeys, owned, desiredIds } = plan;
  const kept: KeptRecords = { ignored: [], foreign: [], external: [], externalConflicts: [] };
  const diagnostics: Diagnostic[] = [];
  for (const rec of candidates) {
    const absentKey = absentKeys.size > 0 ? `${rrsetKey(rec)}\0${identity(rec)}` : '';
    if (matchingRule(rules, rec, zone)) {
      // IGNORE wins: "do not touch" is the safer reading of two contradicting rules.
      if (absentKeys.has(absentKey)) {
        diagnostics.push(warning('absent-ignored', `${describeRecord(rec)} is marked ENSURE_ABSENT_REC but an IGNORE rule keeps it`, undefined, zone));
      }
      // With the safety check off, the same record may be both desired and ignored: keep one copy.
      if (!desiredIds?.has(`${rrsetKey(rec)}\0${identity(rec)}`)) kept.ignored.push(rec);
    } else if (owned.size > 0 && owned.has(`${relativeLabel(rec.name, zone)}\0${rec.type}`)) {
      (hasDesiredRrset(rec) ? kept.externalConflicts : kept.external).push(rec);
    } else if (!handsOff.purge && !absentKeys.has(absentKey) && !hasDesiredRrset(rec)) {
      kept.foreign.push(rec);
    }
  }
  return { kept, diagnostics };
}

/** The messages DNSControl prints for what the rules kept, in its order. */
export function keptMessages(kept: KeptRecords): DiffMessage[] {
  const messages: DiffMessage[] = [];
  const { ignored, foreign, external, externalConflicts } = kept;
  if (external.length > 0) {
    messages.push({ kind: 'info', code: 'kept-external-dns', text: `${external.length} records not being deleted because of IGNORE_EXTERNAL_DNS`, records: external });
  }
  if (foreign.length > 0) {
    messages.push({ kind: 'info', code: 'kept-no-purge', text: `${foreign.length} records not being deleted because of NO_PURGE`, records: foreign });
  }
  if (ignored.length > 0) {
    messages.push({ kind: 'info', code: 'kept-ignore', text: `${ignored.length} records not being deleted because of IGNORE*()`, records: ignored });
  }
  if (externalConflicts.length > 0) {
    messages.push({
      kind: 'warning',
      code: 'external-dns-conflict',
      text: `${externalConflicts.length} records are defined in your config but also managed by external-dns; the config wins`,
      records: externalConflicts,
    });
  }
  return messages;
}
