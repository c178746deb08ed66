import { readFileSync } from 'node:fs';
import { registerSecret } from '../../creds/redact.js';
import { ZonesmithError } from '../../errors.js';
import { githubComments } from './github.js';
import { gitlabComments } from './gitlab.js';
import type { CommentApi } from './types.js';

/** The flags of `zonesmith comment` that say where the comment goes. */
export interface TargetFlags {
  readonly forge: 'github' | 'gitlab';
  /** `owner/repo` (GitHub) or the project id or path (GitLab). */
  readonly repo?: string;
  /** Pull request number or merge request IID. */
  readonly pr?: number;
  readonly apiUrl?: string;
}

function prFromEvent(path: string | undefined): number | undefined {
  if (!path) return undefined;
  let event: { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown }; number?: unknown };
  try {
    event = JSON.parse(readFileSync(path, 'utf8')) as typeof event;
  } catch (err) {
    throw new ZonesmithError('forge-target', `cannot read the GitHub event file GITHUB_EVENT_PATH: ${(err as Error).message}`);
  }
  // pull_request and pull_request_target events carry pull_request; issue_comment on a pull request carries issue.
  const n = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined) ?? event.number;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new ZonesmithError('forge-target', what);
  return value;
}

function positive(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/**
 * The comment API for a run, from the flags, else the CI's environment: on GitHub Actions
 * GITHUB_TOKEN, GITHUB_REPOSITORY, the event file's pull request number and GITHUB_API_URL; on
 * GitLab CI GITLAB_TOKEN (a project access token; CI_JOB_TOKEN as a fallback), CI_PROJECT_ID,
 * CI_MERGE_REQUEST_IID and CI_API_V4_URL. The token is registered for redaction.
 */
export function commentTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): CommentApi {
  if (flags.forge === 'github') {
    const token = need(env['GITHUB_TOKEN'] || env['GH_TOKEN'], 'no GitHub token: set GITHUB_TOKEN (in Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})');
    registerSecret(token);
    const repo = need(flags.repo ?? env['GITHUB_REPOSITORY'], 'no repository: pass --repo owner/name or run in GitHub Actions (GITHUB_REPOSITORY)');
    const number = need(flags.pr ?? prFromEvent(env['GITHUB_EVENT_PATH']), 'no pull request number: pass --pr, or run on a pull_request event');
    return githubComments({ apiUrl: flags.apiUrl ?? env['GITHUB_API_URL'] ?? 'https://api.github.com', repo, number, token });
  }
  const privateToken = env['GITLAB_TOKEN'];
  const jobToken = env['CI_JOB_TOKEN'];
  const token = need(privateToken || jobToken, 'no GitLab token: set GITLAB_TOKEN to a project access token with the api scope');
  registerSecret(token);
  const project = need(flags.repo ?? env['CI_PROJECT_ID'], 'no project: pass --repo <project id or path> or run in GitLab CI (CI_PROJECT_ID)');
  const iid = need(flags.pr ?? positive(env['CI_MERGE_REQUEST_IID']), 'no merge request: pass --pr, or run in a merge request pipeline (CI_MERGE_REQUEST_IID)');
  return gitlabComments({ apiUrl: flags.apiUrl ?? env['CI_API_V4_URL'] ?? 'https://gitlab.com/api/v4', project, iid, token, tokenKind: privateToken ? 'private' : 'job' });
}
