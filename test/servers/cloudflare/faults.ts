/** Injectable failures for the local Cloudflare server: throttling, 5xx before or after the work. */

/** The operations the server implements, named after the SDK methods that call them. */
export type OpName =
  | 'zones.list'
  | 'zones.create'
  | 'zones.get'
  | 'records.list'
  | 'records.get'
  | 'records.create'
  | 'records.edit'
  | 'records.update'
  | 'records.delete'
  | 'records.batch';

/** What a fired fault does. */
export interface Fault {
  readonly status: number;
  readonly code: number;
  readonly message: string;
  /** Seconds for the `retry-after` header (429 only). */
  readonly retryAfter?: string;
  /** Do the work first, then answer with the failure (a response lost after the commit). */
  readonly afterWork: boolean;
}

interface Rule extends Fault {
  readonly op: OpName | undefined;
  skip: number;
  count: number;
}

/**
 * A queue of fault rules. Each lets `skip` matching requests through, then fails the next `count`.
 * The first rule that fires answers the request.
 */
export class Faults {
  private rules: Rule[] = [];

  /**
   * The `k`-th matching request from now and the `n - 1` after it get HTTP 429. Cloudflare sends
   * `retry-after` (developers.cloudflare.com/fundamentals/api/reference/limits, checked 2026-11)
   * and error 971 "Please wait and consider throttling your request speed".
   */
  throttle(op: OpName | undefined, k: number, n: number, retryAfter: string | null = '7'): void {
    this.rules.push({
      op, skip: k - 1, count: n, status: 429, code: 971, message: 'Please wait and consider throttling your request speed',
      ...(retryAfter !== null ? { retryAfter } : {}), afterWork: false,
    });
  }

  /** The `k`-th matching request from now (and `n - 1` more) fails with a 5xx before doing anything. */
  failNth(op: OpName, k: number, status = 500, n = 1): void {
    this.rules.push({ op, skip: k - 1, count: n, status, code: 10001, message: 'Internal server error', afterWork: false });
  }

  /** The `k`-th matching request from now is carried out, but its answer is a 5xx (lost response). */
  failAfterWork(op: OpName, k: number, status = 502): void {
    this.rules.push({ op, skip: k - 1, count: 1, status, code: 10001, message: 'Bad gateway', afterWork: true });
  }

  /** Removes every pending rule. */
  clear(): void {
    this.rules = [];
  }

  /** Decides whether this request fails; advances the rules. */
  next(op: OpName): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.op !== undefined && rule.op !== op) continue;
      if (rule.count <= 0) continue;
      if (rule.skip > 0) {
        rule.skip--;
        continue;
      }
      rule.count--;
      return rule;
    }
    return undefined;
  }
}
