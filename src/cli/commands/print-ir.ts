import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addConfigFlags, type ConfigFlags } from './config-flags.js';
import type { SetExit } from './index.js';

/** The flags of `zonesmith print-ir`. */
export interface PrintIrFlags extends ConfigFlags {
  out?: string;
  raw?: boolean;
}

/** `zonesmith print-ir`: the validated IR as JSON (or, with --raw, the DSL's unvalidated output). */
export function registerPrintIr(program: Command, output: Output, setExit: SetExit): void {
  addConfigFlags(program.command('print-ir').description('print the validated intermediate representation as JSON'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--raw', 'print what the config produced before validation and normalisation')
    .action(async (flags: PrintIrFlags) => (await import('../actions/print-ir.js')).printIrAction(flags, output, setExit));
}
