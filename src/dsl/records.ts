import { numberToIPv4 } from './ip.js';
import { makeRecordBuilder, type RecordSpec } from './record-builder.js';
import type { DomainModifierFn, R53AliasType, RecordModifier } from './types.js';

// Every builder: TYPE(name, ...data, ...modifiers). RawRecord.args holds the data after the label,
// in presentation order (see raw-types.ts for the table).


/** A record: IPv4 address (a string, or a number from IP()). */
export const A = makeRecordBuilder({
  type: 'A',
  args: ['address'],
  finish: (r) => {
    if (typeof r.args[0] === 'number') r.args[0] = numberToIPv4(r.args[0]);
  },
}) as (name: string, address: string | number, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** AAAA record: IPv6 address. */
export const AAAA = makeRecordBuilder({ type: 'AAAA', args: ['address'] }) as (name: string, address: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** ALIAS pseudo record: a CNAME-like alias allowed at the apex (providers flatten it). */
export const ALIAS = makeRecordBuilder({ type: 'ALIAS', args: ['target'], targetIndex: 0 }) as (name: string, target: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** CAA record: `CAA(name, tag, value[, CAA_CRITICAL])`; tag is issue, issuewild, iodef, issuemail, issuevmc ... */
export const CAA = makeRecordBuilder({
  type: 'CAA',
  args: ['tag', 'value'],
  finish: (r) => {
    r.args.unshift(r.caaFlag);
  },
}) as (name: string, tag: string, value: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** CNAME record: target is relative to the zone unless it ends with a dot. */
export const CNAME = makeRecordBuilder({ type: 'CNAME', args: ['target'], targetIndex: 0 }) as (name: string, target: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** DHCID record: base64 data. */
export const DHCID = makeRecordBuilder({ type: 'DHCID', args: ['digest'] }) as (name: string, digest: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** DNAME record: redirects the whole subtree below the name. */
export const DNAME = makeRecordBuilder({ type: 'DNAME', args: ['target'] }) as (name: string, target: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** DNSKEY record: flags, protocol (3), algorithm, base64 public key. */
export const DNSKEY = makeRecordBuilder({ type: 'DNSKEY', args: ['flags', 'protocol', 'algorithm', 'publickey'] }) as (
  name: string, flags: number, protocol: number, algorithm: number, publickey: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** DS record: key tag, algorithm, digest type, hex digest. */
export const DS = makeRecordBuilder({ type: 'DS', args: ['keytag', 'algorithm', 'digesttype', 'digest'] }) as (
  name: string, keytag: number, algorithm: number, digesttype: number, digest: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** The HTTPS/SVCB builder's signatures: the SvcParams string may be left out before modifiers. */
export interface SvcbBuilder {
  (name: string, priority: number, target: string, params: string, ...modifiers: RecordModifier[]): DomainModifierFn;
  (name: string, priority: number, target: string, ...modifiers: RecordModifier[]): DomainModifierFn;
}

/** HTTPS record: priority, target, SvcParams (`alpn=h2,h3 ipv4hint=...`; may be omitted). */
export const HTTPS = makeRecordBuilder({ type: 'HTTPS', args: ['priority', 'target', 'params'], optional: [''] }) as SvcbBuilder;

/** LOC record: `LOC(name, d1, m1, s1, "N"|"S", d2, m2, s2, "E"|"W", altitude, size, horizprecision, vertprecision)` (metres). */
export const LOC = makeRecordBuilder({
  type: 'LOC',
  args: ['d1', 'm1', 's1', 'ns', 'd2', 'm2', 's2', 'ew', 'alt', 'siz', 'hp', 'vp'],
}) as (
  name: string, d1: number, m1: number, s1: number, ns: 'N' | 'S', d2: number, m2: number, s2: number, ew: 'E' | 'W',
  alt: number, siz: number, hp: number, vp: number, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** MX record: preference, mail exchanger (`.` for a null MX). */
export const MX = makeRecordBuilder({ type: 'MX', args: ['priority', 'target'], targetIndex: 1 }) as (
  name: string, priority: number, target: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** NAPTR record: order, preference, flags, service, regexp, replacement. */
export const NAPTR = makeRecordBuilder({ type: 'NAPTR', args: ['order', 'preference', 'flags', 'service', 'regexp', 'target'] }) as (
  name: string, order: number, preference: number, flags: string, service: string, regexp: string, target: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** NS record: delegates a subdomain (use NAMESERVER for the apex). */
export const NS = makeRecordBuilder({ type: 'NS', args: ['target'], targetIndex: 0 }) as (name: string, target: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** OPENPGPKEY record: the key, hex or base64. */
export const OPENPGPKEY = makeRecordBuilder({ type: 'OPENPGPKEY', args: ['key'] }) as (name: string, key: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** PTR record; in a reverse zone the name may be a full IP address or a REV() name. */
export const PTR = makeRecordBuilder({ type: 'PTR', args: ['target'] }) as (name: string, target: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** RP record: responsible person's mailbox (as a name) and a TXT name. */
export const RP = makeRecordBuilder({ type: 'RP', args: ['mbox', 'txt'] }) as (name: string, mbox: string, txt: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** SMIMEA record: usage, selector, matching type, certificate data; `._smimecert` is appended to the name. */
export const SMIMEA = makeRecordBuilder({
  type: 'SMIMEA',
  args: ['usage', 'selector', 'matchingtype', 'certificate'],
  label: (l) => (l === '@' ? '_smimecert' : `${l}._smimecert`),
}) as (name: string, usage: number, selector: number, matchingtype: number, certificate: string, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** SOA record (only at `@`; BIND-style providers): primary NS, mailbox, refresh, retry, expire, minimum. */
export const SOA = makeRecordBuilder({
  type: 'SOA',
  args: ['ns', 'mbox', 'refresh', 'retry', 'expire', 'minttl'],
  finish: (r) => {
    // The serial is the provider's business; it sits in its presentation place as 0.
    r.args.splice(2, 0, 0);
  },
}) as (name: string, ns: string, mbox: string, refresh: number, retry: number, expire: number, minttl: number, ...modifiers: RecordModifier[]) => DomainModifierFn;

/** SRV record: priority, weight, port, target. */
export const SRV = makeRecordBuilder({ type: 'SRV', args: ['priority', 'weight', 'port', 'target'], targetIndex: 3 }) as (
  name: string, priority: number, weight: number, port: number, target: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** SSHFP record: algorithm, fingerprint type, hex fingerprint. */
export const SSHFP = makeRecordBuilder({ type: 'SSHFP', args: ['algorithm', 'fptype', 'fingerprint'] }) as (
  name: string, algorithm: number, fptype: number, fingerprint: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** SVCB record: priority, target, SvcParams (may be omitted). */
export const SVCB = makeRecordBuilder({ type: 'SVCB', args: ['priority', 'target', 'params'], optional: [''] }) as SvcbBuilder;

/** TLSA record: usage, selector, matching type, certificate association data. */
export const TLSA = makeRecordBuilder({ type: 'TLSA', args: ['usage', 'selector', 'matchingtype', 'certificate'] }) as (
  name: string, usage: number, selector: number, matchingtype: number, certificate: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;

/** How TXT reads its arguments (SPF_BUILDER adds TXT records directly). */
export const TXT_SPEC: RecordSpec = { type: 'TXT', args: ['text'] };

/** TXT record: one logical string; an array is joined (splitting into 255-byte strings is the provider's job). */
export const TXT = makeRecordBuilder(TXT_SPEC) as (name: string, text: string | readonly string[], ...modifiers: RecordModifier[]) => DomainModifierFn;

/**
 * Route 53 alias: `R53_ALIAS(name, type, target[, R53_ZONE(id)][, R53_EVALUATE_TARGET_HEALTH(bool)])`;
 * the two options become record meta (`r53_alias_zone_id`, `r53_alias_evaluate_target_health`).
 */
export const R53_ALIAS = makeRecordBuilder({ type: 'R53_ALIAS', args: ['type', 'target'] }) as (
  name: string, type: R53AliasType, target: string, ...modifiers: RecordModifier[]
) => DomainModifierFn;
