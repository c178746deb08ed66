import { ZonesmithError } from '../../errors.js';
import { forgeRequest, nextLink, sameOrigin } from './http.js';
import type { CommentApi, ForgeComment } from './types.js';

/** Where the GitLab note goes and with which token. */
export interface GitLabTarget {
  /** `https://gitlab.example.com/api/v4` (CI_API_V4_URL). */
  readonly apiUrl: string;
  /** The project's numeric id (CI_PROJECT_ID) or its path (`group/project`). */
  readonly project: string;
  /** The merge request's IID (CI_MERGE_REQUEST_IID). */
  readonly iid: number;
  readonly token: string;
  /** `private`: a project, group or personal access token (PRIVATE-TOKEN); `job`: CI_JOB_TOKEN (JOB-TOKEN). */
  readonly tokenKind: 'private' | 'job';
}

const SERVICE = 'GitLab';
const MAX_PAGES = 1000;

function toNote(v: unknown): ForgeComment & { system: boolean } {
  const o = v as { id?: unknown; body?: unknown; author?: { username?: unknown } | null; system?: unknown };
  if (typeof o?.id !== 'number') throw new ZonesmithError('forge-bad-response', `${SERVICE} API: a note without a numeric id`);
  return { id: o.id, body: typeof o.body === 'string' ? o.body : '', author: typeof o.author?.username === 'string' ? o.author.username : undefined, system: o.system === true };
}

/**
 * GitLab's merge-request notes (REST API v4, docs.gitlab.com/api/notes, read 2026-11): list
 * `GET /projects/:id/merge_requests/:iid/notes` (`per_page` up to 100, `X-Next-Page` empty on the
 * last page), create `POST` there, update `PUT .../notes/:note_id`. System notes ("added 1 commit")
 * are left out of the list.
 */
export function gitlabComments(t: GitLabTarget): CommentApi {
  const base = new URL(t.apiUrl.replace(/\/+$/, '') + '/');
  const url = (path: string) => new URL(path, base);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'zonesmith', [t.tokenKind === 'job' ? 'JOB-TOKEN' : 'PRIVATE-TOKEN']: t.token };
  const notes = `projects/${encodeURIComponent(t.project)}/merge_requests/${t.iid}/notes`;
  return {
    service: SERVICE,
    where: `project ${t.project} !${t.iid}`,
    async list() {
      const out: ForgeComment[] = [];
      let next: URL | undefined = url(`${notes}?per_page=100&sort=asc&order_by=created_at`);
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const res = await forgeRequest({ method: 'GET', url: next, headers, service: SERVICE });
        if (!Array.isArray(res.body)) throw new ZonesmithError('forge-bad-response', `${SERVICE} API: the note list is not an array`);
        for (const n of res.body.map(toNote)) if (!n.system) out.push({ id: n.id, body: n.body, author: n.author });
        const nextPage = res.headers.get('x-next-page');
        if (nextPage && /^\d+$/.test(nextPage)) {
          next = new URL(next);
          next.searchParams.set('page', nextPage);
        } else {
          // Keyset pagination and some proxies give only the Link header.
          const link = nextPage === null ? nextLink(res.headers.get('link')) : undefined;
          next = link ? sameOrigin(link, base, SERVICE) : undefined;
        }
      }
      return out;
    },
    async create(body) {
      const res = await forgeRequest({ method: 'POST', url: url(notes), headers, json: { body }, service: SERVICE });
      return toNote(res.body);
    },
    async update(id, body) {
      const res = await forgeRequest({ method: 'PUT', url: url(`${notes}/${id}`), headers, json: { body }, service: SERVICE });
      return toNote(res.body);
    },
  };
}
