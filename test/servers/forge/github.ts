/** The GitHub issue-comment endpoints (REST API 2022-11-28) of the local forge server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageParams, readJson, sendJson, type ForgeState, type StoredComment } from './server.js';

// GitHub's documented maximum comment body (the API answers 422 beyond it).
const MAX_BODY = 65_536;

function view(state: ForgeState, repo: string, number: number, c: StoredComment): unknown {
  const api = `${state.baseUrl()}/github`;
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${api}/repos/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.example/${repo}/pull/${number}#issuecomment-${c.id}`,
    issue_url: `${api}/repos/${repo}/issues/${number}`,
    body: c.body,
    user: { login: c.author, id: c.author.length, type: c.author.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: 'MEMBER',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function auth(state: ForgeState, req: IncomingMessage, res: ServerResponse): { login: string; write: boolean } | undefined {
  const h = req.headers.authorization;
  const m = h ? /^(?:Bearer|token)\s+(\S+)$/i.exec(h) : null;
  if (!m) {
    sendJson(res, 401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
    return undefined;
  }
  const who = state.opts.githubTokens?.[m[1]!];
  if (!who) {
    sendJson(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    return undefined;
  }
  return who;
}

function validBody(res: ServerResponse, body: unknown): string | undefined {
  const text = (body as { body?: unknown } | undefined)?.body;
  if (typeof text !== 'string' || text === '') {
    sendJson(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
    return undefined;
  }
  if (text.length > MAX_BODY) {
    sendJson(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }] });
    return undefined;
  }
  return text;
}

/** Routes one request under /github. */
export async function handleGitHub(state: ForgeState, req: IncomingMessage, res: ServerResponse, path: string, q: URLSearchParams): Promise<void> {
  // GitHub refuses requests without a User-Agent (docs: "Requests with no User-Agent header will be rejected").
  if (!req.headers['user-agent']) {
    sendJson(res, 403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header' });
    return;
  }
  const who = auth(state, req, res);
  if (!who) return;
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  const [r0, owner, name, kind, a, b] = parts;
  const repo = `${owner}/${name}`;
  if (r0 !== 'repos' || kind !== 'issues' || !(state.opts.githubRepos ?? []).includes(repo)) {
    sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    return;
  }
  // /repos/{o}/{r}/issues/{n}/comments
  if (a !== undefined && /^\d+$/.test(a) && b === 'comments' && parts.length === 6) {
    const number = Number(a);
    const key = `${repo}#${number}`;
    const thread = state.threads.get(key) ?? [];
    if (req.method === 'GET') {
      const { page, perPage } = pageParams(q, 30, Math.min(100, state.opts.maxPerPage ?? 100));
      const last = Math.max(1, Math.ceil(thread.length / perPage));
      const items = thread.slice((page - 1) * perPage, page * perPage);
      const origin = state.opts.linkOrigin ?? state.baseUrl();
      const link = (p: number) => `<${origin}/github/repos/${repo}/issues/${number}/comments?per_page=${perPage}&page=${p}>`;
      const rels: string[] = [];
      if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`, `${link(1)}; rel="first"`);
      if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
      sendJson(res, 200, items.map((c) => view(state, repo, number, c)), rels.length > 0 ? { Link: rels.join(', ') } : {});
      return;
    }
    if (req.method === 'POST') {
      if (!who.write) {
        sendJson(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment' });
        return;
      }
      const text = validBody(res, await readJson(req));
      if (text === undefined) return;
      const at = state.now();
      const c: StoredComment = { id: state.nextId(), body: text, author: who.login, system: false, createdAt: at, updatedAt: at };
      state.threads.set(key, [...thread, c]);
      sendJson(res, 201, view(state, repo, number, c), { Location: `${state.baseUrl()}/github/repos/${repo}/issues/comments/${c.id}` });
      return;
    }
  }
  // /repos/{o}/{r}/issues/comments/{id}
  if (a === 'comments' && b !== undefined && /^\d+$/.test(b) && parts.length === 6 && req.method === 'PATCH') {
    const id = Number(b);
    for (const [key, thread] of state.threads) {
      const c = thread.find((x) => x.id === id);
      if (!c || !key.startsWith(`${repo}#`)) continue;
      if (!who.write) {
        sendJson(res, 403, { message: 'Resource not accessible by integration' });
        return;
      }
      const text = validBody(res, await readJson(req));
      if (text === undefined) return;
      c.body = text;
      c.updatedAt = state.now();
      sendJson(res, 200, view(state, repo, Number(key.slice(repo.length + 1)), c));
      return;
    }
    sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment' });
    return;
  }
  sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
}
