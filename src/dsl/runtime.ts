/**
 * Entry point the loader bundles (esbuild, iife, platform neutral) and runs in the isolate as the
 * script `zonesmith:dsl`, before the user's config (`zonesmith:config`). It installs every DSL
 * function as a read-only global and the non-enumerable control object `__zonesmith`:
 *
 * - `setVariables(json)`: before the config runs; each `-v name=value` becomes a read-only global.
 * - `stream(sink)`: before the config runs; hands complete domains to `sink` while it runs (stream.ts).
 * - `collect()`: after the config ran; the RawConfig (raw-types.ts) as a JSON string, without the
 *   domains already streamed.
 * - `streamed()`: after collect(); how many domains went to the sink before what collect() returned.
 * - `lastError()`: JSON `{ code, message, pos? | site? }` of the last DslError thrown, or undefined.
 *
 * and the non-enumerable `__z(site, fn, ...args)` that calls rewritten at bundle time go
 * through (pos.ts: callAt).
 */
import * as dsl from './index.js';
import { getLastError } from './errors.js';
import { setVariables } from './misc.js';
import { CONTROL_GLOBAL, DSL_GLOBALS, SITE_CALL_GLOBAL } from './names.js';
import { callAt } from './pos.js';
import { collectRest, streamTo } from './stream.js';

/** The control object the loader calls (`globalThis.__zonesmith`). */
export interface ZonesmithControl {
  setVariables(json: string): void;
  stream(sink: (text: string) => void): void;
  collect(): string;
  streamed(): number;
  lastError(): string | undefined;
}

const exported = dsl as unknown as Record<string, unknown>;
for (const name of DSL_GLOBALS) {
  if (!(name in exported)) throw new Error(`zonesmith DSL: ${name} is listed in DSL_GLOBALS but not exported`);
  Object.defineProperty(globalThis, name, { value: exported[name], writable: false, enumerable: true, configurable: false });
}

let streamed = 0;
const control: ZonesmithControl = Object.freeze({
  setVariables,
  stream: (sink: (text: string) => void): void => {
    if (typeof sink === 'function') streamTo(sink);
  },
  collect: (): string => {
    const out = collectRest();
    streamed = out.streamed;
    return out.json;
  },
  streamed: (): number => streamed,
  lastError: (): string | undefined => {
    const e = getLastError();
    if (!e) return undefined;
    const at = typeof e.pos === 'number' ? { site: e.pos } : e.pos ? { pos: e.pos } : {};
    return JSON.stringify({ code: e.code, message: e.message, ...at });
  },
});
Object.defineProperty(globalThis, CONTROL_GLOBAL, { value: control, writable: false, enumerable: false, configurable: false });
Object.defineProperty(globalThis, SITE_CALL_GLOBAL, { value: callAt, writable: false, enumerable: false, configurable: false });
