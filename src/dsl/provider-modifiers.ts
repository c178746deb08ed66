// Provider-specific settings, kept as plain metadata with DNSControl's key names (verified against
// DNSControl's pkg/js/helpers.js, 2026-11). The providers read the keys they declare.
import { DslError, show } from './errors.js';
import { dualModifier, recordModifier, registerCallable } from './modifier.js';
import type { DomainModifierFn, RecordModifierFn } from './types.js';

/** Cloudflare: proxy this record (orange cloud). */
export const CF_PROXY_ON = Object.freeze({ cloudflare_proxy: 'on' } as const);
/** Cloudflare: do not proxy this record (the default). */
export const CF_PROXY_OFF = Object.freeze({ cloudflare_proxy: 'off' } as const);
/** Cloudflare: proxy with Railgun (legacy). */
export const CF_PROXY_FULL = Object.freeze({ cloudflare_proxy: 'full' } as const);
/** Cloudflare: flatten this CNAME (paid plans). */
export const CF_CNAME_FLATTEN_ON = Object.freeze({ cloudflare_cname_flatten: 'on' } as const);
/** Cloudflare: do not flatten this CNAME (the default). */
export const CF_CNAME_FLATTEN_OFF = Object.freeze({ cloudflare_cname_flatten: 'off' } as const);
/** Cloudflare domain setting: proxy records by default. */
export const CF_PROXY_DEFAULT_ON = Object.freeze({ cloudflare_proxy_default: 'on' } as const);
/** Cloudflare domain setting: do not proxy records by default (the default). */
export const CF_PROXY_DEFAULT_OFF = Object.freeze({ cloudflare_proxy_default: 'off' } as const);
/** Cloudflare domain setting: turn Universal SSL on. */
export const CF_UNIVERSALSSL_ON = Object.freeze({ cloudflare_universalssl: 'on' } as const);
/** Cloudflare domain setting: turn Universal SSL off. */
export const CF_UNIVERSALSSL_OFF = Object.freeze({ cloudflare_universalssl: 'off' } as const);
/** Cloudflare domain setting: manage record comments (CF_COMMENT). */
export const CF_MANAGE_COMMENTS = Object.freeze({ cloudflare_manage_comments: 'true' } as const);
/** Cloudflare domain setting: manage record tags (CF_TAGS; paid plans). */
export const CF_MANAGE_TAGS = Object.freeze({ cloudflare_manage_tags: 'true' } as const);

/** Cloudflare record modifier: the record's comment (needs CF_MANAGE_COMMENTS). */
export const CF_COMMENT = registerCallable('CF_COMMENT', function CF_COMMENT(comment: string): { readonly cloudflare_comment: string } {
  if (typeof comment !== 'string') throw new DslError('dsl-bad-argument', `CF_COMMENT: the comment must be a string, not ${show(comment)}`);
  return { cloudflare_comment: comment };
});

/** Cloudflare record modifier: the record's tags (needs CF_MANAGE_TAGS). */
export const CF_TAGS = registerCallable('CF_TAGS', function CF_TAGS(...tags: string[]): { readonly cloudflare_tags: string } {
  for (const t of tags) {
    if (typeof t !== 'string') throw new DslError('dsl-bad-argument', `CF_TAGS: each tag must be a string, not ${show(t)}`);
  }
  return { cloudflare_tags: tags.join(',') };
});

/** R53_ALIAS record meta: hosted zone id of the alias target (set by R53_ZONE on the record). */
export const META_R53_ALIAS_ZONE = 'r53_alias_zone_id';
/** R53_ALIAS record meta: `"true"` when Route 53 evaluates the target's health; absent = false. */
export const META_R53_EVALUATE_HEALTH = 'r53_alias_evaluate_target_health';

function requireR53Alias(fn: string, type: string, label: string): void {
  if (type !== 'R53_ALIAS') {
    throw new DslError('dsl-modifier-not-for-type', `${fn} applies to D() or to R53_ALIAS records, not to ${type} ${JSON.stringify(label)}`);
  }
}

/**
 * Route 53: on D(), pick the hosted zone by id (meta `zone_id`) when several have the name; on
 * R53_ALIAS, the hosted zone of the alias target.
 */
export const R53_ZONE = registerCallable('R53_ZONE', function R53_ZONE(zoneId: string): DomainModifierFn & RecordModifierFn {
  if (typeof zoneId !== 'string' || zoneId === '') {
    throw new DslError('dsl-bad-argument', `R53_ZONE: the zone id must be a non-empty string, not ${show(zoneId)}`);
  }
  return dualModifier(
    `R53_ZONE(${JSON.stringify(zoneId)})`,
    (ctx) => {
      ctx.d.meta['zone_id'] = zoneId;
    },
    (r) => {
      requireR53Alias('R53_ZONE', r.type, r.label);
      r.meta[META_R53_ALIAS_ZONE] = zoneId;
    },
  );
});

/** Route 53 R53_ALIAS modifier: evaluate the target's health. */
export const R53_EVALUATE_TARGET_HEALTH = registerCallable('R53_EVALUATE_TARGET_HEALTH', function R53_EVALUATE_TARGET_HEALTH(enabled: boolean): RecordModifierFn {
  if (typeof enabled !== 'boolean') {
    throw new DslError('dsl-bad-argument', `R53_EVALUATE_TARGET_HEALTH: the argument must be true or false, not ${show(enabled)}`);
  }
  return recordModifier(`R53_EVALUATE_TARGET_HEALTH(${enabled})`, (r) => {
    requireR53Alias('R53_EVALUATE_TARGET_HEALTH', r.type, r.label);
    // Absent means false (the Route 53 provider's convention), so false removes the key.
    if (enabled) r.meta[META_R53_EVALUATE_HEALTH] = 'true';
    else delete r.meta[META_R53_EVALUATE_HEALTH];
  });
});

/** Route 53 weighted routing: weight 0-255 and the set identifier (unique in the weighted group). */
export const R53_WEIGHT = registerCallable('R53_WEIGHT', function R53_WEIGHT(weight: number, setIdentifier: string): RecordModifierFn {
  if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 255) {
    throw new DslError('dsl-bad-argument', `R53_WEIGHT: weight must be a number between 0 and 255, not ${show(weight)}`);
  }
  if (typeof setIdentifier !== 'string' || setIdentifier === '') {
    throw new DslError('dsl-bad-argument', `R53_WEIGHT: set_identifier must be a non-empty string, not ${show(setIdentifier)}`);
  }
  return recordModifier(`R53_WEIGHT(${weight})`, (r) => {
    r.meta['r53_weight'] = String(weight);
    r.meta['r53_set_identifier'] = setIdentifier;
  });
});

/** Route 53: associate a health check with the record. */
export const R53_HEALTH_CHECK_ID = registerCallable('R53_HEALTH_CHECK_ID', function R53_HEALTH_CHECK_ID(id: string): RecordModifierFn {
  if (typeof id !== 'string' || id === '') {
    throw new DslError('dsl-bad-argument', `R53_HEALTH_CHECK_ID: health_check_id must be a non-empty string, not ${show(id)}`);
  }
  return recordModifier(`R53_HEALTH_CHECK_ID(${JSON.stringify(id)})`, (r) => {
    r.meta['r53_health_check_id'] = id;
  });
});
