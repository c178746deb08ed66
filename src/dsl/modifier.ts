import type { DomainCtx, RecordDraft } from './draft.js';
import { DslError, show } from './errors.js';
import type { DomainModifierFn, RecordModifierFn } from './types.js';

/** What a DSL-made modifier function does; kept out of the user's reach in a WeakMap. */
interface ModifierImpl {
  /** For messages: `TTL(...)`, `NO_PURGE`. */
  readonly name: string;
  readonly domain?: (ctx: DomainCtx) => void;
  readonly record?: (r: RecordDraft) => void;
}

const modifiers = new WeakMap<object, ModifierImpl>();
/** Record builders and builder macros themselves (`A`, not `A(...)`), to explain a forgotten call. */
const callables = new WeakMap<object, string>();

function makeFn(impl: ModifierImpl): object {
  // Calling a modifier returns it, so `NO_PURGE` and `NO_PURGE()` both work.
  const fn = function modifier(): unknown {
    return fn;
  };
  modifiers.set(fn, impl);
  return fn;
}

/** A modifier that changes a domain (D, D_EXTEND, DEFAULTS arguments). */
export function domainModifier(name: string, apply: (ctx: DomainCtx) => void): DomainModifierFn {
  return makeFn({ name, domain: apply }) as DomainModifierFn;
}

/** A modifier that changes one record (record builder arguments after the data). */
export function recordModifier(name: string, apply: (r: RecordDraft) => void): RecordModifierFn {
  return makeFn({ name, record: apply }) as RecordModifierFn;
}

/** A modifier valid in both places (R53_ZONE). */
export function dualModifier(
  name: string,
  domain: (ctx: DomainCtx) => void,
  record: (r: RecordDraft) => void,
): DomainModifierFn & RecordModifierFn {
  return makeFn({ name, domain, record }) as DomainModifierFn & RecordModifierFn;
}

/** Remembers a DSL function that must be called to produce a modifier (`A`, `TTL`, `SPF_BUILDER`). */
export function registerCallable<F extends Function>(name: string, fn: F): F {
  callables.set(fn, name);
  return fn;
}

/** Printable form of a value for messages, naming DSL functions and modifiers (`NO_PURGE (a domain modifier)`). */
export function describe(value: unknown): string {
  if (typeof value === 'function') {
    const impl = modifiers.get(value);
    if (impl) return `${impl.name} (a ${impl.domain && impl.record ? 'domain or record' : impl.domain ? 'domain' : 'record'} modifier)`;
    const fnName = callables.get(value);
    if (fnName !== undefined) return `the function ${fnName}`;
  }
  return show(value);
}

function misuse(where: string, index: number, value: unknown, expected: string): DslError {
  const fnName = typeof value === 'function' ? callables.get(value) : undefined;
  if (fnName !== undefined) {
    return new DslError('dsl-bad-modifier', `${where}: argument ${index} is the function ${fnName} itself; call it: ${fnName}(...)`);
  }
  return new DslError('dsl-bad-modifier', `${where}: argument ${index} is ${describe(value)}, not ${expected}`);
}

/**
 * Applies one D()/D_EXTEND()/DEFAULTS() argument: DSL modifier functions run, arrays are
 * flattened, plain objects are merged into the domain's metadata (DNSControl's processDargs).
 */
export function applyDomainModifier(ctx: DomainCtx, m: unknown, index: number): void {
  if (typeof m === 'function') {
    const impl = modifiers.get(m);
    if (impl?.domain) {
      impl.domain(ctx);
      return;
    }
    if (impl?.record) {
      throw new DslError(
        'dsl-record-modifier-on-domain',
        `${ctx.where}: argument ${index} (${impl.name}) is a record modifier; put it inside a record, e.g. A("@", "192.0.2.1", ${impl.name})` +
          (impl.name.startsWith('TTL') ? ', or use DefaultTTL() for the whole domain' : ''),
      );
    }
    throw misuse(ctx.where, index, m, 'a domain modifier');
  }
  if (Array.isArray(m)) {
    for (const item of m) applyDomainModifier(ctx, item, index);
    return;
  }
  if (m !== null && typeof m === 'object') {
    Object.assign(ctx.d.meta, m);
    return;
  }
  throw misuse(ctx.where, index, m, 'a domain modifier (a DSL function, a metadata object or an array of them)');
}

/** Applies one record modifier: DSL functions run, plain objects are merged into the record's metadata. */
export function applyRecordModifier(r: RecordDraft, m: unknown, where: string, index: number): void {
  if (typeof m === 'function') {
    const impl = modifiers.get(m);
    if (impl?.record) {
      impl.record(r);
      return;
    }
    if (impl?.domain) {
      throw new DslError(
        'dsl-domain-modifier-on-record',
        `${where}: argument ${index} (${impl.name}) is a domain modifier; give it to D() instead of a record`,
      );
    }
    throw misuse(where, index, m, 'a record modifier');
  }
  if (m !== null && typeof m === 'object' && !Array.isArray(m)) {
    Object.assign(r.meta, m);
    return;
  }
  throw misuse(where, index, m, 'a record modifier (a DSL function or a metadata object)');
}

/** True for a value a record builder treats as a modifier rather than a data argument. */
export function isRecordModifierArg(v: unknown): boolean {
  return typeof v === 'function' || (v !== null && typeof v === 'object' && !Array.isArray(v));
}
