import { PROVIDERS } from '../../../providers/index.js';
import { ConfigError } from '../../errors.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../ir/diagnostic.js';
import { validateProviders } from '../../ir/validate-providers.js';
import type { IrConfig } from '../../ir/types.js';
import { findDefinition } from '../../provider/lookup.js';
import type { Capabilities } from '../../provider/types.js';
import type { CheckFlags } from '../commands/check.js';
import { configOptions } from '../commands/config-flags.js';
import type { SetExit } from '../commands/index.js';
import { loadInput } from '../config-input.js';
import type { Output } from '../output.js';

/** `zonesmith check`: type-check, evaluate and validate the config; prints every diagnostic. */
export async function checkAction(flags: CheckFlags, output: Output, setExit: SetExit): Promise<void> {
  const input = await loadInput({ ...configOptions(flags), typecheck: flags.typecheck, onConsole: (line) => output.err(line) });
  const diagnostics = [...input.diagnostics, ...capabilityDiagnostics(input.ir)];
  for (const d of diagnostics) output.err(formatDiagnostic(d));
  // Already printed above; the error only carries the summary line.
  if (hasErrors(diagnostics)) throw new ConfigError([], `${input.configPath} has errors`);
  output.out('No errors.');
  setExit(0);
}

/**
 * Capability checks for providers whose type the config itself names; providers typed only in
 * creds.json are checked by preview and push, as check needs no credentials (DNSControl's rule).
 */
function capabilityDiagnostics(ir: IrConfig): Diagnostic[] {
  const known = new Map<string, { type: string; capabilities: Capabilities }>();
  for (const decl of ir.dnsProviders) {
    const def = decl.type && decl.type !== '-' ? findDefinition(PROVIDERS, decl.type) : undefined;
    if (def) known.set(decl.name, { type: def.type, capabilities: def.capabilities });
  }
  return validateProviders(ir, known);
}
