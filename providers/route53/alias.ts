/**
 * R53_ALIAS, as DNSControl models it: `R53_ALIAS(name, type, target, R53_ZONE(id),
 * R53_EVALUATE_TARGET_HEALTH(bool))`. In zonesmith its rdata is `<type> <target.>` and the two
 * options are record meta; both are part of the record's identity (comparedMeta).
 */
import { canonicalName } from '../../src/records/names.js';
import { RdataError } from '../../src/records/types.js';

/** The pseudo type. */
export const R53_ALIAS = 'R53_ALIAS';

/** Record meta: the hosted zone id of the alias target; absent = the record's own zone. */
export const META_ALIAS_ZONE = 'r53_alias_zone_id';

/** Record meta: `"true"` when Route 53 evaluates the target's health; absent = false. */
export const META_EVALUATE_HEALTH = 'r53_alias_evaluate_target_health';

/** Types an alias record set can have (DNSControl's R53_ALIAS list; Route 53 API_AliasTarget.html). */
export const ALIAS_TYPES: ReadonlySet<string> = new Set(['A', 'AAAA', 'CNAME', 'CAA', 'MX', 'TXT', 'PTR', 'SPF', 'SRV', 'NAPTR']);

/** Parsed R53_ALIAS rdata. */
export interface AliasData {
  readonly aliasType: string;
  /** Absolute, lower-case, with a trailing dot. */
  readonly target: string;
}

/** Canonical R53_ALIAS rdata from a type and a target (relative targets resolve against `origin`). */
export function aliasRdata(aliasType: string, target: string, origin = '.'): string {
  const t = aliasType.toUpperCase();
  if (!ALIAS_TYPES.has(t)) throw new RdataError('r53-alias-type', `R53_ALIAS cannot have type ${aliasType}; allowed: ${[...ALIAS_TYPES].join(', ')}`);
  return `${t} ${canonicalName(target, origin)}`;
}

/** Splits R53_ALIAS rdata into its type and target. */
export function parseAlias(rdata: string): AliasData {
  const [aliasType, target, ...rest] = rdata.trim().split(/\s+/);
  if (!aliasType || !target || rest.length > 0) throw new RdataError('r53-alias-rdata', `R53_ALIAS rdata must be "<type> <target>", got "${rdata}"`);
  return { aliasType: aliasType.toUpperCase(), target: canonicalName(target, '.') };
}

/** Normalises a hosted zone id (`/hostedzone/Z123` → `Z123`). */
export function bareZoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}
