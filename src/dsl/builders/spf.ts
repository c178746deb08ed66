import type { DomainCtx } from '../draft.js';
import { DslError, show } from '../errors.js';
import { domainModifier, registerCallable } from '../modifier.js';
import { entryPos } from '../pos.js';
import { addRecord } from '../record-builder.js';
import { TTL } from '../record-modifiers.js';
import { TXT_SPEC } from '../records.js';
import type { DomainModifierFn, Duration } from '../types.js';

/** Options of SPF_BUILDER (DNSControl's names). */
export interface SpfBuilderOptions {
  /** The SPF terms, starting with "v=spf1" and ending with an "all" term; joined with spaces. */
  readonly parts: readonly string[];
  /** Label of the SPF record (default `@`). */
  readonly label?: string;
  /** Not supported: include flattening needs DNS lookups while the config is evaluated. */
  readonly flatten?: readonly string[];
  /** Label pattern with `%d` (e.g. `_spf%d`) for the records an over-long SPF is split into. */
  readonly overflow?: string;
  /** Bytes to keep free in the first record (for other TXT records at the same label). */
  readonly overhead1?: number;
  /** Longest record before splitting (default 255). */
  readonly txtMaxSize?: number;
  /** Label of the unflattened copy DNSControl writes when flattening (unused here). */
  readonly raw?: string;
  readonly ttl?: Duration;
}

/**
 * DNSControl's chain split (pkg/spflib TXTSplit): fill each record with terms while
 * ` include:<next> <last term>` still fits, and continue with the rest at the next label.
 */
function splitSpf(terms: readonly string[], pattern: string, suffix: string, overhead: number, max: number): [string, string][] {
  const out: [string, string][] = [];
  let label = '';
  let rest = terms;
  let limit = max - overhead;
  for (let idx = 1; ; idx++) {
    const whole = ['v=spf1', ...rest].join(' ');
    if (whole.length <= limit) {
      out.push([label, whole]);
      return out;
    }
    const next = pattern.replace('%d', String(idx));
    const tail = ` include:${next}.${suffix} ${rest[rest.length - 1]}`;
    let text = 'v=spf1';
    let taken = 0;
    while (taken < rest.length && text.length + 1 + (rest[taken] as string).length + tail.length <= limit) {
      text += ` ${rest[taken]}`;
      taken++;
    }
    if (taken === 0) {
      // The first term alone is too long: DNSControl gives up and keeps the record whole.
      out.push([label, whole]);
      return out;
    }
    out.push([label, text + tail]);
    rest = rest.slice(taken);
    label = next;
    limit = max;
  }
}

/**
 * An SPF TXT record from its parts, e.g.
 * `SPF_BUILDER({ parts: ["v=spf1", "ip4:192.0.2.0/24", "include:_spf.google.com", "~all"], overflow: "_spf%d" })`.
 */
export const SPF_BUILDER = registerCallable('SPF_BUILDER', function SPF_BUILDER(opts: SpfBuilderOptions): DomainModifierFn[] {
  const pos = entryPos(SPF_BUILDER);
  if (opts === null || typeof opts !== 'object' || !Array.isArray(opts.parts) || opts.parts.length < 2) {
    throw new DslError('dsl-bad-argument', 'SPF_BUILDER requires at least 2 elements in parts');
  }
  if (opts.flatten && opts.flatten.length > 0) {
    throw new DslError(
      'dsl-unsupported',
      'SPF_BUILDER: flatten is not supported: flattening includes needs DNS lookups while the config is evaluated, and zonesmith evaluates dnsconfig without network access; remove flatten (overflow splitting works without it)',
    );
  }
  const label = opts.label || '@';
  const text = opts.parts.join(' ');
  const mods = opts.ttl ? [TTL(opts.ttl)] : [];
  const where = `SPF_BUILDER(${JSON.stringify(label)})`;
  const overflow = opts.overflow;
  if (!overflow) {
    return [domainModifier(where, (ctx) => addRecord(ctx, TXT_SPEC, label, [text], mods, pos))];
  }
  if (typeof overflow !== 'string' || !overflow.includes('%d')) {
    throw new DslError('dsl-bad-argument', `SPF_BUILDER: overflow must be a label pattern containing %d (such as "_spf%d"), not ${show(overflow)}`);
  }
  const terms = text.split(' ').filter((t) => t !== '');
  if (terms[0] !== 'v=spf1') {
    throw new DslError('dsl-bad-argument', `SPF_BUILDER: parts must start with "v=spf1" to be split, not ${show(terms[0])}`);
  }
  const max = opts.txtMaxSize ?? 255;
  const overhead = opts.overhead1 ?? 0;
  return [
    domainModifier(where, (ctx: DomainCtx) => {
      // The include targets are absolute names of the chained records, so the zone (and a
      // D_EXTEND subdomain) is needed: the split happens when the modifier is applied.
      const suffix = ctx.sub === '' ? ctx.d.zone : `${ctx.sub.toLowerCase()}.${ctx.d.zone}`;
      for (const [l, t] of splitSpf(terms.slice(1), overflow, suffix, overhead, max)) {
        addRecord(ctx, TXT_SPEC, l === '' ? label : l, [t], mods, pos);
      }
    }),
  ];
});
