import { execFileSync } from 'node:child_process';
import { ZonesmithError } from '../errors.js';

/** Who and what a push is attributed to in the version record and the audit report. */
export interface PushIdentity {
  /** The commit that produced the config; undefined when none could be found. */
  readonly commit: string | undefined;
  /** Where the commit came from (`--commit`, `git rev-parse HEAD`, `GITHUB_SHA`, `CI_COMMIT_SHA`). */
  readonly commitSource: string | undefined;
  /** The person or bot that ran the push. */
  readonly actor: string | undefined;
}

// A commit id goes into a TXT record and a report as it is: keep it to characters that need no
// quoting anywhere (hex SHAs, tags, "v1.2.3", "main@abc").
const COMMIT_RE = /^[A-Za-z0-9._@:/+-]{1,128}$/;

/** Checks a `--commit` value; throws `commit-invalid` naming the rule. */
export function checkCommit(value: string): string {
  if (!COMMIT_RE.test(value)) {
    throw new ZonesmithError('commit-invalid', '--commit: expected 1-128 characters of letters, digits and . _ @ : / + - (a commit SHA)');
  }
  return value;
}

/** `git rev-parse HEAD` in `dir`; undefined when git is missing or `dir` is not in a repository. */
export function gitHead(dir: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const sha = out.trim();
    return COMMIT_RE.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The commit and actor of a push: `--commit`, else the checked-out HEAD of the config's repository
 * (what is really being pushed), else the CI's commit variable; the actor from GITHUB_ACTOR,
 * GITLAB_USER_LOGIN, else the local user.
 */
export function pushIdentity(opts: { readonly commit?: string; readonly dir: string; readonly env: NodeJS.ProcessEnv }): PushIdentity {
  const { env } = opts;
  let commit: string | undefined;
  let commitSource: string | undefined;
  if (opts.commit !== undefined) {
    commit = checkCommit(opts.commit);
    commitSource = '--commit';
  } else {
    const head = gitHead(opts.dir);
    const candidates: [string | undefined, string][] = [
      [head, 'git rev-parse HEAD'],
      [env['GITHUB_SHA'], 'GITHUB_SHA'],
      [env['CI_COMMIT_SHA'], 'CI_COMMIT_SHA'],
    ];
    for (const [value, source] of candidates) {
      if (value && COMMIT_RE.test(value)) {
        commit = value;
        commitSource = source;
        break;
      }
    }
  }
  const actor = [env['GITHUB_ACTOR'], env['GITLAB_USER_LOGIN'], env['USER'], env['USERNAME']].find((v) => v !== undefined && v !== '');
  return { commit, commitSource, actor };
}
