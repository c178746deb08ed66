import { writeFile } from 'node:fs/promises';
import { driftJson, driftOf, hasDrift, renderDrift } from '../../gitops/drift.js';
import { renderReport } from '../../plan/render/report.js';
import type { SetExit } from '../commands/index.js';
import type { PlanFlags } from '../commands/preview.js';
import type { Output } from '../output.js';
import { planRun } from '../plan-run.js';
import { openReconcile } from '../reconcile-context.js';

/** `zonesmith drift`: exit 0 when no zone drifted, 2 on drift, 1 when a zone could not be read. */
export async function driftAction(flags: PlanFlags, output: Output, setExit: SetExit): Promise<void> {
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
}
