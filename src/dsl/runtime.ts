/**
 * Entry point the loader bundles (esbuild, iife, platform neutral) and runs in the isolate as the
 * script `zonesmith:dsl`, before the user's config (`zonesmith:config`). It installs every DSL
 * function as a read-only global and the non-enumerable control object `__zonesmith`:
 *
 * - `setVariables(json)`: before the config runs; each `-v name=value` becomes a read-only global.
 * - `collect()`: after the config ran; the RawConfig (raw-types.ts) as a JSON string.
 * - `lastError()`: JSON `{ code, message, pos? | site? }` of the last DslError thrown, or undefined.
 *
 * and the non-enumerable `__z(site, fn, ...args)` that calls rewritten at bundle time go
 * through (pos.ts: callAt).
 */
import * as dsl from './index.js';
import { collectConfig } from './collect.js';
import { getLastError } from './errors.js';
import { setVariables } from './misc.js';
import { CONTROL_GLOBAL, DSL_GLOBALS, SITE_CALL_GLOBAL } from './names.js';
import { callAt } from './pos.js';

/** The control object the loader calls (`globalThis.__zonesmith`). */
export interface ZonesmithControl {
  setVariables(json: string): void;
  collect(): string;
  lastError(): string | undefined;
}

const exported = dsl as unknown as Record<string, unknown>;
for (const name of DSL_GLOBALS) {
  if (!(name in exported)) throw new Error(`zonesmith DSL: ${name} is listed in DSL_GLOBALS but not exported`);
  Object.defineProperty(globalThis, name, { value: exported[name], writable: false, enumerable: true, configurable: false });
}

const control: ZonesmithControl = Object.freeze({
  setVariables,
  collect: (): string => JSON.stringify(collectConfig()),
  lastError: (): string | undefined => {
    const e = getLastError();
    if (!e) return undefined;
    const at = typeof e.pos === 'number' ? { site: e.pos } : e.pos ? { pos: e.pos } : {};
    return JSON.stringify({ code: e.code, message: e.message, ...at });
  },
});
Object.defineProperty(globalThis, CONTROL_GLOBAL, { value: control, writable: false, enumerable: false, configurable: false });
Object.defineProperty(globalThis, SITE_CALL_GLOBAL, { value: callAt, writable: false, enumerable: false, configurable: false });
