import type { RawConfig, RawProvider } from '../dsl/raw-types.js';
import { error, type Diagnostic } from './diagnostic.js';
import { normalizeDomain, type Declared, type DomainInput } from './normalize-domain.js';
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
  const rawDomains: readonly DomainInput[] = Array.isArray(raw.domains) ? raw.domains : [];
  const n = new ConfigNormalizer(raw.registrars, raw.dnsProviders, rawDomains.some((d) => d.registrar === IMPLICIT_REGISTRAR));
  for (const rawDomain of rawDomains) n.domain(rawDomain);
  return n.result();
}

/**
 * normalizeConfig a domain at a time, for a loader that hands the config over in parts (the raw
 * objects of a domain are then garbage once it is normalised, and die young). The one thing the
 * whole config decides is whether the implicit registrar "none" exists: a domain that names it
 * declares it, and every domain sees it declared. Taken in order, it is declared from the first
 * such domain on, which only a domain before it can tell (its DNS provider "none", undeclared,
 * would miss the hint that "none" is a registrar): `domain()` then returns false, and the caller
 * must normalise the whole config with normalizeConfig instead.
 */
export class ConfigNormalizer {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly registrars: IrProviderDecl[];
  private readonly dnsProviders: IrProviderDecl[];
  private readonly declared: { readonly registrars: Set<string>; readonly dnsProviders: ReadonlySet<string> };
  private readonly domains: IrDomain[] = [];
  private readonly byUniqueName = new Map<string, IrDomain>();
  /** Whether "none" may still be declared implicitly by a later domain (unknown in advance). */
  private noneOpen: boolean;
  /** A domain so far named a DNS provider "none" that was neither declared nor a registrar. */
  private providerNone = false;

  /**
   * `implicitNone`: whether some domain names the registrar "none" (normalizeConfig knows); when
   * undefined, the domains will tell as they come.
   */
  constructor(registrars: readonly RawProvider[], dnsProviders: readonly RawProvider[], implicitNone?: boolean) {
    this.registrars = normalizeDecls(registrars, 'registrar', 'NewRegistrar', this.diagnostics);
    this.dnsProviders = normalizeDecls(dnsProviders, 'DNS provider', 'NewDnsProvider', this.diagnostics);
    this.declared = { registrars: new Set(this.registrars.map((r) => r.name)), dnsProviders: new Set(this.dnsProviders.map((p) => p.name)) };
    this.noneOpen = implicitNone === undefined && !this.declared.registrars.has(IMPLICIT_REGISTRAR);
    if (implicitNone) this.declareNone();
  }

  /** Normalises the next domain; false when the whole config must be normalised instead (see the class). */
  domain(rawDomain: DomainInput): boolean {
    if (this.noneOpen) {
      if (rawDomain.registrar === IMPLICIT_REGISTRAR) {
        if (this.providerNone) return false;
        this.declareNone();
      } else if (!this.providerNone && namesProviderNone(rawDomain, this.declared.dnsProviders)) this.providerNone = true;
    }
    const domain = normalizeDomain(rawDomain, this.declared, this.diagnostics);
    if (!domain) return true;
    const earlier = this.byUniqueName.get(domain.uniqueName);
    if (earlier) {
      const where = earlier.source ? ` (first at ${earlier.source.file}:${earlier.source.line}:${earlier.source.column})` : '';
      this.diagnostics.push(error('duplicate-domain', `${domain.uniqueName} is declared more than once${where}`, domain.source, domain.uniqueName));
      return true;
    }
    this.byUniqueName.set(domain.uniqueName, domain);
    this.domains.push(domain);
    return true;
  }

  /** The IR and every diagnostic, once all domains went through {@link domain}. */
  result(): { ir: IrConfig; diagnostics: Diagnostic[] } {
    return {
      ir: { version: IR_VERSION, registrars: this.registrars, dnsProviders: this.dnsProviders, domains: this.domains },
      diagnostics: this.diagnostics,
    };
  }

  private declareNone(): void {
    this.noneOpen = false;
    if (this.declared.registrars.has(IMPLICIT_REGISTRAR)) return;
    this.registrars.push({ name: IMPLICIT_REGISTRAR, type: 'NONE', meta: {} });
    this.declared.registrars.add(IMPLICIT_REGISTRAR);
  }
}

/** Whether the domain attaches a DNS provider "none" that is not declared (its message depends on the registrars). */
function namesProviderNone(raw: DomainInput, dnsProviders: Declared['dnsProviders']): boolean {
  if (dnsProviders.has(IMPLICIT_REGISTRAR) || !Array.isArray(raw.dnsProviders)) return false;
  return raw.dnsProviders.some((p) => p.name === IMPLICIT_REGISTRAR);
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
