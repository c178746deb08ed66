import type { CredsFile } from '../creds/parse.js';
import { error, warning, type Diagnostic } from '../ir/diagnostic.js';
import type { IrConfig, IrProviderDecl } from '../ir/types.js';
import { findDefinition } from './lookup.js';
import type { ProviderDefinition, ProviderEntry } from './types.js';

/** A DNS provider declaration joined with its creds.json entry and its definition. */
export interface ResolvedProvider {
  /** The name used in the config and as the creds.json key. */
  readonly name: string;
  readonly definition: ProviderDefinition;
  /** The creds entry without TYPE; values already `$VAR`-substituted. */
  readonly creds: Readonly<Record<string, string>>;
  readonly meta: Readonly<Record<string, unknown>>;
  /** `_exclude_from_defaults`: only used when named in --providers. */
  readonly excludeFromDefaults: boolean;
}

/**
 * Joins every NewDnsProvider declaration with creds.json, following DNSControl's rules for where the
 * TYPE comes from (the config, creds.json, or both when they agree), and loads the definitions of
 * the types in use. Returns all problems at once.
 */
export async function resolveProviders(
  ir: IrConfig,
  creds: CredsFile,
  entries: readonly ProviderEntry[],
): Promise<{ providers: Map<string, ResolvedProvider>; diagnostics: Diagnostic[] }> {
  const providers = new Map<string, ResolvedProvider>();
  const diagnostics: Diagnostic[] = [];
  for (const decl of ir.dnsProviders) {
    const type = resolveType(decl, creds, diagnostics);
    if (!type) continue;
    const entry = findDefinition(entries, type);
    if (!entry) {
      diagnostics.push(
        error('provider-unknown-type', `DNS provider "${decl.name}" has type ${type}, which zonesmith does not know; known: ${entries.map((d) => d.type).join(', ')}`, decl.source),
      );
      continue;
    }
    const definition: ProviderDefinition = await entry.load();
    const { TYPE: _type, _exclude_from_defaults: exclude, ...rest } = creds[decl.name] ?? {};
    providers.set(decl.name, { name: decl.name, definition, creds: rest, meta: decl.meta, excludeFromDefaults: exclude === 'true' });
  }
  return { providers, diagnostics };
}

function resolveType(decl: IrProviderDecl, creds: CredsFile, out: Diagnostic[]): string | undefined {
  const jsType = decl.type && decl.type !== '-' ? decl.type.toUpperCase() : undefined;
  const entry = creds[decl.name];
  const credsType = entry?.['TYPE']?.toUpperCase();
  if (jsType && credsType && jsType !== credsType) {
    out.push(error('provider-type-mismatch', `DNS provider "${decl.name}" is ${jsType} in the config but ${credsType} in creds.json`, decl.source));
    return undefined;
  }
  if (credsType) return credsType;
  if (jsType) {
    if (!entry) out.push(warning('creds-missing-entry', `creds.json has no entry called "${decl.name}"; using type ${jsType} with no settings`, decl.source));
    return jsType;
  }
  out.push(error('creds-missing-entry', `creds.json is missing an entry called "${decl.name}". Suggestion: "${decl.name}": { "TYPE": "FILL_IN_PROVIDER_TYPE" }`, decl.source));
  return undefined;
}
