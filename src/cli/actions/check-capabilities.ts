import { PROVIDERS } from '../../../providers/index.js';
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { IrConfig } from '../../ir/types.js';
import { validateProviders } from '../../ir/validate-providers.js';
import { findDefinition } from '../../provider/lookup.js';
import type { Capabilities } from '../../provider/types.js';

/**
 * Capability checks for providers whose type the config itself names; providers typed only in
 * creds.json are checked by preview and push, as check needs no credentials (DNSControl's rule).
 */
export function capabilityDiagnostics(ir: IrConfig): Diagnostic[] {
  const known = new Map<string, { type: string; capabilities: Capabilities }>();
  for (const decl of ir.dnsProviders) {
    const def = decl.type && decl.type !== '-' ? findDefinition(PROVIDERS, decl.type) : undefined;
    if (def) known.set(decl.name, { type: def.type, capabilities: def.capabilities });
  }
  return validateProviders(ir, known);
}
