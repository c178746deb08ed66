import { formatSource, type SourcePos } from './source.js';

/** How bad a diagnostic is: errors stop the run, warnings and infos are printed and the run goes on. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found in a config, a zone file or a plan. Validation collects these and returns them
 * all, so the user sees every problem in one run, not only the first.
 */
export interface Diagnostic {
  /** Stable, kebab-case id (`cname-at-apex`); documented in docs/diagnostics.md and safe to grep for. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence, no trailing period needed, never containing a credential. */
  readonly message: string;
  /** Where in the user's files the problem is; absent only when there is no such place. */
  readonly source?: SourcePos;
  /** The zone the problem belongs to, when it belongs to one. */
  readonly domain?: string;
}

/** Builds an error diagnostic. */
export function error(code: string, message: string, source?: SourcePos, domain?: string): Diagnostic {
  return withOptional({ code, severity: 'error', message }, source, domain);
}

/** Builds a warning diagnostic. */
export function warning(code: string, message: string, source?: SourcePos, domain?: string): Diagnostic {
  return withOptional({ code, severity: 'warning', message }, source, domain);
}

function withOptional(d: Diagnostic, source?: SourcePos, domain?: string): Diagnostic {
  return { ...d, ...(source ? { source } : {}), ...(domain ? { domain } : {}) };
}

/** True when any diagnostic is an error. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Renders `dnsconfig.ts:14:5: error[mx-preference-range]: MX preference must be 0-65535`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatSource(d.source);
  const zone = d.domain && !where ? `${d.domain}: ` : '';
  return `${where ? `${where}: ` : ''}${zone}${d.severity}[${d.code}]: ${d.message}`;
}
