import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addConfigFlags, type ConfigFlags } from './config-flags.js';
import type { SetExit } from './index.js';

/** The flags of `zonesmith check`. */
export interface CheckFlags extends ConfigFlags {
  typecheck: boolean;
}

/** `zonesmith check`: type-check, evaluate and validate the config; no credentials, no network. */
export function registerCheck(program: Command, output: Output, setExit: SetExit): void {
  addConfigFlags(program.command('check').description('type-check, evaluate and validate the config without touching any provider'))
    .option('--no-typecheck', 'skip the TypeScript type check')
    .action(async (flags: CheckFlags) => (await import('../actions/check.js')).checkAction(flags, output, setExit));
}
