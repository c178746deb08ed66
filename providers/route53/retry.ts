/**
 * Bounded retries with exponential backoff. Route 53 answers HTTP 400 `Throttling` / "Rate
 * exceeded" when the account's request or change-throughput bucket is empty, and
 * `PriorRequestNotComplete` when a zone is still processing an earlier change (Developer Guide,
 * throttling-api-requests.html and DNSLimitations.html, verified 2026-11). Neither applied anything,
 * so both are retried for every call. Server errors and dropped connections are retried only for
 * reads: a change batch that failed that way may or may not have been applied, and resending it
 * blind could apply it twice or mask what happened, so the failure is reported instead.
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

/** Whether a call only reads (safe to repeat after any transient failure) or changes the zone. */
export type CallKind = 'read' | 'write';

const THROTTLE_CODES = new Set(['Throttling', 'ThrottlingException', 'PriorRequestNotComplete', 'TooManyRequestsException', 'RequestLimitExceeded']);

/** The AWS error code of an SDK error, if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e.Code, e.name, e.code]) if (typeof v === 'string' && v !== 'Error') return v;
  return undefined;
}

/** True for throttling answers, which Route 53 guarantees applied nothing. */
export function isThrottle(err: unknown): boolean {
  const code = errorCode(err);
  if (code !== undefined && THROTTLE_CODES.has(code)) return true;
  return err instanceof Error && /Rate exceeded/i.test(err.message);
}

/** True for 5xx answers and network failures. */
export function isTransient(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { $metadata?: { httpStatusCode?: number }; $fault?: string; code?: string; name?: string };
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  if (e.$fault === 'server') return true;
  return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout'].includes(e.code ?? e.name ?? '');
}

/** Runs `fn`, retrying as the file comment describes; rethrows the last error. */
export async function withRetry<T>(what: string, kind: CallKind, fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const base = policy.baseMs ?? 500;
  const cap = policy.capMs ?? 20_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = isThrottle(err) || (kind === 'read' && isTransient(err));
      if (!retryable || attempt >= policy.maxAttempts) throw err;
      const full = Math.min(cap, base * 2 ** (attempt - 1));
      // Half fixed, half random ("equal jitter"), so parallel zones do not retry in lockstep.
      const delay = Math.round(full / 2 + Math.random() * (full / 2));
      policy.log(`Route 53 ${what}: ${errorCode(err) ?? 'error'}; retry ${attempt + 1}/${policy.maxAttempts} in ${(delay / 1000).toFixed(1)}s`);
      await policy.sleep(delay);
    }
  }
}
