/**
 * Injectable failures. Each rule lets `skip` matching requests through, then fails the next `count`
 * matching requests; the first rule that fires answers. A failure happens `before` the request is
 * processed (nothing applied), or `after` it (a Change applied, then a 5xx answer), or as `drop`
 * (a Change applied, then the connection closed without any answer).
 */

/** The operations the server tells apart. */
export type OpName =
  | 'token'
  | 'managedZones.list'
  | 'managedZones.get'
  | 'managedZones.create'
  | 'resourceRecordSets.list'
  | 'changes.create'
  | 'changes.get';

/** A failure to answer with. */
export interface Fault {
  readonly status: number;
  readonly reason: string;
  readonly message: string;
  readonly when: 'before' | 'after' | 'drop';
}

interface Rule extends Fault {
  readonly op: OpName | undefined;
  skip: number;
  count: number;
}

/** Rate limit wording of Google APIs (usageLimits / rateLimitExceeded, HTTP 429). */
const THROTTLE = { status: 429, reason: 'rateLimitExceeded', message: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute' of service 'dns.googleapis.com'." };

/** Pending failure rules. */
export class Faults {
  private rules: Rule[] = [];

  /** The next `n` requests (of `op`, or of any operation) get 429 rateLimitExceeded. */
  throttle(n: number, op?: OpName): void {
    this.rules.push({ op, skip: 0, count: n, when: 'before', ...THROTTLE });
  }

  /** Requests `k`..`k+n-1` of `op` from now get 429 (throttling in the middle of a push). */
  throttleFrom(op: OpName, k: number, n: number): void {
    this.rules.push({ op, skip: k - 1, count: n, when: 'before', ...THROTTLE });
  }

  /**
   * The `k`-th request of `op` from now (1-based), and the `times - 1` after it, fail before anything
   * is applied (default 500 backendError).
   */
  failNth(op: OpName, k: number, opts: { status?: number; reason?: string; message?: string; times?: number } = {}): void {
    const { status = 500, reason = 'backendError', message = 'Internal error encountered.', times = 1 } = opts;
    this.rules.push({ op, skip: k - 1, count: times, status, reason, message, when: 'before' });
  }

  /** The `k`-th changes.create from now is applied, then answered with a 5xx (default 503). */
  applyThenFail(k: number, status = 503): void {
    this.rules.push({ op: 'changes.create', skip: k - 1, count: 1, status, reason: 'backendError', message: 'The service is currently unavailable.', when: 'after' });
  }

  /** The `k`-th changes.create from now is applied, then its connection is closed without an answer. */
  applyThenDrop(k: number): void {
    this.rules.push({ op: 'changes.create', skip: k - 1, count: 1, status: 0, reason: 'dropped', message: '', when: 'drop' });
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
