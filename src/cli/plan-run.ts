import { dirname, resolve } from 'node:path';
import { runPreview, type PreviewRun } from '../gitops/run-preview.js';
import { parseShard, pickDomains } from '../gitops/shard.js';
import { totalChanges } from '../plan/build.js';
import { planToJson } from '../plan/serialize.js';
import { renderMarkdown } from '../plan/render/markdown.js';
import { renderText } from '../plan/render/text.js';
import type { Plan } from '../plan/types.js';
import type { IrDomain } from '../ir/types.js';
import type { PlanFlags } from './commands/preview.js';
import type { Output } from './output.js';
import { zoneProgress } from './progress.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { ReconcileFlags } from './reconcile-flags.js';

/**
 * Plans the zones the flags select, through a session that hides RECORD_VERSION() records; shows
 * progress on a terminal. `exact` (push --plan) replaces --domains and --shard. The caller
 * closes `run.session` (and `ctx`).
 */
export async function planRun(ctx: ReconcileContext, flags: PlanFlags, output: Output, exact?: { domains: readonly IrDomain[]; providers: string }): Promise<PreviewRun> {
  const domains =
    exact?.domains ??
    pickDomains(ctx.ir, {
      ...(flags.domains ? { domains: flags.domains } : {}),
      ...(flags.shard ? { shard: parseShard(flags.shard) } : {}),
    });
  const progress = zoneProgress(output, domains.length, 'reading');
  const concurrency = flags.cmax ?? flags.concurrency;
  const providers = exact ? exact.providers : flags.providers;
  const run = await runPreview(ctx.ir, ctx.providers, {
    exactDomains: domains,
    ...(providers ? { providers } : {}),
    concurrency,
    force: Boolean(flags.force),
    env: { log: (line) => output.err(line), configDir: dirname(resolve(ctx.configPath)) },
    onZone: (w) => progress.tick(w.plan.domain),
  });
  progress.done();
  return run;
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
