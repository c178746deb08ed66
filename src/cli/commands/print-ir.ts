import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { irToJson } from '../../ir/ir-file.js';
import { loadConfig } from '../../load/index.js';
import { findConfigPath, loadInput, parseVariables } from '../config-input.js';
import type { Output } from '../output.js';
import { addConfigFlags, configOptions, type ConfigFlags } from './config-flags.js';
import type { SetExit } from './index.js';

/** `zonesmith print-ir`: the validated IR as JSON (or, with --raw, the DSL's unvalidated output). */
export function registerPrintIr(program: Command, output: Output, setExit: SetExit): void {
  addConfigFlags(program.command('print-ir').description('print the validated intermediate representation as JSON'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--raw', 'print what the config produced before validation and normalisation')
    .action(async (flags: ConfigFlags & { out?: string; raw?: boolean }) => {
      const opts = configOptions(flags);
      const text = flags.raw
        ? `${JSON.stringify(await loadConfig({ configPath: findConfigPath(opts.config), variables: parseVariables(opts.variable) }), null, 2)}\n`
        : irToJson((await loadInput(opts)).ir);
      if (flags.out) await writeFile(flags.out, text);
      else output.out(text);
      setExit(0);
    });
}
