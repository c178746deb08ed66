import { compileGlob, GlobSyntaxError } from '../diff/glob.js';
import { error, type Diagnostic } from './diagnostic.js';
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

/**
 * Normalises NO_PURGE, IGNORE*, IGNORE_EXTERNAL_DNS and DISABLE_IGNORE_SAFETY_CHECK: empty globs
 * mean "any" (`*`) as in DNSControl, label globs are lower-cased (labels are), type lists are
 * upper-cased and trimmed. Malformed rules are reported here, so `check` finds them, and left out.
 * Applying the rules (and their safety check) is the diff's business: src/diff/handsoff.ts, which
 * compiles the globs with the same compileGlob.
 */
export function normalizeHandsOff(input: HandsOffInput, domain: string, diagnostics: Diagnostic[]): IrHandsOff {
  const ignores: IrIgnoreRule[] = [];
  for (const raw of Array.isArray(input.ignores) ? (input.ignores as RawRule[]) : []) {
    const rule = normalizeRule(raw, domain, diagnostics);
    if (rule) ignores.push(rule);
  }
  const purge = input.noPurge !== true;
  const disableIgnoreSafetyCheck = input.disableIgnoreSafetyCheck === true;
  // Two literals, not a conditional spread: this runs once per domain (normalize-domain.ts says why).
  if (!input.ignoreExternalDns) return { purge, ignores, disableIgnoreSafetyCheck };
  const prefix = input.ignoreExternalDns.prefix;
  return { purge, ignores, externalDnsPrefix: typeof prefix === 'string' ? prefix : '', disableIgnoreSafetyCheck };
}

function normalizeRule(raw: RawRule, domain: string, diagnostics: Diagnostic[]): IrIgnoreRule | undefined {
  const src = raw.source;
  const bad = (msg: string): undefined => void diagnostics.push(error('invalid-ignore-rule', msg, src, domain));
  const text = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? '*' : typeof v === 'string' ? v : undefined);
  const label = text(raw.label)?.toLowerCase();
  const types = text(raw.types);
  const target = text(raw.target);
  if (label === undefined || types === undefined || target === undefined) return bad('IGNORE label, types and target must be strings');

  for (const glob of [label, target]) {
    try {
      compileGlob(glob);
    } catch (err) {
      if (!(err instanceof GlobSyntaxError)) throw err;
      diagnostics.push(error('ignore-glob-invalid', `IGNORE(${JSON.stringify(raw.label)}, ${JSON.stringify(raw.types)}, ${JSON.stringify(raw.target)}): ${err.message}`, src, domain));
      return undefined;
    }
  }

  const typeList = types.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t !== '');
  const anyType = typeList.length === 0 || typeList.includes('*');
  const badType = typeList.find((t) => t !== '*' && !/^[A-Z][A-Z0-9_]*$/.test(t));
  if (badType !== undefined) return bad(`IGNORE type "${badType}" is not a record type`);

  const typesText = anyType ? '*' : typeList.join(',');
  return src ? { label, types: typesText, target, source: src } : { label, types: typesText, target };
}
