import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { driftJson, driftOf, hasDrift, renderDrift } from '../../gitops/drift.js';
import { renderReport } from '../../plan/render/report.js';
import type { Output } from '../output.js';
import { openReconcile } from '../reconcile-flags.js';
import type { SetExit } from './index.js';
import { addPlanFlags, planRun, type PlanFlags } from './preview.js';

/**
 * `zonesmith drift`: what changed in the live zones behind Git's back, with the dnsconfig.ts lines
 * that would adopt it. Exit 0: none; 2: drift; 1: a zone could not be read.
 */
export function registerDrift(program: Command, output: Output, setExit: SetExit): void {
  addPlanFlags(program.command('drift').description('list out-of-band changes in the live zones and the dnsconfig.ts lines that would adopt them (exit 2 on drift)')).action(
    async (flags: PlanFlags) => {
      const ctx = await openReconcile(flags, output);
      try {
        const run = await planRun(ctx, flags, output);
        try {
          const drift = driftOf(run.plan, run.domains);
          output.out(flags.format === 'json' ? driftJson(drift) : renderDrift(drift));
          if (flags.report) await writeFile(flags.report, renderReport(run.plan));
          setExit(drift.some((z) => z.error !== undefined) ? 1 : drift.some(hasDrift) ? 2 : 0);
        } finally {
          await run.session.close();
        }
      } finally {
        await ctx.close();
      }
    },
  );
}
