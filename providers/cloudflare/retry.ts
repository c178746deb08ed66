/**
 * Bounded retries. The SDK's own retries are off (maxRetries 0) so every request is deliberate,
 * counted and logged here.
 *  - 429: Cloudflare refused the request before doing anything (1,200 requests per 5 minutes per
 *    user; "exceeding blocks all calls for 5 minutes", with `retry-after`; developers.cloudflare.com/
 *    fundamentals/api/reference/limits, checked 2026-11). Wait what `retry-after` says (bounded by
 *    `max_retry_wait`; without the header, back off exponentially) and send it again, at most
 *    `max_attempts` times in all.
 *  - 5xx and dropped connections: a read is simply repeated, at most twice. A write may or may not
 *    have been committed before the answer was lost, so first `probe` asks the zone whether it was;
 *    only a batch that did not land is sent again (at most twice). Sending a landed batch again would
 *    fail on its own deletes and duplicate its posts.
 *  - Other 4xx: not retried; the caller reports Cloudflare's error messages.
 */
import { APIConnectionError, APIError } from 'cloudflare';

/** How to retry. */
export interface RetryPolicy {
  /** Attempts in all when throttled (429). */
  readonly maxAttempts: number;
  /** Repeats after a 5xx or a dropped connection. */
  readonly serverRetries: number;
  /** The longest wait zonesmith accepts from `retry-after`. */
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** First backoff without `retry-after` (doubles each time). */
  readonly baseMs?: number;
}

/** Whether a call only reads (safe to repeat) or changes the zone. */
export type CallKind = 'read' | 'write';

/** How a retried call ended. */
export type Outcome<T> = { readonly kind: 'answered'; readonly value: T } | { readonly kind: 'landed-unanswered' };

/** The HTTP status of an SDK error; undefined for connection failures. */
export function httpStatus(err: unknown): number | undefined {
  return err instanceof APIError && typeof err.status === 'number' ? err.status : undefined;
}

/** True for 5xx answers and requests that got no answer. */
export function isTransient(err: unknown): boolean {
  const s = httpStatus(err);
  return (s !== undefined && s >= 500) || err instanceof APIConnectionError;
}

/** Milliseconds `retry-after` asks for (seconds, or an HTTP date); undefined without the header. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const h = err instanceof APIError ? err.headers?.get('retry-after') : null;
  if (h === null || h === undefined || h.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(h.trim())) return Math.round(Number(h) * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Thrown when a 429 asks for a longer wait than `max_retry_wait` allows. */
export class WaitTooLongError extends Error {
  constructor(readonly waitMs: number, readonly original: unknown) {
    super(`Cloudflare asks to wait ${Math.ceil(waitMs / 1000)}s before the next request (retry-after), longer than max_retry_wait allows`);
  }
}

/**
 * Runs `fn` with the retries the file comment describes; rethrows the last error. For writes,
 * `probe` tells whether an unanswered attempt was committed after all.
 */
export async function withRetry<T>(what: string, kind: CallKind, fn: () => Promise<T>, policy: RetryPolicy, probe?: () => Promise<boolean>): Promise<Outcome<T>> {
  const base = policy.baseMs ?? 1000;
  let throttled = 0;
  let failed = 0;
  for (;;) {
    try {
      return { kind: 'answered', value: await fn() };
    } catch (err) {
      if (httpStatus(err) === 429) {
        throttled++;
        if (throttled >= policy.maxAttempts) throw err;
        const asked = retryAfterMs(err);
        const wait = asked ?? Math.min(60_000, base * 2 ** (throttled - 1));
        if (wait > policy.maxWaitMs) throw new WaitTooLongError(wait, err);
        policy.log(`Cloudflare ${what}: HTTP 429 (rate limited); retry ${throttled + 1}/${policy.maxAttempts} in ${(wait / 1000).toFixed(1)}s${asked !== undefined ? ' (retry-after)' : ''}`);
        await policy.sleep(wait);
        continue;
      }
      if (!isTransient(err)) throw err;
      const why = httpStatus(err) !== undefined ? `HTTP ${httpStatus(err)}` : 'no answer';
      if (kind === 'write') {
        if (!probe) throw err;
        // Asked after every unanswered attempt, the last one too, so a failure always means "not applied".
        if (await probe()) {
          policy.log(`Cloudflare ${what}: ${why}, but the zone shows the request was applied`);
          return { kind: 'landed-unanswered' };
        }
      }
      if (failed >= policy.serverRetries) throw err;
      failed++;
      const wait = base * 2 ** (failed - 1);
      policy.log(`Cloudflare ${what}: ${why}${kind === 'write' ? ' and the zone shows nothing was applied' : ''}; retry in ${(wait / 1000).toFixed(1)}s`);
      await policy.sleep(wait);
    }
  }
}
