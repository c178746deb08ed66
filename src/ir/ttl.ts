/** DNSControl's default TTL (models.DefaultTTL), used when a record has none and for TTL 0. */
export const DEFAULT_TTL = 300;

/** The largest TTL RFC 2181 §8 allows: a positive 31-bit integer. */
export const MAX_TTL = 2147483647;

/** A TTL problem before it is placed at a source location. */
export interface TtlIssue {
  readonly code: 'invalid-ttl' | 'ttl-range';
  readonly message: string;
}

/**
 * Checks a TTL in seconds. `undefined` takes the fallback; 0 becomes 300 as in DNSControl
 * (pkg/normalize/validate.go), where 0 means "not set". Returns the TTL or the problem.
 */
export function normalizeTtl(value: unknown, what: string, fallback = DEFAULT_TTL): number | TtlIssue {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { code: 'invalid-ttl', message: `${what} must be a whole number of seconds, not ${JSON.stringify(value) ?? String(value)}` };
  }
  if (value === 0) return DEFAULT_TTL;
  if (value < 0 || value > MAX_TTL) {
    return { code: 'ttl-range', message: `${what} ${value} is out of range; it must be 1-${MAX_TTL} seconds` };
  }
  return value;
}
