import type { DomainCtx, RecordDraft } from './draft.js';
import { DslError, show } from './errors.js';
import type { DomainFlag, DomainModifierFn, RecordFlag, RecordModifierFn } from './types.js';

/**
 * A modifier made by the DSL (`A(...)`, `TTL(300)`, `DnsProvider(...)`). Instances are opaque to
 * configs; a class rather than closures in a WeakMap because a large config makes hundreds of
 * thousands of them (see the scale test).
 */
export abstract class Modifier {
  /** For messages: `TTL(300)`, `NO_PURGE`. Built only when a message needs it. */
  abstract describe(): string;
  /** Present when the modifier may be given to D(), D_EXTEND() or DEFAULTS(). */
  applyDomain?(ctx: DomainCtx): void;
  /** Present when the modifier may be given to a record builder. */
  applyRecord?(r: RecordDraft): void;
}

class FnModifier extends Modifier {
  constructor(
    private readonly name: string,
    domain: ((ctx: DomainCtx) => void) | undefined,
    record: ((r: RecordDraft) => void) | undefined,
  ) {
    super();
    if (domain) this.applyDomain = domain;
    if (record) this.applyRecord = record;
  }

  describe(): string {
    return this.name;
  }
}

// Flag constants (NO_PURGE, CAA_CRITICAL) are functions, so that both `NO_PURGE` and
// `NO_PURGE()` work as in DNSControl; the symbol leads from the function to its modifier.
const FLAG = Symbol('zonesmith.modifier');

/** Record builders and builder macros themselves (`A`, not `A(...)`), to explain a forgotten call. */
const callables = new WeakMap<object, string>();

/** The modifier a value stands for, if it is one. */
export function asModifier(v: unknown): Modifier | undefined {
  if (v instanceof Modifier) return v;
  if (typeof v === 'function') return (v as unknown as { [FLAG]?: Modifier })[FLAG];
  return undefined;
}

function flag(m: Modifier): unknown {
  const fn = function flag(): unknown {
    return fn;
  };
  Object.defineProperty(fn, FLAG, { value: m });
  return fn;
}

/** A modifier that changes a domain (D, D_EXTEND, DEFAULTS arguments). */
export function domainModifier(name: string, apply: (ctx: DomainCtx) => void): DomainModifierFn {
  return new FnModifier(name, apply, undefined) as unknown as DomainModifierFn;
}

/** A modifier that changes one record (record builder arguments after the data). */
export function recordModifier(name: string, apply: (r: RecordDraft) => void): RecordModifierFn {
  return new FnModifier(name, undefined, apply) as unknown as RecordModifierFn;
}

/** A modifier valid in both places (R53_ZONE). */
export function dualModifier(
  name: string,
  domain: (ctx: DomainCtx) => void,
  record: (r: RecordDraft) => void,
): DomainModifierFn & RecordModifierFn {
  return new FnModifier(name, domain, record) as unknown as DomainModifierFn & RecordModifierFn;
}

/** A domain modifier constant usable with or without parentheses (`NO_PURGE`). */
export function domainFlag(name: string, apply: (ctx: DomainCtx) => void): DomainFlag {
  return flag(new FnModifier(name, apply, undefined)) as DomainFlag;
}

/** A record modifier constant usable with or without parentheses (`CAA_CRITICAL`). */
export function recordFlag(name: string, apply: (r: RecordDraft) => void): RecordFlag {
  return flag(new FnModifier(name, undefined, apply)) as RecordFlag;
}

/** Remembers a DSL function that must be called to produce a modifier (`A`, `TTL`, `SPF_BUILDER`). */
export function registerCallable<F extends Function>(name: string, fn: F): F {
  callables.set(fn, name);
  return fn;
}

/** Printable form of a value for messages, naming DSL functions and modifiers (`NO_PURGE (a domain modifier)`). */
export function describe(value: unknown): string {
  const m = asModifier(value);
  if (m) return `${m.describe()} (a ${m.applyDomain && m.applyRecord ? 'domain or record' : m.applyDomain ? 'domain' : 'record'} modifier)`;
  const fnName = typeof value === 'function' ? callables.get(value) : undefined;
  if (fnName !== undefined) return `the function ${fnName}`;
  return show(value);
}

function misuse(where: string, index: number, value: unknown, expected: string): DslError {
  const fnName = typeof value === 'function' ? callables.get(value) : undefined;
  if (fnName !== undefined) {
    return new DslError('dsl-bad-modifier', `${where}: argument ${index} is the function ${fnName} itself; call it: ${fnName}(...)`);
  }
  if (typeof value === 'function') {
    return new DslError(
      'dsl-bad-modifier',
      `${where}: argument ${index} is ${describe(value)}, not a DSL modifier; custom modifier functions that edit the domain object are not supported: call a helper that returns DSL calls instead (function web() { return [A("www", "192.0.2.1")]; } ... web())`,
    );
  }
  return new DslError('dsl-bad-modifier', `${where}: argument ${index} is ${describe(value)}, not ${expected}`);
}

/**
 * Applies one D()/D_EXTEND()/DEFAULTS() argument: DSL modifiers run, arrays are flattened,
 * plain objects are merged into the domain's metadata (DNSControl's processDargs).
 */
export function applyDomainModifier(ctx: DomainCtx, m: unknown, index: number): void {
  const mod = asModifier(m);
  if (mod) {
    if (mod.applyDomain) {
      mod.applyDomain(ctx);
      return;
    }
    const name = mod.describe();
    throw new DslError(
      'dsl-record-modifier-on-domain',
      `${ctx.where}: argument ${index} (${name}) is a record modifier; put it inside a record, e.g. A("@", "192.0.2.1", ${name})` +
        (name.startsWith('TTL') ? ', or use DefaultTTL() for the whole domain' : ''),
    );
  }
  if (Array.isArray(m)) {
    for (let i = 0; i < m.length; i++) applyDomainModifier(ctx, m[i], index);
    return;
  }
  if (m !== null && typeof m === 'object') {
    Object.assign(ctx.d.meta, m);
    return;
  }
  throw misuse(ctx.where, index, m, 'a domain modifier (a DSL function, a metadata object or an array of them)');
}

/** Applies one record modifier: DSL modifiers run, plain objects are merged into the record's metadata. */
export function applyRecordModifier(r: RecordDraft, m: unknown, where: () => string, index: number): void {
  const mod = asModifier(m);
  if (mod) {
    if (mod.applyRecord) {
      mod.applyRecord(r);
      return;
    }
    throw new DslError(
      'dsl-domain-modifier-on-record',
      `${where()}: argument ${index} (${mod.describe()}) is a domain modifier; give it to D() instead of a record`,
    );
  }
  if (m !== null && typeof m === 'object' && !Array.isArray(m)) {
    Object.assign(r.meta, m);
    return;
  }
  throw misuse(where(), index, m, 'a record modifier (a DSL function or a metadata object)');
}

/** True for a value a record builder treats as a modifier rather than a data argument. */
export function isRecordModifierArg(v: unknown): boolean {
  return typeof v === 'function' || (v !== null && typeof v === 'object' && !Array.isArray(v));
}
