import { DslError, show } from '../errors.js';
import { registerCallable } from '../modifier.js';
import { callWith, entryPos } from '../pos.js';
import { TTL } from '../record-modifiers.js';
import { TXT } from '../records.js';
import type { DomainModifierFn, Duration } from '../types.js';
import { utf8Bytes } from '../utf8.js';

/** Options of DKIM_BUILDER (RFC 6376 tags; DNSControl's names). */
export interface DkimBuilderOptions {
  /** Required: the record goes to `selector._domainkey[.label]`. */
  readonly selector: string;
  /** Base64 public key (`p=`); empty revokes the key. */
  readonly pubkey?: string;
  readonly label?: string;
  /** `v=` (only DKIM1). */
  readonly version?: string;
  /** `h=`: sha1 / sha256 (ed25519: sha256). */
  readonly hashtypes?: string | readonly string[];
  /** `k=`: rsa or ed25519. */
  readonly keytype?: string;
  /** `n=`: a note, written DKIM-quoted-printable. */
  readonly note?: string;
  /** `s=`: * or email. */
  readonly servicetypes?: string | readonly string[];
  /** `t=`: y (testing) and/or s (strict subdomains). */
  readonly flags?: string | readonly string[];
  readonly ttl?: Duration;
}

function asList(v: string | readonly string[] | undefined): readonly string[] | undefined {
  if (v === undefined || v.length === 0) return undefined;
  return typeof v === 'string' ? [v] : v;
}

function checkAll(what: string, values: readonly string[] | undefined, allowed: readonly string[]): void {
  if (values && values.some((v) => !allowed.includes(v))) {
    throw new DslError('dsl-bad-argument', `DKIM_BUILDER ${what} must be one of: ${allowed.join(', ')}`);
  }
}

/**
 * RFC 6376 §2.11 DKIM-Quoted-Printable: controls, space, `;`, `=`, DEL and non-ASCII become =XX.
 * Non-ASCII is encoded as its UTF-8 bytes (DNSControl encodes only the low byte of each UTF-16
 * unit; ASCII notes come out the same).
 */
function quotedPrintable(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    out += b < 0x21 || b === 0x3b || b === 0x3d || b >= 0x7f ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  }
  return out;
}

/** One DKIM TXT record, e.g. `DKIM_BUILDER({ selector: "s1", pubkey: "MIIB..." })`. */
export const DKIM_BUILDER = registerCallable('DKIM_BUILDER', function DKIM_BUILDER(opts: DkimBuilderOptions): DomainModifierFn {
  const pos = entryPos(DKIM_BUILDER);
  if (opts === null || typeof opts !== 'object') {
    throw new DslError('dsl-bad-argument', `DKIM_BUILDER: the argument must be an options object, not ${show(opts)}`);
  }
  if (typeof opts.selector !== 'string' || opts.selector === '') throw new DslError('dsl-bad-argument', 'DKIM_BUILDER selector cannot be empty');
  const version = opts.version ?? 'DKIM1';
  if (version !== 'DKIM1') throw new DslError('dsl-bad-argument', 'DKIM_BUILDER version must be one of: DKIM1');
  const keytype = opts.keytype || undefined;
  if (keytype !== undefined && keytype !== 'rsa' && keytype !== 'ed25519') {
    throw new DslError('dsl-bad-argument', `DKIM_BUILDER keytype must be one of: rsa, ed25519, ${keytype} given`);
  }
  const hashtypes = asList(opts.hashtypes);
  checkAll(`hashtypes for ${keytype ?? 'rsa'}`, hashtypes, keytype === 'ed25519' ? ['sha256'] : ['sha1', 'sha256']);
  const servicetypes = asList(opts.servicetypes);
  checkAll('servicetypes', servicetypes, ['*', 'email']);
  const flags = asList(opts.flags);
  checkAll('flags', flags, ['y', 's']);
  // RFC 6376 tag order, as DNSControl writes it: v h k n p s t.
  const tags = [`v=${version}`];
  if (hashtypes) tags.push(`h=${hashtypes.join(':')}`);
  if (keytype) tags.push(`k=${keytype}`);
  if (opts.note) tags.push(`n=${quotedPrintable(opts.note)}`);
  tags.push(`p=${opts.pubkey ?? ''}`);
  if (servicetypes) tags.push(`s=${servicetypes.join(':')}`);
  if (flags) tags.push(`t=${flags.join(':')}`);
  const label = !opts.label || opts.label === '@' ? `${opts.selector}._domainkey` : `${opts.selector}._domainkey.${opts.label}`;
  return opts.ttl ? callWith(pos, TXT, label, tags.join('; '), TTL(opts.ttl)) : callWith(pos, TXT, label, tags.join('; '));
});
