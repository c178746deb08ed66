/** The GitLab merge-request note endpoints (REST API v4) of the local forge server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageParams, readJson, sendJson, type ForgeState, type StoredComment } from './server.js';

// GitLab's documented note limit is 1,000,000 characters.
const MAX_BODY = 1_000_000;

function view(projectId: number, iid: number, c: StoredComment): unknown {
  return {
    id: c.id,
    type: null,
    body: c.body,
    author: { id: c.author.length, username: c.author, name: c.author, state: 'active' },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    system: c.system,
    noteable_id: projectId * 1000 + iid,
    noteable_type: 'MergeRequest',
    project_id: projectId,
    noteable_iid: iid,
    resolvable: false,
    confidential: false,
    internal: false,
  };
}

/** Who the request authenticates as: PRIVATE-TOKEN or Authorization: Bearer; job tokens are refused here. */
function auth(state: ForgeState, req: IncomingMessage, res: ServerResponse): string | undefined {
  const job = req.headers['job-token'];
  if (typeof job === 'string') {
    // The notes API is not among the endpoints a CI/CD job token may call (GitLab docs, "Job token
    // feature access", read 2026-11); GitLab answers as for a token it does not accept.
    sendJson(res, 401, { message: '401 Unauthorized' });
    return undefined;
  }
  const priv = req.headers['private-token'];
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = typeof priv === 'string' ? priv : bearer;
  const who = token === undefined ? undefined : state.opts.gitlabTokens?.[token];
  if (!who) {
    sendJson(res, 401, { message: '401 Unauthorized' });
    return undefined;
  }
  return who;
}

function validBody(res: ServerResponse, body: unknown): string | undefined {
  const text = (body as { body?: unknown } | undefined)?.body;
  if (typeof text !== 'string' || text.trim() === '') {
    sendJson(res, 400, { message: '400 Bad request - body is missing' });
    return undefined;
  }
  if (text.length > MAX_BODY) {
    sendJson(res, 400, { message: { body: [`is too long (maximum is ${MAX_BODY} characters)`] } });
    return undefined;
  }
  return text;
}

/** Routes one request under /gitlab/api/v4. */
export async function handleGitLab(state: ForgeState, req: IncomingMessage, res: ServerResponse, path: string, q: URLSearchParams): Promise<void> {
  const who = auth(state, req, res);
  if (!who) return;
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  const [p0, projectRef, m0, iidText, n0, noteText] = parts;
  const project = (state.opts.gitlabProjects ?? []).find((p) => String(p.id) === projectRef || p.path === projectRef);
  if (p0 !== 'projects' || !project || m0 !== 'merge_requests' || !/^\d+$/.test(iidText ?? '') || n0 !== 'notes') {
    sendJson(res, 404, { message: '404 Project Not Found' });
    return;
  }
  const iid = Number(iidText);
  const key = `${project.id}!${iid}`;
  const thread = state.threads.get(key) ?? [];
  if (parts.length === 5 && req.method === 'GET') {
    const { page, perPage } = pageParams(q, 20, Math.min(100, state.opts.maxPerPage ?? 100));
    const sorted = q.get('sort') === 'asc' ? [...thread] : [...thread].reverse();
    const total = sorted.length;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const items = sorted.slice((page - 1) * perPage, page * perPage);
    const origin = state.opts.linkOrigin ?? state.baseUrl();
    const link = (p: number) => {
      const u = new URL(`${origin}/gitlab/api/v4${path}`);
      for (const [k, v] of q) u.searchParams.set(k, v);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.toString()}>`;
    };
    const rels = [...(page > 1 ? [`${link(page - 1)}; rel="prev"`] : []), ...(page < pages ? [`${link(page + 1)}; rel="next"`] : []), `${link(1)}; rel="first"`, `${link(pages)}; rel="last"`];
    sendJson(res, 200, items.map((c) => view(project.id, iid, c)), {
      'X-Page': String(page),
      'X-Per-Page': String(perPage),
      'X-Next-Page': page < pages ? String(page + 1) : '',
      'X-Prev-Page': page > 1 ? String(page - 1) : '',
      'X-Total': String(total),
      'X-Total-Pages': String(pages),
      Link: rels.join(', '),
    });
    return;
  }
  if (parts.length === 5 && req.method === 'POST') {
    const text = validBody(res, await readJson(req));
    if (text === undefined) return;
    const at = state.now();
    const c: StoredComment = { id: state.nextId(), body: text, author: who, system: false, createdAt: at, updatedAt: at };
    state.threads.set(key, [...thread, c]);
    sendJson(res, 201, view(project.id, iid, c));
    return;
  }
  if (parts.length === 6 && /^\d+$/.test(noteText ?? '') && req.method === 'PUT') {
    const c = thread.find((x) => x.id === Number(noteText));
    if (!c) {
      sendJson(res, 404, { message: '404 Not found' });
      return;
    }
    // Only a note's author may edit it.
    if (c.author !== who || c.system) {
      sendJson(res, 403, { message: '403 Forbidden' });
      return;
    }
    const text = validBody(res, await readJson(req));
    if (text === undefined) return;
    c.body = text;
    c.updatedAt = state.now();
    sendJson(res, 200, view(project.id, iid, c));
    return;
  }
  sendJson(res, 405, { message: '405 Method Not Allowed' });
}
