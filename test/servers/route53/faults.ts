/** Injectable failures for the Route 53 test server: throttling, busy zones, 5xx on the k-th call. */

/** The operations the server implements, as AWS names them. */
export type OpName =
  | 'ListHostedZones'
  | 'CreateHostedZone'
  | 'GetHostedZone'
  | 'ListResourceRecordSets'
  | 'ChangeResourceRecordSets'
  | 'GetChange';

/** What a fired fault answers with. */
export interface FaultResponse {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

interface Rule extends FaultResponse {
  readonly op: OpName | undefined;
  skip: number;
  count: number;
}

/**
 * A queue of fault rules. Each rule lets `skip` matching requests through, then fails the next
 * `count` matching requests. The first rule that fires answers the request.
 */
export class Faults {
  private rules: Rule[] = [];

  /** The next `n` requests (of `op`, or of any operation) get HTTP 400 Throttling / Rate exceeded. */
  throttle(n: number, op?: OpName): void {
    // Wording from the Developer Guide, throttling-api-requests.html (verified 2026-11).
    this.add({ op, skip: 0, count: n, status: 400, code: 'Throttling', message: 'Rate exceeded' });
  }

  /** The next `n` ChangeResourceRecordSets requests get PriorRequestNotComplete. */
  priorRequestNotComplete(n: number, afterSkipping = 0): void {
    this.add({
      op: 'ChangeResourceRecordSets', skip: afterSkipping, count: n, status: 400,
      code: 'PriorRequestNotComplete', message: 'The request was rejected because Route 53 was still processing a prior request.',
    });
  }

  /** The `k`-th matching request from now (1-based) fails with the given status (default a 500). */
  failNth(op: OpName, k: number, status = 500, code = 'InternalFailure', message = 'An internal error occurred.'): void {
    this.add({ op, skip: k - 1, count: 1, status, code, message });
  }

  /** Throttles requests `k`..`k+n-1` of `op` from now (throttling in the middle of a push). */
  throttleFrom(op: OpName, k: number, n: number): void {
    this.add({ op, skip: k - 1, count: n, status: 400, code: 'Throttling', message: 'Rate exceeded' });
  }

  /** Removes every pending rule. */
  clear(): void {
    this.rules = [];
  }

  /** Decides whether this request fails; advances the rules. */
  next(op: OpName): FaultResponse | undefined {
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

  private add(rule: Rule): void {
    this.rules.push(rule);
  }
}
