/**
 * TTL text as BIND reads it: plain seconds (`3600`) or units (`1h30m`, `1w2d`, case-insensitive,
 * any order, each number followed by its unit). Verified against named-checkzone 9.18, 2026-11:
 * `1h30` and `1d-1` are refused, `30m1h` and `1H1h` are accepted.
 */

/** The largest value a TTL field can hold (32 bits). */
export const MAX_TTL_FIELD = 0xffffffff;

/** RFC 2181 §8: TTLs above this are treated as 0 (BIND warns and uses 0). */
export const MAX_TTL = 0x7fffffff;

const UNIT_SECONDS: Record<number, number> = {
  0x77: 604800, // w
  0x64: 86400, // d
  0x68: 3600, // h
  0x6d: 60, // m
  0x73: 1, // s
};

/**
 * Parses TTL text; returns undefined when it is not TTL syntax or does not fit in 32 bits.
 * Works on char codes so the record hot path allocates nothing.
 */
export function parseTtl(text: string): number | undefined {
  const n = text.length;
  if (n === 0) return undefined;
  let allDigits = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) {
    // 10 digits can still exceed 2^32; longer text certainly does.
    if (n > 10) return undefined;
    const v = Number(text);
    return v > MAX_TTL_FIELD ? undefined : v;
  }
  let total = 0;
  let cur = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      cur = (cur < 0 ? 0 : cur) * 10 + (c - 0x30);
      if (cur > MAX_TTL_FIELD) return undefined;
      continue;
    }
    const unit = UNIT_SECONDS[c | 0x20];
    if (unit === undefined || cur < 0) return undefined;
    total += cur * unit;
    if (total > MAX_TTL_FIELD) return undefined;
    cur = -1;
  }
  // A trailing number without its unit: BIND refuses `1h30`.
  return cur >= 0 ? undefined : total;
}

/** True when the text starts like a TTL (a digit), so a failed parse is a TTL error, not a type. */
export function looksLikeTtl(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}
