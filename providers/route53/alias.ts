/**
 * R53_ALIAS, as DNSControl models it: `R53_ALIAS(name, type, target, R53_ZONE(id),
 * R53_EVALUATE_TARGET_HEALTH(bool))`. In zonesmith its rdata is `<type> <target.>` and the two
 * options are record meta; both are part of the record's identity (comparedMeta).
 */
import { canonicalRdata, parseRdata } from '../../src/records/registry.js';
import { R53_ALIAS_TYPES } from '../../src/records/types/r53-alias.js';

/** The pseudo type. */
export const R53_ALIAS = 'R53_ALIAS';

/** Record meta: the hosted zone id of the alias target; absent = the record's own zone. */
export const META_ALIAS_ZONE = 'r53_alias_zone_id';

/** Record meta: `"true"` when Route 53 evaluates the target's health; absent = false. */
export const META_EVALUATE_HEALTH = 'r53_alias_evaluate_target_health';

/** Types an alias record set can have (DNSControl's R53_ALIAS list; Route 53 API_AliasTarget.html). */
export const ALIAS_TYPES: ReadonlySet<string> = new Set(R53_ALIAS_TYPES);

/** Parsed R53_ALIAS rdata. */
export interface AliasData {
  readonly aliasType: string;
  /** Absolute, lower-case, with a trailing dot. */
  readonly target: string;
}

/** Canonical R53_ALIAS rdata from a type and a target (relative targets resolve against `origin`). */
export function aliasRdata(aliasType: string, target: string, origin = '.'): string {
  return canonicalRdata(R53_ALIAS, `${aliasType} ${target}`, origin);
}

/** Splits R53_ALIAS rdata into its type and target (the records registry's R53_ALIAS module). */
export function parseAlias(rdata: string): AliasData {
  const d = parseRdata(R53_ALIAS, rdata) as AliasData;
  return { aliasType: d.aliasType, target: d.target };
}

/** Normalises a hosted zone id (`/hostedzone/Z123` → `Z123`). */
export function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}
