import type { Command } from 'commander';
import { InvalidArgumentError } from './commander.js';
import { addConfigFlags, collect, positiveInt, type ConfigFlags } from './commands/config-flags.js';

/** Flags shared by preview and push (and later commands that reconcile). */
export interface ReconcileFlags extends ConfigFlags {
  creds: string;
  domains?: string;
  providers?: string;
  format: 'text' | 'markdown' | 'json';
  report?: string;
  expectNoChanges?: boolean;
  force?: boolean;
  concurrency: number;
  cmax?: number;
}

/** Adds the flags of preview and push. */
export function addReconcileFlags(cmd: Command): Command {
  return addConfigFlags(cmd)
    .option('--creds <file>', 'credentials file, or !command whose output is the JSON', 'creds.json')
    .option('--domains <list>', 'only these domains (comma-separated; *.suffix and name!tag work)')
    .option('--providers <list>', 'only these DNS providers (comma-separated, or "all")')
    .option('--format <format>', 'output format: text, markdown or json', formatOption, 'text')
    .option('--report <file>', 'write a JSON report (DNSControl\'s shape, with results on push)')
    .option('--expect-no-changes', 'exit 2 when anything would change (drift detection)')
    .option('--force', 'override the safety rails (mass updates/deletes, apex NS changes)')
    .option('--concurrency <n>', 'zones handled at once', positiveInt, 8)
    .option('--full', 'accepted for DNSControl compatibility')
    .option('--cmax <n>', 'DNSControl\'s name for --concurrency', positiveInt)
    .option('--reportmax <n>', 'accepted for DNSControl compatibility', positiveInt)
    .option('--no-populate', 'accepted for DNSControl compatibility')
    .option('--variable-file <file>', 'accepted for compatibility', collect, []);
}

function formatOption(value: string): string {
  if (!['text', 'markdown', 'json'].includes(value)) throw new InvalidArgumentError(`--format must be text, markdown or json, not "${value}"`);
  return value;
}
