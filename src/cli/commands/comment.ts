import type { Command } from 'commander';
import { renderComment } from '../../gitops/comment/combine.js';
import { commentTarget } from '../../gitops/comment/target.js';
import { upsertPlanComment } from '../../gitops/comment/upsert.js';
import { readSavedPlan } from '../../gitops/saved-plan.js';
import { ZonesmithError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import type { Output } from '../output.js';
import { openReconcile } from '../reconcile-flags.js';
import { positiveInt } from './config-flags.js';
import type { SetExit } from './index.js';
import { addPlanFlags, planRun, previewExitCode, type PlanFlags } from './preview.js';

interface CommentFlags extends PlanFlags {
  github?: boolean;
  gitlab?: boolean;
  repo?: string;
  pr?: number;
  apiUrl?: string;
  author?: string;
  print?: boolean;
  dryRun?: boolean;
}

/**
 * `zonesmith comment`: creates or updates the one plan comment on a pull or merge request, from
 * saved plans (several: one combined comment) or from a preview it runs itself.
 */
export function registerComment(program: Command, output: Output, setExit: SetExit): void {
  addPlanFlags(
    program
      .command('comment')
      .description('post the plan as the one zonesmith comment on a pull request (GitHub) or merge request (GitLab), updating it if it exists')
      .argument('[plans...]', 'saved plans (preview --out); several are combined into one comment; none: run a preview'),
  )
    .option('--github', 'comment on a GitHub pull request (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL)')
    .option('--gitlab', 'comment on a GitLab merge request (GITLAB_TOKEN or CI_JOB_TOKEN, CI_PROJECT_ID, CI_MERGE_REQUEST_IID, CI_API_V4_URL)')
    .option('--repo <repo>', 'GitHub owner/name, or GitLab project id or path (default: from the CI environment)')
    .option('--pr <number>', 'pull request number or merge request IID (default: from the CI environment)', positiveInt)
    .option('--api-url <url>', 'the forge API base URL (default: from the CI environment, else github.com / gitlab.com)')
    .option('--author <login>', 'only update a plan comment written by this account (for example github-actions[bot])')
    .option('--print', 'also print the comment body on stdout')
    .option('--dry-run', 'print the comment body on stdout and post nothing (no token needed)')
    .action(async (plans: string[], flags: CommentFlags) => {
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
    });
}
