/**
 * A local forge API for tests: the GitHub issue-comment endpoints and the GitLab merge-request note
 * endpoints zonesmith uses, with their documented request and response shapes, pagination headers,
 * authentication and errors (docs.github.com/rest/issues/comments and docs.gitlab.com/api/notes,
 * read 2026-11). One HTTP server; GitHub under /github, GitLab under /gitlab/api/v4.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleGitHub } from './github.js';
import { handleGitLab } from './gitlab.js';

/** A stored comment or note. */
export interface StoredComment {
  id: number;
  body: string;
  author: string;
  /** GitLab system notes ("added 1 commit"). */
  system: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One request as the server saw it (for asserting call counts and order). */
export interface LoggedRequest {
  readonly forge: 'github' | 'gitlab';
  readonly method: string;
  /** Path without the forge prefix and without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

/** Who may do what. */
export interface ForgeOptions {
  /** GitHub tokens: value -> { login, write }. */
  readonly githubTokens?: Readonly<Record<string, { readonly login: string; readonly write: boolean }>>;
  /** GitLab personal/project access tokens: value -> username. */
  readonly gitlabTokens?: Readonly<Record<string, string>>;
  /** GitLab CI job tokens (the notes API does not accept them). */
  readonly gitlabJobTokens?: readonly string[];
  /** GitHub repositories (`owner/name`) and GitLab projects (`id` and `path`) that exist. */
  readonly githubRepos?: readonly string[];
  readonly gitlabProjects?: readonly { readonly id: number; readonly path: string }[];
  /** Cap on per_page below the real 100, so tests page through few comments. */
  readonly maxPerPage?: number;
  /** Origin written into Link headers instead of the server's own (to test a hostile server). */
  readonly linkOrigin?: string;
}

/** The running server and its state. */
export interface ForgeServer {
  readonly url: string;
  /** GITHUB_API_URL for this server. */
  readonly githubApiUrl: string;
  /** CI_API_V4_URL for this server. */
  readonly gitlabApiUrl: string;
  readonly requests: LoggedRequest[];
  /** Comments of a GitHub PR (`owner/name#12`) or GitLab MR (`42!7`, by project id), oldest first. */
  comments(key: string): StoredComment[];
  /** Adds a comment as someone else (a reviewer, a bot, an attacker). */
  seed(key: string, author: string, body: string, system?: boolean): StoredComment;
  close(): Promise<void>;
}

/** Shared state the two handlers work on. */
export interface ForgeState {
  readonly opts: ForgeOptions;
  readonly threads: Map<string, StoredComment[]>;
  readonly baseUrl: () => string;
  nextId(): number;
  now(): string;
}

/** Reads a JSON body (at most 2 MB). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 2_000_000) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Starts the server on a free loopback port. */
export async function startForgeServer(opts: ForgeOptions = {}): Promise<ForgeServer> {
  let id = 1000;
  let clock = Date.UTC(2026, 10, 1);
  const threads = new Map<string, StoredComment[]>();
  const requests: LoggedRequest[] = [];
  let base = '';
  const state: ForgeState = {
    opts,
    threads,
    baseUrl: () => base,
    nextId: () => ++id,
    // A clock that only moves forward by a second per write: timestamps stay deterministic.
    now: () => new Date((clock += 1000)).toISOString(),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const forge = url.pathname.startsWith('/github/') ? 'github' : url.pathname.startsWith('/gitlab/api/v4/') ? 'gitlab' : undefined;
    const path = forge === 'github' ? url.pathname.slice('/github'.length) : forge === 'gitlab' ? url.pathname.slice('/gitlab/api/v4'.length) : url.pathname;
    const origEnd = res.end.bind(res);
    res.end = ((...args: Parameters<ServerResponse['end']>) => {
      if (forge) requests.push({ forge, method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), status: res.statusCode });
      return origEnd(...args);
    }) as ServerResponse['end'];
    const handle = forge === 'github' ? handleGitHub : forge === 'gitlab' ? handleGitLab : undefined;
    if (!handle) {
      sendJson(res, 404, { message: 'Not Found' });
      return;
    }
    handle(state, req, res, path, url.searchParams).catch((err: Error) => sendJson(res, 500, { message: err.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    githubApiUrl: `${base}/github`,
    gitlabApiUrl: `${base}/gitlab/api/v4`,
    requests,
    comments: (key) => [...(threads.get(key) ?? [])],
    seed(key, author, body, system = false) {
      const at = state.now();
      const c: StoredComment = { id: state.nextId(), body, author, system, createdAt: at, updatedAt: at };
      threads.set(key, [...(threads.get(key) ?? []), c]);
      return c;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Pagination parameters as both forges read them: `page` from 1, `per_page` capped. */
export function pageParams(q: URLSearchParams, defaultPerPage: number, maxPerPage: number): { page: number; perPage: number } {
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1);
  const asked = Number.parseInt(q.get('per_page') ?? String(defaultPerPage), 10) || defaultPerPage;
  return { page, perPage: Math.max(1, Math.min(asked, maxPerPage)) };
}
