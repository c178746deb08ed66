import type { Command } from 'commander';
import type { Output } from '../output.js';
import type { SetExit } from './index.js';
import { addPlanFlags, type PlanFlags } from './preview.js';

/**
 * `zonesmith drift`: what changed in the live zones behind Git's back, with the dnsconfig.ts lines
 * that would adopt it. Exit 0: none; 2: drift; 1: a zone could not be read.
 */
export function registerDrift(program: Command, output: Output, setExit: SetExit): void {
  addPlanFlags(program.command('drift').description('list out-of-band changes in the live zones and the dnsconfig.ts lines that would adopt them (exit 2 on drift)')).action(
    async (flags: PlanFlags) => (await import('../actions/drift.js')).driftAction(flags, output, setExit),
  );
}
