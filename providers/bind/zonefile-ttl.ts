import { parseTtlText } from '../../src/records/fields.js';
import { RdataError } from '../../src/records/types.js';

/**
 * TTLs in zone files, as BIND reads them: plain seconds or units (`1h30m`, `30m1h`, `1H1h`; each
 * number needs its unit, so `1h30` is refused). Verified against named-checkzone 9.18, 2026-11.
 */

/** RFC 2181 §8: TTLs above this are treated as 0 (BIND warns and uses 0). */
export const MAX_TTL = 0x7fffffff;

/** Parses TTL text; undefined when it is not TTL syntax or does not fit in 32 bits. */
export function ttlFromText(text: string): number | undefined {
  try {
    return parseTtlText(text, 'TTL');
  } catch (e) {
    if (e instanceof RdataError) return undefined;
    throw e;
  }
}
