import { writeFile } from 'node:fs/promises';
import { planToJson } from '../../plan/serialize.js';
import { renderReport } from '../../plan/render/report.js';
import type { SetExit } from '../commands/index.js';
import type { PreviewFlags } from '../commands/preview.js';
import type { Output } from '../output.js';
import { planRun, previewExitCode, renderPlan } from '../plan-run.js';
import { openReconcile } from '../reconcile-context.js';

/** `zonesmith preview`: plans the selected zones and prints (and optionally saves) the plan. */
export async function previewAction(flags: PreviewFlags, output: Output, setExit: SetExit): Promise<void> {
  const ctx = await openReconcile(flags, output);
  try {
    const run = await planRun(ctx, flags, output);
    try {
      const { plan } = run;
      output.out(renderPlan(plan, flags.format, output.color));
      if (flags.out) await writeFile(flags.out, planToJson(plan));
      if (flags.report) await writeFile(flags.report, renderReport(plan));
      setExit(previewExitCode(plan, Boolean(flags.expectNoChanges)));
    } finally {
      await run.session.close();
    }
  } finally {
    await ctx.close();
  }
}
