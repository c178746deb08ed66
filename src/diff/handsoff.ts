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

/** What the hands-off rules decided for one zone. */
export interface HandsOffResult {
  /** Desired records (minus ENSURE_ABSENT ones) followed by the existing records the rules keep. */
  readonly desiredPlus: readonly DnsRecord[];
  readonly messages: DiffMessage[];
  readonly diagnostics: Diagnostic[];
  /** True when the zone must not be changed at all (an unsafe IGNORE or a bad glob). */
  readonly blocked: boolean;
}

interface CompiledRule {
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
  const label = relativeLabel(rec.name, zone);
  let target: string | undefined;
  for (const r of rules) {
    if (r.label && !r.label(label)) continue;
    if (r.types && !r.types.has(rec.type)) continue;
    if (r.target && !r.target((target ??= recordTarget(rec)))) continue;
    return r;
  }
  return undefined;
}

function describeRecord(rec: DnsRecord): string {
  return `${rec.name} ${rec.type} ${rec.rdata}`;
}

/** Inputs of {@link applyHandsOff}. */
export interface HandsOffInput {
  readonly zone: string;
  readonly desired: readonly DnsRecord[];
  readonly existing: readonly DnsRecord[];
  readonly absent: readonly DnsRecord[];
  readonly handsOff: IrHandsOff;
  readonly identity: IdentityFn;
}

/**
 * Applies IGNORE / NO_PURGE / ENSURE_ABSENT_REC / IGNORE_EXTERNAL_DNS the way DNSControl's
 * `handsoff()` does: records that must not be touched are copied from existing into desired, so the
 * diff sees them as wanted and leaves them alone.
 */
export function applyHandsOff(input: HandsOffInput): HandsOffResult {
  const { zone, existing, handsOff, identity } = input;
  const diags: Diagnostic[] = [];
  const messages: DiffMessage[] = [];
  const rules = compileRules(handsOff.ignores, zone, diags);
  if (diags.length > 0) return { desiredPlus: [], messages, diagnostics: diags, blocked: true };

  const absentKeys = new Set(input.absent.map((r) => `${rrsetKey(r)}\0${identity(r)}`));
  let desired: readonly DnsRecord[] = input.desired;
  if (absentKeys.size > 0) {
    desired = input.desired.filter((r) => {
      if (!absentKeys.has(`${rrsetKey(r)}\0${identity(r)}`)) return true;
      diags.push(warning('absent-and-desired', `${describeRecord(r)} is both written and marked ENSURE_ABSENT_REC; it will be removed`, r.source, zone));
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
      diags.push(
        safe
          ? warning('ignored-record-desired', text, r.source, zone)
          : error('ignored-record-desired', `${text}; unsafe to continue (add DISABLE_IGNORE_SAFETY_CHECK to D() to override)`, r.source, zone),
      );
    }
    if (!safe) return { desiredPlus: [], messages, diagnostics: diags, blocked: true };
    messages.push({ kind: 'warning', code: 'ignored-and-desired', text: `${conflicts.length} records that are both IGNORE*()'d and not ignored`, records: conflicts });
  }

  const owned = handsOff.externalDnsPrefix !== undefined ? externalDnsOwnedKeys(existing, zone, handsOff.externalDnsPrefix) : null;
  const ignored: DnsRecord[] = [];
  const foreign: DnsRecord[] = [];
  const external: DnsRecord[] = [];
  const externalConflicts: DnsRecord[] = [];
  if (rules.length > 0 || !handsOff.purge || (owned && owned.size > 0)) {
    const desiredKeys = new Set(desired.map(rrsetKey));
    const desiredIds = conflicts.length > 0 ? new Set(desired.map((r) => `${rrsetKey(r)}\0${identity(r)}`)) : null;
    for (const rec of existing) {
      const absentKey = absentKeys.size > 0 ? `${rrsetKey(rec)}\0${identity(rec)}` : '';
      if (matchingRule(rules, rec, zone)) {
        // IGNORE wins: "do not touch" is the safer reading of two contradicting rules.
        if (absentKeys.has(absentKey)) {
          diags.push(warning('absent-ignored', `${describeRecord(rec)} is marked ENSURE_ABSENT_REC but an IGNORE rule keeps it`, undefined, zone));
        }
        // With the safety check off, the same record may be both desired and ignored: keep one copy.
        if (!desiredIds?.has(`${rrsetKey(rec)}\0${identity(rec)}`)) ignored.push(rec);
      } else if (owned && owned.has(`${relativeLabel(rec.name, zone)}\0${rec.type}`)) {
        (desiredKeys.has(rrsetKey(rec)) ? externalConflicts : external).push(rec);
      } else if (!handsOff.purge && !desiredKeys.has(rrsetKey(rec)) && !absentKeys.has(absentKey)) {
        foreign.push(rec);
      }
    }
  }

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

  const kept = ignored.length + foreign.length + external.length;
  const desiredPlus = kept === 0 ? desired : [...desired, ...ignored, ...foreign, ...external];
  return { desiredPlus, messages, diagnostics: diags, blocked: false };
}
