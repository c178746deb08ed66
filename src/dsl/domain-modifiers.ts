import { toSeconds } from './duration.js';
import { DslError, show } from './errors.js';
import { domainFlag, domainModifier, registerCallable } from './modifier.js';
import { callWith, entryPos } from './pos.js';
import type { DomainFlag, DomainModifierFn, Duration } from './types.js';

/** TTL for the records that follow in this D() (records take the value current when they are added). */
export const DefaultTTL = registerCallable('DefaultTTL', function DefaultTTL(ttl: Duration): DomainModifierFn {
  const seconds = toSeconds(ttl, 'DefaultTTL');
  return domainModifier(`DefaultTTL(${JSON.stringify(ttl)})`, (ctx) => {
    ctx.d.defaultTtl = seconds;
  });
});

/** Adds an explicit nameserver for delegation (and the apex NS records). */
export const NAMESERVER = registerCallable('NAMESERVER', function NAMESERVER(name: string): DomainModifierFn {
  const pos = entryPos(NAMESERVER);
  if (arguments.length !== 1) {
    throw new DslError('dsl-arg-count', 'NAMESERVER only accepts one argument for name');
  }
  if (typeof name !== 'string' || name === '') {
    throw new DslError('dsl-bad-argument', `NAMESERVER: the name must be a non-empty string, not ${show(name)}`);
  }
  return domainModifier(`NAMESERVER(${JSON.stringify(name)})`, (ctx) => {
    ctx.d.nameservers.push({ name, pos });
  });
});

/** TTL of the apex NS records generated for the domain's nameservers (default 300). */
export const NAMESERVER_TTL = registerCallable('NAMESERVER_TTL', function NAMESERVER_TTL(ttl: Duration): DomainModifierFn {
  const seconds = toSeconds(ttl, 'NAMESERVER_TTL');
  return domainModifier(`NAMESERVER_TTL(${JSON.stringify(ttl)})`, (ctx) => {
    ctx.d.nameserverTtl = seconds;
  });
});

/** Never delete records that exist at the provider but not in the config. */
export const NO_PURGE: DomainFlag = domainFlag('NO_PURGE', (ctx) => {
  ctx.d.noPurge = true;
});

/** Delete records that are not in the config (the default; undoes NO_PURGE). */
export const PURGE: DomainFlag = domainFlag('PURGE', (ctx) => {
  ctx.d.noPurge = false;
});

function glob(fn: string, what: string, v: unknown): string {
  if (v === undefined) return '*';
  if (typeof v !== 'string' || v === '') {
    throw new DslError('dsl-bad-argument', `${fn}: the ${what} pattern must be a non-empty string, not ${show(v)}`);
  }
  return v;
}

/**
 * Hands-off rule: leave existing records alone whose label, type and target match the globs
 * (each defaults to `*`; types is a comma-separated list).
 */
export const IGNORE = registerCallable('IGNORE', function IGNORE(labelPattern?: string, rtypes?: string, targetPattern?: string): DomainModifierFn {
  const pos = entryPos(IGNORE);
  const label = glob('IGNORE', 'label', labelPattern);
  const types = glob('IGNORE', 'type', rtypes);
  const target = glob('IGNORE', 'target', targetPattern);
  return domainModifier(`IGNORE(${JSON.stringify(label)})`, (ctx) => {
    ctx.d.ignores.push({ label, types, target, pos });
  });
});

/** `IGNORE(name, types)`: leave existing records at matching labels alone. */
export const IGNORE_NAME = registerCallable('IGNORE_NAME', function IGNORE_NAME(name: string, rtypes?: string): DomainModifierFn {
  return callWith(entryPos(IGNORE_NAME), IGNORE, name, rtypes);
});

/** `IGNORE("*", type, target)`: leave existing records with matching targets alone. */
export const IGNORE_TARGET = registerCallable('IGNORE_TARGET', function IGNORE_TARGET(target: string, rtype?: string): DomainModifierFn {
  return callWith(entryPos(IGNORE_TARGET), IGNORE, '*', rtype, target);
});

/** Leave alone the records Kubernetes external-dns owns (found through its TXT ownership records). */
export const IGNORE_EXTERNAL_DNS = registerCallable('IGNORE_EXTERNAL_DNS', function IGNORE_EXTERNAL_DNS(prefix?: string): DomainModifierFn {
  if (prefix !== undefined && typeof prefix !== 'string') {
    throw new DslError('dsl-bad-argument', `IGNORE_EXTERNAL_DNS: the prefix must be a string, not ${show(prefix)}`);
  }
  return domainModifier('IGNORE_EXTERNAL_DNS', (ctx) => {
    ctx.d.ignoreExternalDns = { prefix: prefix ?? '' };
  });
});

/** Allow desired records that also match an IGNORE rule (otherwise an error). */
export const DISABLE_IGNORE_SAFETY_CHECK: DomainFlag = domainFlag('DISABLE_IGNORE_SAFETY_CHECK', (ctx) => {
  ctx.d.disableIgnoreSafetyCheck = true;
});

/** Ask the DNS provider to sign the zone (managed DNSSEC). */
export const AUTODNSSEC_ON: DomainFlag = domainFlag('AUTODNSSEC_ON', (ctx) => {
  ctx.d.autoDnssec = 'on';
});

/** Ask the DNS provider to stop signing the zone. */
export const AUTODNSSEC_OFF: DomainFlag = domainFlag('AUTODNSSEC_OFF', (ctx) => {
  ctx.d.autoDnssec = 'off';
});

/** Deprecated in DNSControl and a no-op there too; use AUTODNSSEC_ON or AUTODNSSEC_OFF. */
export const AUTODNSSEC: DomainFlag = domainFlag('AUTODNSSEC', () => {});

/** zonesmith: thresholds for SAFETY_THRESHOLDS, in percent of the zone's existing records. */
export interface SafetyThresholds {
  /** Refuse a push that would update more than this percentage of existing records (default 30). */
  readonly updatePercent?: number;
  /** Refuse a push that would delete more than this percentage of existing records (default 30). */
  readonly deletePercent?: number;
  /** The thresholds apply only to zones with at least this many existing records (default 10). */
  readonly minExisting?: number;
}

function percent(key: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !(v >= 0 && v <= 100)) {
    throw new DslError('dsl-bad-argument', `SAFETY_THRESHOLDS: ${key} must be a number from 0 to 100, not ${show(v)}`);
  }
  return v / 100;
}

/** zonesmith: per-domain safety thresholds (percentages), applied to every push of this domain. */
export const SAFETY_THRESHOLDS = registerCallable('SAFETY_THRESHOLDS', function SAFETY_THRESHOLDS(t: SafetyThresholds): DomainModifierFn {
  if (t === null || typeof t !== 'object' || Array.isArray(t)) {
    throw new DslError('dsl-bad-argument', `SAFETY_THRESHOLDS: the argument must be an object such as { deletePercent: 10 }, not ${show(t)}`);
  }
  for (const key of Object.keys(t)) {
    if (key !== 'updatePercent' && key !== 'deletePercent' && key !== 'minExisting') {
      throw new DslError('dsl-bad-argument', `SAFETY_THRESHOLDS: unknown key ${JSON.stringify(key)} (expected updatePercent, deletePercent, minExisting)`);
    }
  }
  const maxUpdateFraction = percent('updatePercent', t.updatePercent);
  const maxDeleteFraction = percent('deletePercent', t.deletePercent);
  const min: unknown = t.minExisting;
  if (min !== undefined && (typeof min !== 'number' || !Number.isInteger(min) || min < 0)) {
    throw new DslError('dsl-bad-argument', `SAFETY_THRESHOLDS: minExisting must be a whole number >= 0, not ${show(min)}`);
  }
  return domainModifier('SAFETY_THRESHOLDS', (ctx) => {
    ctx.d.safety = {
      ...ctx.d.safety,
      ...(maxUpdateFraction === undefined ? {} : { maxUpdateFraction }),
      ...(maxDeleteFraction === undefined ? {} : { maxDeleteFraction }),
      ...(min === undefined ? {} : { minExisting: min as number }),
    };
  });
});

/** The label RECORD_VERSION() uses when given none. */
export const DEFAULT_RECORD_VERSION_LABEL = '_zonesmith-version';

/** zonesmith: publish a TXT record at `label` naming the commit that produced the zone's state (meta `zonesmith_record_version`). */
export const RECORD_VERSION = registerCallable('RECORD_VERSION', function RECORD_VERSION(label?: string): DomainModifierFn {
  if (label !== undefined && (typeof label !== 'string' || label === '')) {
    throw new DslError('dsl-bad-argument', `RECORD_VERSION: the label must be a non-empty string, not ${show(label)}`);
  }
  const value = label ?? DEFAULT_RECORD_VERSION_LABEL;
  return domainModifier(`RECORD_VERSION(${JSON.stringify(value)})`, (ctx) => {
    ctx.d.meta['zonesmith_record_version'] = value;
  });
});
