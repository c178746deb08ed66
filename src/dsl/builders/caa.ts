import { DslError, show } from '../errors.js';
import { registerCallable } from '../modifier.js';
import { callWith, entryPos } from '../pos.js';
import { CAA_CRITICAL, TTL } from '../record-modifiers.js';
import { CAA } from '../records.js';
import type { DomainModifierFn, Duration, RecordModifier } from '../types.js';

/** Options of CAA_BUILDER (DNSControl's names). A list may be the string "none" (value `;`). */
export interface CaaBuilderOptions {
  readonly label?: string;
  readonly iodef?: string;
  readonly iodef_critical?: boolean;
  readonly issue?: readonly string[] | string;
  readonly issue_critical?: boolean;
  readonly issuewild?: readonly string[] | string;
  readonly issuewild_critical?: boolean;
  readonly issuevmc?: readonly string[] | string;
  readonly issuevmc_critical?: boolean;
  readonly issuemail?: readonly string[] | string;
  readonly issuemail_critical?: boolean;
  readonly ttl?: Duration;
}

const TAGS = ['issue', 'issuewild', 'issuevmc', 'issuemail'] as const;

function list(v: readonly string[] | string | undefined): readonly string[] | undefined {
  if (v === undefined) return undefined;
  if (v === 'none') return [';'];
  return typeof v === 'string' ? [v] : v;
}

/** One CAA record per CA (and one iodef), e.g. `CAA_BUILDER({ issue: ["letsencrypt.org"], issuewild: "none" })`. */
export const CAA_BUILDER = registerCallable('CAA_BUILDER', function CAA_BUILDER(opts: CaaBuilderOptions): DomainModifierFn[] {
  const pos = entryPos(CAA_BUILDER);
  if (opts === null || typeof opts !== 'object') {
    throw new DslError('dsl-bad-argument', `CAA_BUILDER: the argument must be an options object, not ${show(opts)}`);
  }
  const label = opts.label || '@';
  const lists = TAGS.map((t) => list(opts[t]));
  if (lists.every((l) => l === undefined || l.length === 0)) {
    throw new DslError('dsl-bad-argument', 'CAA_BUILDER requires at least one entry at issue, issuewild, issuevmc or issuemail');
  }
  const ttl: RecordModifier[] = opts.ttl ? [TTL(opts.ttl)] : [];
  const out: DomainModifierFn[] = [];
  if (opts.iodef) {
    out.push(callWith(pos, CAA, label, 'iodef', opts.iodef, ...(opts.iodef_critical ? [CAA_CRITICAL] : []), ...ttl));
  }
  TAGS.forEach((tag, i) => {
    const critical = opts[`${tag}_critical`] ? [CAA_CRITICAL] : [];
    for (const value of lists[i] ?? []) out.push(callWith(pos, CAA, label, tag, value, ...critical, ...ttl));
  });
  return out;
});
