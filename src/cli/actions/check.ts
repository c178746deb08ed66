import { ConfigError } from '../../errors.js';
import { formatDiagnostic, hasErrors } from '../../ir/diagnostic.js';
import type { CheckFlags } from '../commands/check.js';
import { configOptions } from '../commands/config-flags.js';
import type { SetExit } from '../commands/index.js';
import { loadInput } from '../config-input.js';
import type { Output } from '../output.js';

/** `zonesmith check`: type-check, evaluate and validate the config; prints every diagnostic. */
export async function checkAction(flags: CheckFlags, output: Output, setExit: SetExit): Promise<void> {
  const loading = loadInput({ ...configOptions(flags), typecheck: flags.typecheck, onConsole: (line) => output.err(line) });
  // The provider registry and the capability checks load once the config is on its way (loadInput
  // starts the sandbox and the bundler first), not before it.
  const checking = import('./check-capabilities.js');
  checking.catch(() => undefined);
  const input = await loading;
  const diagnostics = [...input.diagnostics, ...(await checking).capabilityDiagnostics(input.ir)];
  for (const d of diagnostics) output.err(formatDiagnostic(d));
  // Already printed above; the error only carries the summary line.
  if (hasErrors(diagnostics)) throw new ConfigError([], `${input.configPath} has errors`);
  output.out('No errors.');
  setExit(0);
}
