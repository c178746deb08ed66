import type { Command } from 'commander';
import { InvalidArgumentError, Option } from '../commander.js';

/** Adds the flags shared by every command that evaluates a config. */
export function addConfigFlags(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'the config file (default: dnsconfig.ts, else dnsconfig.js)')
    .addOption(new Option('--js <file>', 'DNSControl\'s name for --config').hideHelp())
    .option('--ir <file>', 'read this IR JSON instead of evaluating a config')
    .option('-v, --variable <name=value>', 'define a read-only variable for the config (repeatable)', collect, [])
    .option('--memory-limit <mb>', 'sandbox memory limit in MB (default 128)', positiveInt)
    .option('--time-limit <ms>', 'sandbox time limit in milliseconds (default 5000)', positiveInt);
}

/** Commander's repeatable-option accumulator. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses a positive integer flag value; commander reports a bad one as a usage error (exit 1). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

/** The config-related options as commander hands them over. */
export interface ConfigFlags {
  config?: string;
  js?: string;
  ir?: string;
  variable: string[];
  memoryLimit?: number;
  timeLimit?: number;
}

/** Maps commander's parsed flags onto loadInput's options. */
export function configOptions(flags: ConfigFlags): {
  config?: string;
  ir?: string;
  variable: string[];
  memoryLimit?: number;
  timeLimit?: number;
} {
  const config = flags.config ?? flags.js;
  return {
    ...(config ? { config } : {}),
    ...(flags.ir ? { ir: flags.ir } : {}),
    variable: flags.variable,
    ...(flags.memoryLimit !== undefined ? { memoryLimit: flags.memoryLimit } : {}),
    ...(flags.timeLimit !== undefined ? { timeLimit: flags.timeLimit } : {}),
  };
}
