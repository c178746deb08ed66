import { toSeconds } from '../duration.js';
import { DslError, show } from '../errors.js';
import { registerCallable } from '../modifier.js';
import { callWith, entryPos } from '../pos.js';
import { TTL } from '../record-modifiers.js';
import { TXT } from '../records.js';
import type { DomainModifierFn, Duration } from '../types.js';

type Policy = 'none' | 'quarantine' | 'reject';
type Alignment = 'relaxed' | 'strict' | 'r' | 's';

/** Options of DMARC_BUILDER (DNSControl's names; the tag each sets in brackets). */
export interface DmarcBuilderOptions {
  /** Label below `_dmarc` (default `@`: the record is at `_dmarc`). */
  readonly label?: string;
  readonly version?: string;
  /** `p=` (default none). */
  readonly policy?: Policy;
  /** `sp=` */
  readonly subdomainPolicy?: Policy;
  /** `np=` */
  readonly nonexistentSubdomainPolicy?: Policy;
  /** `aspf=` */
  readonly alignmentSPF?: Alignment;
  /** `adkim=` */
  readonly alignmentDKIM?: Alignment;
  /** `pct=` (deprecated by DMARCbis). */
  readonly percent?: number;
  /** `rua=` */
  readonly rua?: readonly string[];
  /** `ruf=` */
  readonly ruf?: readonly string[];
  /** `fo=`: a string, or which failures to report. */
  readonly failureOptions?: string | { readonly SPF?: boolean; readonly DKIM?: boolean };
  /** `rf=` */
  readonly failureFormat?: string;
  /** `ri=` */
  readonly reportInterval?: Duration;
  /** `psd=`: y, n or u. */
  readonly publicSuffixDomain?: 'y' | 'n' | 'u';
  /** `t=`: y or n. */
  readonly testMode?: 'y' | 'n';
  readonly ttl?: Duration;
}

function oneOf(what: string, v: unknown, allowed: readonly string[]): void {
  if (v !== undefined && !allowed.includes(v as string)) {
    throw new DslError('dsl-bad-argument', `DMARC_BUILDER: ${what} must be one of ${allowed.join(', ')}, not ${show(v)}`);
  }
}

function alignment(what: string, v: Alignment | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === 'relaxed' || v === 'r') return 'r';
  if (v === 'strict' || v === 's') return 's';
  throw new DslError('dsl-bad-argument', `DMARC_BUILDER: ${what} must be relaxed, strict, r or s, not ${show(v)}`);
}

/** One TXT record at `_dmarc[.label]`, e.g. `DMARC_BUILDER({ policy: "reject", rua: ["mailto:dmarc@example.com"] })`. */
export const DMARC_BUILDER = registerCallable('DMARC_BUILDER', function DMARC_BUILDER(opts: DmarcBuilderOptions = {}): DomainModifierFn {
  const pos = entryPos(DMARC_BUILDER);
  const o = opts ?? {};
  const policies = ['none', 'quarantine', 'reject'];
  oneOf('policy', o.policy, policies);
  oneOf('subdomainPolicy', o.subdomainPolicy, policies);
  oneOf('nonexistentSubdomainPolicy', o.nonexistentSubdomainPolicy, policies);
  oneOf('publicSuffixDomain', o.publicSuffixDomain, ['y', 'n', 'u']);
  oneOf('testMode', o.testMode, ['y', 'n']);
  const label = !o.label || o.label === '@' ? '_dmarc' : `_dmarc.${o.label}`;
  const tags = [`v=${o.version || 'DMARC1'}`, `p=${o.policy || 'none'}`];
  if (o.subdomainPolicy) tags.push(`sp=${o.subdomainPolicy}`);
  if (o.nonexistentSubdomainPolicy) tags.push(`np=${o.nonexistentSubdomainPolicy}`);
  const adkim = alignment('alignmentDKIM', o.alignmentDKIM);
  if (adkim) tags.push(`adkim=${adkim}`);
  const aspf = alignment('alignmentSPF', o.alignmentSPF);
  if (aspf) tags.push(`aspf=${aspf}`);
  if (o.percent) tags.push(`pct=${o.percent}`);
  if (o.rua && o.rua.length > 0) tags.push(`rua=${o.rua.join(',')}`);
  if (o.ruf && o.ruf.length > 0) tags.push(`ruf=${o.ruf.join(',')}`);
  // As in DNSControl, fo= and rf= only mean something (and are only written) with ruf.
  if (o.ruf && o.failureOptions) {
    let fo: string;
    if (typeof o.failureOptions === 'object') {
      const { SPF, DKIM } = o.failureOptions;
      fo = SPF && DKIM ? '1' : SPF ? 's' : DKIM ? 'd' : '0';
    } else {
      fo = o.failureOptions;
    }
    if (fo !== '0') tags.push(`fo=${fo}`);
  }
  if (o.ruf && o.failureFormat) tags.push(`rf=${o.failureFormat}`);
  if (o.reportInterval) tags.push(`ri=${toSeconds(o.reportInterval, 'DMARC_BUILDER reportInterval')}`);
  if (o.publicSuffixDomain) tags.push(`psd=${o.publicSuffixDomain}`);
  if (o.testMode) tags.push(`t=${o.testMode}`);
  return o.ttl ? callWith(pos, TXT, label, tags.join('; '), TTL(o.ttl)) : callWith(pos, TXT, label, tags.join('; '));
});
