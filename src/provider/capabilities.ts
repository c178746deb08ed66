/**
 * Shorthands for writing a provider's capabilities: most record types are plain "can" or share one
 * reason for "cannot", and listing them on one line lets the exceptions with their own notes stand
 * out. Each provider still states its own list (they only happen to overlap).
 */
import { can, cannot, type Support } from './types.js';

/** `{ A: can(), AAAA: can(), ... }`: each type supported, without a note. */
export function canEach(types: readonly string[]): Record<string, Support> {
  return Object.fromEntries(types.map((t) => [t, can()]));
}

/** `{ LOC: cannot(note), ... }`: each type unsupported for the same reason. */
export function cannotEach(types: readonly string[], note: string): Record<string, Support> {
  return Object.fromEntries(types.map((t) => [t, cannot(note)]));
}
