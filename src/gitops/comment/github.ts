import { ZonesmithError } from '../../errors.js';
import { forgeRequest, nextLink, sameOrigin } from './http.js';
import type { CommentApi, ForgeComment } from './types.js';

/** Where the GitHub comment goes and with which token. */
export interface GitHubTarget {
  /** `https://api.github.com`, or GitHub Enterprise's `https://host/api/v3` (GITHUB_API_URL). */
  readonly apiUrl: string;
  /** `owner/repo`. */
  readonly repo: string;
  /** The pull request number (pull requests are issues for comments). */
  readonly number: number;
  readonly token: string;
}

const SERVICE = 'GitHub';
// Safety stop for a server that keeps handing out "next" links.
const MAX_PAGES = 1000;

function toComment(v: unknown): ForgeComment {
  const o = v as { id?: unknown; body?: unknown; user?: { login?: unknown } | null; html_url?: unknown };
  if (typeof o?.id !== 'number') throw new ZonesmithError('forge-bad-response', `${SERVICE} API: a comment without a numeric id`);
  return {
    id: o.id,
    body: typeof o.body === 'string' ? o.body : '',
    author: typeof o.user?.login === 'string' ? o.user.login : undefined,
    ...(typeof o.html_url === 'string' ? { url: o.html_url } : {}),
  };
}

/**
 * GitHub's issue-comment endpoints (REST API version 2022-11-28, docs.github.com/rest/issues/comments,
 * read 2026-11): list `GET /repos/{owner}/{repo}/issues/{n}/comments` (ascending id, `per_page` up
 * to 100, `Link: <...>; rel="next"`), create `POST` there, update `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
 */
export function githubComments(t: GitHubTarget): CommentApi {
  if (!/^[^/\s]+\/[^/\s]+$/.test(t.repo)) throw new ZonesmithError('forge-target', `--repo must be owner/name, not "${t.repo}"`);
  const base = new URL(t.apiUrl.replace(/\/+$/, '') + '/');
  const url = (path: string) => new URL(path.replace(/^\//, ''), base);
  const headers = {
    Authorization: `Bearer ${t.token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'zonesmith',
  };
  const [owner, name] = t.repo.split('/') as [string, string];
  const repoPath = `repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  return {
    service: SERVICE,
    where: `${t.repo}#${t.number}`,
    async list() {
      const out: ForgeComment[] = [];
      let next: URL | undefined = url(`${repoPath}/issues/${t.number}/comments?per_page=100`);
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const res = await forgeRequest({ method: 'GET', url: next, headers, service: SERVICE });
        if (!Array.isArray(res.body)) throw new ZonesmithError('forge-bad-response', `${SERVICE} API: the comment list is not an array`);
        out.push(...res.body.map(toComment));
        const link = nextLink(res.headers.get('link'));
        next = link ? sameOrigin(link, base, SERVICE) : undefined;
      }
      return out;
    },
    async create(body) {
      const res = await forgeRequest({ method: 'POST', url: url(`${repoPath}/issues/${t.number}/comments`), headers, json: { body }, service: SERVICE });
      return toComment(res.body);
    },
    async update(id, body) {
      const res = await forgeRequest({ method: 'PATCH', url: url(`${repoPath}/issues/comments/${id}`), headers, json: { body }, service: SERVICE });
      return toComment(res.body);
    },
  };
}
