import type { Command } from 'commander';
import type { Output } from '../output.js';
import { addReconcileFlags, type ReconcileFlags } from '../reconcile-flags.js';
import type { SetExit } from './index.js';

/** The flags of every command that plans zones (preview, push, comment, drift). */
export interface PlanFlags extends ReconcileFlags {
  /** `--shard i/n`: this job's share of the selected domains. */
  shard?: string;
}

/** The flags of `zonesmith preview`. */
export interface PreviewFlags extends PlanFlags {
  out?: string;
}

/** Adds --shard to a planning command. */
export function addPlanFlags(cmd: Command): Command {
  return addReconcileFlags(cmd).option('--shard <i/n>', 'take only share i of n of the selected domains (stable hash; for parallel CI jobs)');
}

/** `zonesmith preview`: what push would change, per zone and provider; changes nothing. */
export function registerPreview(program: Command, output: Output, setExit: SetExit): void {
  addPlanFlags(program.command('preview').description('show what push would change (reads providers, changes nothing)'))
    .option('--out <file>', 'save the plan as JSON for `push --plan` and `comment`')
    .action(async (flags: PreviewFlags) => (await import('../actions/preview.js')).previewAction(flags, output, setExit));
}
