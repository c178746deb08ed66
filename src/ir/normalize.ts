import type { RawConfig, RawProvider } from '../dsl/raw-types.js';
import { error, type Diagnostic } from './diagnostic.js';
import { normalizeDomain, type DomainInput } from './normalize-domain.js';
import { IR_VERSION, type IrConfig, type IrDomain, type IrProviderDecl } from './types.js';

/** The input normalisation accepts: the DSL's RawConfig, or the same shape rebuilt from an IR file. */
export interface NormalizeInput {
  readonly registrars: readonly RawProvider[];
  readonly dnsProviders: readonly RawProvider[];
  readonly domains: readonly DomainInput[];
}

// DNSControl configs write D("x", "none") without declaring it; a registrar that does nothing.
const IMPLICIT_REGISTRAR = 'none';

/**
 * Validates and normalises what a config declared into the IR. Every problem is collected, each
 * with its stable code and the location of the record or domain it is about; the IR holds what
 * could be normalised and is meaningful only when no diagnostic is an error.
 */
export function normalizeConfig(raw: RawConfig | NormalizeInput): { ir: IrConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const registrars = normalizeDecls(raw.registrars, 'registrar', 'NewRegistrar', diagnostics);
  const dnsProviders = normalizeDecls(raw.dnsProviders, 'DNS provider', 'NewDnsProvider', diagnostics);
  const registrarNames = new Set(registrars.map((r) => r.name));
  const rawDomains: readonly DomainInput[] = Array.isArray(raw.domains) ? raw.domains : [];

  if (!registrarNames.has(IMPLICIT_REGISTRAR) && rawDomains.some((d) => d.registrar === IMPLICIT_REGISTRAR)) {
    registrars.push({ name: IMPLICIT_REGISTRAR, type: 'NONE', meta: {} });
    registrarNames.add(IMPLICIT_REGISTRAR);
  }
  const declared = { registrars: registrarNames, dnsProviders: new Set(dnsProviders.map((p) => p.name)) };

  const domains: IrDomain[] = [];
  const byUniqueName = new Map<string, IrDomain>();
  for (const rawDomain of rawDomains) {
    const domain = normalizeDomain(rawDomain, declared, diagnostics);
    if (!domain) continue;
    const earlier = byUniqueName.get(domain.uniqueName);
    if (earlier) {
      const where = earlier.source ? ` (first at ${earlier.source.file}:${earlier.source.line}:${earlier.source.column})` : '';
      diagnostics.push(error('duplicate-domain', `${domain.uniqueName} is declared more than once${where}`, domain.source, domain.uniqueName));
      continue;
    }
    byUniqueName.set(domain.uniqueName, domain);
    domains.push(domain);
  }
  return { ir: { version: IR_VERSION, registrars, dnsProviders, domains }, diagnostics };
}

function normalizeDecls(list: readonly RawProvider[], what: string, fn: string, diagnostics: Diagnostic[]): IrProviderDecl[] {
  const out: IrProviderDecl[] = [];
  const seen = new Set<string>();
  for (const p of Array.isArray(list) ? list : []) {
    const src = p.source;
    if (typeof p.name !== 'string' || p.name === '') {
      diagnostics.push(error('invalid-provider-name', `${fn}() needs a non-empty name`, src));
      continue;
    }
    if (seen.has(p.name)) {
      diagnostics.push(error(what === 'registrar' ? 'duplicate-registrar' : 'duplicate-dns-provider', `${what} "${p.name}" is declared more than once`, src));
      continue;
    }
    seen.add(p.name);
    // `-` and a missing type both mean "take TYPE from creds.json" (DNSControl v3.16+).
    const type = typeof p.type === 'string' && p.type !== '' && p.type !== '-' ? p.type.toUpperCase() : undefined;
    const meta = p.meta !== null && typeof p.meta === 'object' && !Array.isArray(p.meta) ? { ...p.meta } : {};
    out.push({ name: p.name, ...(type ? { type } : {}), meta, ...(src ? { source: src } : {}) });
  }
  return out;
}
