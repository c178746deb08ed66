import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { renderReport } from '../../plan/render/report.js';
import { renderPushText } from '../../plan/render/text.js';
import { previewConfig } from '../../reconcile/preview.js';
import { pushWork } from '../../reconcile/push.js';
import type { Output } from '../output.js';
import { zoneProgress } from '../progress.js';
import { addReconcileFlags, openReconcile, type ReconcileFlags } from '../reconcile-flags.js';
import type { SetExit } from './index.js';

/** `zonesmith push`: plan, then apply; a failing zone stops there and the others go on. */
export function registerPush(program: Command, output: Output, setExit: SetExit): void {
  addReconcileFlags(program.command('push').description('apply the changes preview shows'))
    .action(async (flags: ReconcileFlags) => {
      const ctx = await openReconcile(flags, output);
      try {
        const concurrency = flags.cmax ?? flags.concurrency;
        const progress = zoneProgress(output, ctx.ir.domains.length, 'reading');
        const preview = await previewConfig(ctx.ir, ctx.providers, ctx.session, {
          ...(flags.domains ? { domains: flags.domains } : {}),
          ...(flags.providers ? { providers: flags.providers } : {}),
          concurrency,
          force: Boolean(flags.force),
          onZone: (w) => progress.tick(w.plan.domain),
        });
        progress.done();
        const results = await pushWork(preview.work, {
          concurrency,
          log: (line) => output.err(line),
          onResult: (r) => {
            if (!output.interactive && r.status !== 'skipped') output.err(`${r.domain} (${r.provider}): ${r.status}, ${r.applied.length} applied`);
          },
        });
        output.out(renderPushText(preview.plan, results, { color: output.color }));
        if (flags.report) await writeFile(flags.report, renderReport(preview.plan, results));
        const failed = results.some((r) => r.status === 'failed' || r.status === 'partial' || (r.status === 'skipped' && r.error));
        setExit(failed ? 1 : 0);
      } finally {
        await ctx.close();
      }
    });
}
