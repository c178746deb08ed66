import { DslError, show } from './errors.js';
import { registerCallable } from './modifier.js';
import { DSL_GLOBALS } from './names.js';

/** Stops the evaluation with this message (DNSControl prints it and exits 1). */
export const PANIC = registerCallable('PANIC', function PANIC(message: string): never {
  throw new DslError('dsl-panic', `PANIC: ${typeof message === 'string' ? message : show(message)}`);
});

/** Not available: configs are evaluated without network access (DNSControl needs --allow-fetch). */
export const FETCH = registerCallable('FETCH', function FETCH(url: string, _options?: unknown): Promise<never> {
  throw new DslError('dsl-unsupported', `FETCH(${JSON.stringify(url)}): zonesmith evaluates dnsconfig without network access, so FETCH is not available; put the data in the repository and import it`);
});

const reserved = new Set(DSL_GLOBALS);

function globalObject(): Record<string, unknown> {
  return globalThis as unknown as Record<string, unknown>;
}

/** Sets each `-v name=value` as a read-only global; called by the loader before the config runs. */
export function setVariables(json: string): void {
  const vars: unknown = JSON.parse(json);
  if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
    throw new DslError('dsl-bad-variable', 'setVariables: expected a JSON object of name → value');
  }
  for (const [name, value] of Object.entries(vars)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new DslError('dsl-bad-variable', `-v ${name}: a variable name must be a JavaScript identifier`);
    }
    if (reserved.has(name) || name in globalThis) {
      throw new DslError('dsl-bad-variable', `-v ${name}: the name is already a global (${reserved.has(name) ? 'a DSL function' : 'a built-in'}); pick another`);
    }
    Object.defineProperty(globalThis, name, { value, writable: false, enumerable: true, configurable: false });
  }
}

/** Defaults for `-v name=value` variables: each name not set on the command line becomes a global. */
export const CLI_DEFAULTS = registerCallable('CLI_DEFAULTS', function CLI_DEFAULTS(defaults: Record<string, unknown>): void {
  if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
    throw new DslError('dsl-bad-argument', `CLI_DEFAULTS: the argument must be an object of name → value, not ${show(defaults)}`);
  }
  const g = globalObject();
  for (const [name, value] of Object.entries(defaults)) {
    if (typeof g[name] === 'undefined') {
      Object.defineProperty(globalThis, name, { value, writable: true, enumerable: true, configurable: true });
    }
  }
});

/** Deprecated no-op kept for old configs: returns its argument (long TXT records need no help). */
export const DKIM = registerCallable('DKIM', function DKIM<T>(arr: T): T {
  return arr;
});

/** Deprecated no-op kept for old configs: an empty metadata object. */
export const AUTOSPLIT: Readonly<Record<string, never>> = Object.freeze({});
