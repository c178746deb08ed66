import { ZonesmithError } from '../../errors.js';
import { redact } from '../../creds/redact.js';

/** A JSON response with the headers pagination needs. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** One HTTP call to a forge API; the token travels only in `headers`, never in a URL or a message. */
export interface ForgeRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly json?: unknown;
  /** For messages: `GitHub`, `GitLab`. */
  readonly service: string;
  readonly timeoutMs?: number;
}

function describe(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = (body as { message: unknown }).message;
    const text = typeof m === 'string' ? m : JSON.stringify(m);
    const errors = (body as { errors?: unknown }).errors;
    return errors === undefined ? text : `${text} ${JSON.stringify(errors)}`;
  }
  if (body && typeof body === 'object' && 'error' in body) return String((body as { error: unknown }).error);
  return typeof body === 'string' ? body.slice(0, 300) : '';
}

/**
 * Sends a request with Node's fetch and returns the parsed JSON. A status outside 2xx throws
 * `forge-http` with the method, the path (no query string) and the service's message.
 */
export async function forgeRequest(req: ForgeRequest): Promise<JsonResponse> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: { ...req.headers, ...(req.json !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(req.json !== undefined ? { body: JSON.stringify(req.json) } : {}),
      redirect: 'error',
      signal: AbortSignal.timeout(req.timeoutMs ?? 30_000),
    });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new ZonesmithError('forge-unreachable', redact(`${req.service} API ${req.method} ${req.url.origin}${req.url.pathname}: ${cause}`));
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page): keep the text for the message.
  }
  if (res.status < 200 || res.status > 299) {
    const hint = res.status === 401 ? ' (check the token)' : res.status === 403 ? ' (the token may lack the permission to comment)' : '';
    throw new ZonesmithError('forge-http', redact(`${req.service} API ${req.method} ${req.url.pathname}: HTTP ${res.status} ${describe(body)}${hint}`.trim()));
  }
  return { status: res.status, headers: res.headers, body };
}

/** The `rel="next"` URL of an RFC 8288 Link header, or undefined. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /\brel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2]!)) return m[1];
  }
  return undefined;
}

/**
 * A pagination URL the server handed back, accepted only on the API's own origin: following a link
 * elsewhere would send the token there.
 */
export function sameOrigin(next: string, base: URL, service: string): URL {
  const url = new URL(next, base);
  if (url.origin !== base.origin) {
    throw new ZonesmithError('forge-pagination', `${service} API: the next page is on another host (${url.origin}); not following it with the token`);
  }
  return url;
}
