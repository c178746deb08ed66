/** The diff engine's public surface: one pure function per zone, plus the helpers renderers share. */
export { diffZone, type DiffZoneInput, type DiffZoneResult } from './diff-zone.js';
export { compileGlob, GlobSyntaxError, type GlobMatcher } from './glob.js';
export { makeIdentity, rrsetKey, type IdentityFn } from './identity.js';
export { compareLabels, compareTypes, relativeLabel } from './order-keys.js';
export { orderChanges, type OrderResult } from './ordering.js';
export { parseOwnershipLabel, externalDnsOwnedKeys } from './external-dns.js';
export { describeRule } from './handsoff.js';
export type { Change, DiffMessage, Granularity, RecordChange, ZoneDiff } from './types.js';
