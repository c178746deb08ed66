import type { Command } from 'commander';
import { InvalidArgumentError } from '../commander.js';
import type { Output } from '../output.js';
import { collect } from './config-flags.js';
import type { SetExit } from './index.js';
import { addPlanFlags, type PlanFlags } from './preview.js';

/** The flags push adds to the planning flags. */
export interface PushFlags extends PlanFlags {
  plan?: string;
  commit?: string;
  verify?: boolean;
  verifyServer: string[];
  verifyTimeout: number;
  verifyInterval: number;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError(`expected a number of seconds (0-86400], got "${value}"`);
  return n;
}

/** `zonesmith push`: plan (or check a saved plan), then apply; optionally verify at every nameserver. */
export function registerPush(program: Command, output: Output, setExit: SetExit): void {
  addPlanFlags(program.command('push').description('apply the changes preview shows'))
    .option('--plan <file>', 'apply exactly this saved plan (from preview --out); refuse if any of its zones changed since')
    .option('--commit <sha>', 'the commit being pushed, for RECORD_VERSION() and the report (default: git HEAD, GITHUB_SHA, CI_COMMIT_SHA)')
    .option('--verify', 'after pushing, ask every authoritative nameserver of each changed zone until it serves the new records')
    .option('--verify-server <host:port>', 'ask this server instead of the zones\' nameservers (repeatable)', collect, [])
    .option('--verify-timeout <seconds>', 'give up on a server after this long', seconds, 60)
    .option('--verify-interval <seconds>', 'wait between rounds of questions', seconds, 1)
    .action(async (flags: PushFlags) => (await import('../actions/push.js')).pushAction(flags, output, setExit));
}
