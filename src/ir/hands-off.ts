import { error, warning, type Diagnostic } from './diagnostic.js';
import { compileGlob } from './glob.js';
import type { DnsRecord } from '../records/types.js';
import { shortName, targetOf } from './records-api.js';
import type { SourcePos } from './source.js';
import type { IrHandsOff, IrIgnoreRule } from './types.js';

/** The hands-off settings of a domain as the DSL (or an IR file) gives them. */
export interface HandsOffInput {
  readonly noPurge: unknown;
  readonly ignores: unknown;
  readonly ignoreExternalDns?: { readonly prefix: unknown } | undefined;
  readonly disableIgnoreSafetyCheck: unknown;
}

interface RawRule {
  readonly label?: unknown;
  readonly types?: unknown;
  readonly target?: unknown;
  readonly source?: SourcePos;
}

/** A rule ready to match: the IR form plus compiled globs. */
export interface CompiledRule {
  readonly rule: IrIgnoreRule;
  readonly label: RegExp;
  readonly types: ReadonlySet<string> | undefined;
  readonly target: RegExp;
}

/**
 * Normalises NO_PURGE, IGNORE*, IGNORE_EXTERNAL_DNS and DISABLE_IGNORE_SAFETY_CHECK: empty globs
 * mean "any" (`*`) as in DNSControl, label globs are lower-cased (labels are), type lists are
 * upper-cased and trimmed. Malformed rules are reported and left out.
 */
export function normalizeHandsOff(input: HandsOffInput, domain: string, diagnostics: Diagnostic[]): { handsOff: IrHandsOff; rules: CompiledRule[] } {
  const rules: CompiledRule[] = [];
  const list = Array.isArray(input.ignores) ? (input.ignores as RawRule[]) : [];
  for (const raw of list) {
    const compiled = compileRule(raw, domain, diagnostics);
    if (compiled) rules.push(compiled);
  }
  const prefix = input.ignoreExternalDns?.prefix;
  const handsOff: IrHandsOff = {
    purge: input.noPurge !== true,
    ignores: rules.map((r) => r.rule),
    ...(input.ignoreExternalDns ? { externalDnsPrefix: typeof prefix === 'string' ? prefix : '' } : {}),
    disableIgnoreSafetyCheck: input.disableIgnoreSafetyCheck === true,
  };
  return { handsOff, rules };
}

function compileRule(raw: RawRule, domain: string, diagnostics: Diagnostic[]): CompiledRule | undefined {
  const src = raw.source;
  const bad = (msg: string): undefined => void diagnostics.push(error('invalid-ignore-rule', msg, src, domain));
  const text = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? '*' : typeof v === 'string' ? v : undefined);
  const label = text(raw.label)?.toLowerCase();
  const types = text(raw.types);
  const target = text(raw.target);
  if (label === undefined || types === undefined || target === undefined) return bad('IGNORE label, types and target must be strings');

  const labelRe = compileGlob(label);
  if (typeof labelRe === 'string') return bad(`IGNORE label glob "${label}" ${labelRe}`);
  const targetRe = compileGlob(target, '');
  if (typeof targetRe === 'string') return bad(`IGNORE target glob "${target}" ${targetRe}`);

  const typeList = types.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t !== '');
  const anyType = typeList.length === 0 || typeList.includes('*');
  const badType = typeList.find((t) => t !== '*' && !/^[A-Z][A-Z0-9_]*$/.test(t));
  if (badType !== undefined) return bad(`IGNORE type "${badType}" is not a record type`);

  const rule: IrIgnoreRule = { label, types: anyType ? '*' : typeList.join(','), target, ...(src ? { source: src } : {}) };
  return { rule, label: labelRe, types: anyType ? undefined : new Set(typeList), target: targetRe };
}

/** True when the rule matches the record (owner `name` in `zone`): label, type and target all match. */
export function ruleMatches(rule: CompiledRule, rec: DnsRecord, zone: string): boolean {
  return (
    (rule.types === undefined || rule.types.has(rec.type)) && rule.label.test(shortName(rec.name, zone)) && rule.target.test(targetOf(rec))
  );
}

/**
 * DNSControl's IGNORE safety check (pkg/diff2/handsoff.go): a record the config asks for that an
 * IGNORE rule also matches is contradictory, an error unless DISABLE_IGNORE_SAFETY_CHECK, which
 * turns it into a warning.
 */
export function checkIgnoreSafety(
  records: readonly DnsRecord[],
  zone: string,
  rules: readonly CompiledRule[],
  disabled: boolean,
  domain: string,
  diagnostics: Diagnostic[],
): void {
  if (rules.length === 0) return;
  for (const rec of records) {
    const hit = rules.find((r) => ruleMatches(r, rec, zone));
    if (!hit) continue;
    const { label, types, target } = hit.rule;
    const message = `${rec.type} ${rec.name} is in the config but also matches IGNORE("${label}", "${types}", "${target}")`;
    diagnostics.push(
      disabled
        ? warning('ignored-record-in-config', message, rec.source, domain)
        : error('ignored-record-in-config', `${message}; remove one, or add DISABLE_IGNORE_SAFETY_CHECK to the domain`, rec.source, domain),
    );
  }
}
