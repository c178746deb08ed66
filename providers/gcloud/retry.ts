/**
 * Bounded retries with exponential backoff. Cloud DNS answers HTTP 429 (and, like other Google
 * APIs, sometimes 403 with reason `rateLimitExceeded`) when a per-project API quota is spent
 * (cloud.google.com/dns/quotas, verified 2026-11); such an answer applied nothing, so it is retried
 * for every call. 5xx answers and dropped connections are retried for reads here; for changes.create
 * the caller decides (apply.ts), because a Change that failed that way may have been applied.
 * DNSControl retries 429/503 from 10 s, ×1.5, up to 3 minutes, without a bound; zonesmith bounds the
 * attempts (`max_attempts`) and starts at 1 s, doubling up to 32 s, with jitter.
 */

/** How to retry. */
export interface RetryPolicy {
  /** Attempts in total, including the first. */
  readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** First backoff in ms (doubles each time, up to capMs). */
  readonly baseMs?: number;
  readonly capMs?: number;
}

/** Whether a call only reads (safe to repeat after any transient failure) or changes something. */
export type CallKind = 'read' | 'write';

/** What an SDK error says, in the terms zonesmith decides on. */
export interface Failure {
  /** HTTP status, when there was an answer. */
  readonly status?: number;
  /** Google's error reason (`conditionNotMet`, `alreadyExists`, `rateLimitExceeded`) or a network code. */
  readonly reason?: string;
  readonly message: string;
  /** Seconds from a Retry-After header. */
  readonly retryAfter?: number;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const THROTTLE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/**
 * Reads an error of @google-cloud/common (`ApiError`: `code` = HTTP status, `errors[].reason`) or of
 * the HTTP stack (node-fetch `FetchError`: `code` = `ECONNRESET` ...).
 */
export function describeFailure(err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  if (typeof err !== 'object' || err === null) return { message };
  const e = err as { code?: unknown; status?: unknown; errors?: { reason?: unknown }[]; response?: { headers?: Record<string, unknown>; data?: { error?: unknown } } };
  // ApiError puts the status in `code`; gaxios (token requests) in `status`, and the OAuth error
  // (`invalid_grant`) in the response body.
  const status = typeof e.code === 'number' ? e.code : typeof e.status === 'number' ? e.status : undefined;
  const firstReason = Array.isArray(e.errors) ? e.errors.find((x) => typeof x?.reason === 'string')?.reason : undefined;
  const oauth = e.response?.data?.error;
  const reason = typeof firstReason === 'string' ? firstReason : typeof oauth === 'string' ? oauth : typeof e.code === 'string' ? e.code : undefined;
  const ra = Number(e.response?.headers?.['retry-after']);
  return {
    ...(status !== undefined ? { status } : {}),
    ...(reason !== undefined ? { reason } : {}),
    message,
    ...(Number.isFinite(ra) && ra >= 0 ? { retryAfter: ra } : {}),
  };
}

/** True for quota answers, which applied nothing. */
export function isThrottle(err: unknown): boolean {
  const f = describeFailure(err);
  return f.status === 429 || (f.reason !== undefined && THROTTLE_REASONS.has(f.reason));
}

/** True for 5xx answers and for failures without an answer (the request may or may not have arrived). */
export function isTransient(err: unknown): boolean {
  const f = describeFailure(err);
  if (f.status !== undefined) return f.status >= 500;
  return f.reason !== undefined && NETWORK_CODES.has(f.reason);
}

/** The wait before attempt `attempt + 1`: Retry-After when given, else capped exponential with jitter. */
export function backoff(attempt: number, err: unknown, policy: RetryPolicy): number {
  const cap = policy.capMs ?? 32_000;
  const ra = describeFailure(err).retryAfter;
  if (ra !== undefined) return Math.min(cap, ra * 1000);
  const full = Math.min(cap, (policy.baseMs ?? 1000) * 2 ** (attempt - 1));
  // Half fixed, half random ("equal jitter"), so parallel zones do not retry in lockstep.
  return Math.round(full / 2 + Math.random() * (full / 2));
}

/** Runs `fn`, retrying as the file comment describes; rethrows the last error. */
export async function withRetry<T>(what: string, kind: CallKind, fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = isThrottle(err) || (kind === 'read' && isTransient(err));
      if (!retryable || attempt >= policy.maxAttempts) throw err;
      const delay = backoff(attempt, err, policy);
      const f = describeFailure(err);
      policy.log(`Cloud DNS ${what}: ${f.status ?? ''}${f.reason ? ` ${f.reason}` : ''}; retry ${attempt + 1}/${policy.maxAttempts} in ${(delay / 1000).toFixed(1)}s`);
      await policy.sleep(delay);
    }
  }
}
