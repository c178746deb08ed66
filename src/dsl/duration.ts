import { DslError, show } from './errors.js';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 7 * 86_400,
  // DNSControl's "n" is a 30-day month.
  n: 30 * 86_400,
  y: 365 * 86_400,
};

/**
 * Seconds for a Duration: numbers pass through unchanged (the host checks their range); strings
 * must match DNSControl's `^(\d+)([smhdwny]?)$`.
 */
export function toSeconds(v: unknown, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const m = /^(\d+)([smhdwny]?)$/.exec(v);
    if (m) return Number(m[1]) * (UNIT_SECONDS[m[2] || 's'] ?? 1);
    throw new DslError('dsl-bad-duration', `${fn}: ${show(v)} is not a valid duration string (a number of seconds or e.g. "300", "5m", "1h", "1d")`);
  }
  throw new DslError('dsl-bad-duration', `${fn}: the duration must be a number or a string, not ${show(v)}`);
}
