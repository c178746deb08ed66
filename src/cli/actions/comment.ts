import { renderComment } from '../../gitops/comment/combine.js';
import { commentTarget } from '../../gitops/comment/target.js';
import { upsertPlanComment } from '../../gitops/comment/upsert.js';
import { readSavedPlan } from '../../gitops/saved-plan.js';
import { ZonesmithError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import type { CommentFlags } from '../commands/comment.js';
import type { SetExit } from '../commands/index.js';
import type { Output } from '../output.js';
import { planRun, previewExitCode } from '../plan-run.js';
import { openReconcile } from '../reconcile-context.js';

/** `zonesmith comment`: renders the saved plans (or a fresh preview) and upserts the one plan comment. */
export async function commentAction(plans: string[], flags: CommentFlags, output: Output, setExit: SetExit): Promise<void> {
  if (!flags.dryRun && Boolean(flags.github) === Boolean(flags.gitlab)) throw new ZonesmithError('forge-target', 'say where to comment: --github or --gitlab');
  // Resolve the target first: a missing token or PR number should fail before a long preview.
  const api = flags.dryRun ? undefined : commentTarget(
    { forge: flags.github ? 'github' : 'gitlab', ...(flags.repo ? { repo: flags.repo } : {}), ...(flags.pr ? { pr: flags.pr } : {}), ...(flags.apiUrl ? { apiUrl: flags.apiUrl } : {}) },
    process.env,
  );
  let list: Plan[];
  let code = 0;
  if (plans.length > 0) {
    list = [];
    for (const p of plans) list.push(await readSavedPlan(p));
  } else {
    const ctx = await openReconcile(flags, output);
    try {
      const run = await planRun(ctx, flags, output);
      await run.session.close();
      list = [run.plan];
      code = previewExitCode(run.plan, Boolean(flags.expectNoChanges));
    } finally {
      await ctx.close();
    }
  }
  const body = renderComment(list);
  if (flags.print || !api) output.out(body);
  if (!api) {
    setExit(code);
    return;
  }
  const res = await upsertPlanComment(api, body, flags.author ? { author: flags.author } : {});
  const where = res.comment.url ?? `${api.where}, comment ${res.comment.id}`;
  output.err(`${res.action === 'created' ? 'Created' : res.action === 'updated' ? 'Updated' : 'Left unchanged'} the plan comment on ${api.service} ${api.where}: ${where}`);
  if (res.duplicates > 0) output.err(`warning: ${res.duplicates} more plan comment(s) on ${api.where} were left alone`);
  setExit(code);
}
