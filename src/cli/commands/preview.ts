import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { totalChanges } from '../../plan/build.js';
import { planToJson } from '../../plan/serialize.js';
import { renderMarkdown } from '../../plan/render/markdown.js';
import { renderReport } from '../../plan/render/report.js';
import { renderText } from '../../plan/render/text.js';
import type { Plan } from '../../plan/types.js';
import { previewConfig } from '../../reconcile/preview.js';
import type { Output } from '../output.js';
import { zoneProgress } from '../progress.js';
import { addReconcileFlags, openReconcile, type ReconcileFlags } from '../reconcile-flags.js';
import type { SetExit } from './index.js';

/** `zonesmith preview`: what push would change, per zone and provider; changes nothing. */
export function registerPreview(program: Command, output: Output, setExit: SetExit): void {
  addReconcileFlags(program.command('preview').description('show what push would change (reads providers, changes nothing)'))
    .option('--out <file>', 'save the plan as JSON for `push --plan`')
    .action(async (flags: ReconcileFlags & { out?: string }) => {
      const ctx = await openReconcile(flags, output);
      try {
        const progress = zoneProgress(output, ctx.ir.domains.length, 'reading');
        const { plan } = await previewConfig(ctx.ir, ctx.providers, ctx.session, {
          ...(flags.domains ? { domains: flags.domains } : {}),
          ...(flags.providers ? { providers: flags.providers } : {}),
          concurrency: flags.cmax ?? flags.concurrency,
          force: Boolean(flags.force),
          onZone: (w) => progress.tick(w.plan.domain),
        });
        progress.done();
        output.out(renderPlan(plan, flags.format, output.color));
        if (flags.out) await writeFile(flags.out, planToJson(plan));
        if (flags.report) await writeFile(flags.report, renderReport(plan));
        setExit(previewExitCode(plan, Boolean(flags.expectNoChanges)));
      } finally {
        await ctx.close();
      }
    });
}

/** Renders a plan in the requested format. */
export function renderPlan(plan: Plan, format: ReconcileFlags['format'], color: boolean): string {
  if (format === 'markdown') return renderMarkdown(plan);
  if (format === 'json') return planToJson(plan);
  return renderText(plan, { color });
}

/** 1 when a zone could not be planned; 2 when changes are pending and the caller expects none; else 0. */
export function previewExitCode(plan: Plan, expectNoChanges: boolean): number {
  if (plan.zones.some((z) => z.error)) return 1;
  if (expectNoChanges && (totalChanges(plan) > 0 || plan.zones.some((z) => !z.exists))) return 2;
  return 0;
}
