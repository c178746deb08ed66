import type { Command } from 'commander';
import type { Output } from '../output.js';
import { positiveInt } from './config-flags.js';
import type { SetExit } from './index.js';
import { addPlanFlags, type PlanFlags } from './preview.js';

/** The flags of `zonesmith comment`. */
export interface CommentFlags extends PlanFlags {
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
    .action(async (plans: string[], flags: CommentFlags) => (await import('../actions/comment.js')).commentAction(plans, flags, output, setExit));
}
