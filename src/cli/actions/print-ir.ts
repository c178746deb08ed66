import { writeFile } from 'node:fs/promises';
import { irToJson } from '../../ir/ir-file.js';
import { loadConfig } from '../../load/index.js';
import { configOptions } from '../commands/config-flags.js';
import type { SetExit } from '../commands/index.js';
import type { PrintIrFlags } from '../commands/print-ir.js';
import { findConfigPath, loadInput, parseVariables } from '../config-input.js';
import type { Output } from '../output.js';

/** `zonesmith print-ir`: the validated IR as JSON, or with --raw the DSL's unvalidated output. */
export async function printIrAction(flags: PrintIrFlags, output: Output, setExit: SetExit): Promise<void> {
  const opts = configOptions(flags);
  const text = flags.raw
    ? `${JSON.stringify(await loadConfig({ configPath: findConfigPath(opts.config), variables: parseVariables(opts.variable) }), null, 2)}\n`
    : irToJson((await loadInput(opts)).ir);
  if (flags.out) await writeFile(flags.out, text);
  else output.out(text);
  setExit(0);
}
