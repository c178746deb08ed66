// Runs the DSL runtime and a config the way the loader does (runtime script `zonesmith:dsl`, then
// the config script `zonesmith:config` in the same context), but in a plain node:vm context, so
// the DSL's own behaviour is tested without the sandbox. Import-form configs are bundled with the
// loader's bundler and their positions mapped with its source-map reader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { CONFIG_SCRIPT_NAME, DSL_GLOBALS, DSL_SCRIPT_NAME } from '../../src/dsl/names.js';
import type { RawConfig, RawPos } from '../../src/dsl/raw-types.js';
import type { ZonesmithControl } from '../../src/dsl/runtime.js';
import { bundleConfig } from '../../src/load/bundle.js';
import { defaultDslSource, dslBundle } from '../../src/load/dsl-source.js';
import { PositionMapper } from '../../src/load/positions.js';

/** The project root (tests read ../shared/fixtures relative to it). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The runtime bundled by the loader's own code (esbuild, iife, platform neutral). */
export function runtimeBundle(): Promise<string> {
  return dslBundle(defaultDslSource().runtimePath);
}

/** The error a config threw, as the loader sees it. */
export interface EvalError {
  readonly message: string;
  readonly code?: string;
  readonly pos?: RawPos;
}

/** What one evaluation produced. */
export interface EvalResult {
  readonly config?: RawConfig;
  readonly error?: EvalError;
  readonly context: vm.Context;
}

/** Options of evaluate(). */
export interface EvalOptions {
  /** `-v name=value` variables. */
  readonly variables?: Record<string, unknown>;
  /** Maps positions of the evaluated code back (bundled .ts fixtures). */
  readonly mapPos?: (line: number, column: number) => RawPos | undefined;
  /** Maps call sites the bundler numbered (`site`) to positions (bundled fixtures). */
  readonly mapSite?: (site: number) => RawPos | undefined;
}

type Mappers = Pick<EvalOptions, 'mapPos' | 'mapSite'>;

function mapAll(value: unknown, map: Mappers): unknown {
  if (Array.isArray(value)) return value.map((v) => mapAll(v, map));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'pos' && v && typeof v === 'object') out[k] = map.mapPos ? map.mapPos((v as RawPos).line, (v as RawPos).column) : v;
      else if (k === 'site' && typeof v === 'number') out['pos'] = map.mapSite?.(v);
      else out[k] = mapAll(v, map);
    }
    return out;
  }
  return value;
}

/** Evaluates config script text in a fresh context after the runtime. */
export async function evaluate(configCode: string, opts: EvalOptions = {}): Promise<EvalResult> {
  const context = vm.createContext({});
  new vm.Script(await runtimeBundle(), { filename: DSL_SCRIPT_NAME }).runInContext(context);
  const control = (context as { __zonesmith: ZonesmithControl }).__zonesmith;
  try {
    if (opts.variables) control.setVariables(JSON.stringify(opts.variables));
    new vm.Script(configCode, { filename: CONFIG_SCRIPT_NAME }).runInContext(context);
  } catch (e) {
    const last = control.lastError();
    const parsed = last ? (JSON.parse(last) as EvalError & { site?: number }) : { message: (e as Error).message };
    const { site, ...info } = parsed as EvalError & { site?: number };
    const error =
      site !== undefined ? { ...info, pos: opts.mapSite?.(site) } : opts.mapPos && info.pos ? { ...info, pos: opts.mapPos(info.pos.line, info.pos.column) } : info;
    return { error: error as EvalError, context };
  }
  let config = JSON.parse(control.collect()) as RawConfig;
  if (opts.mapPos || opts.mapSite) config = mapAll(config, opts) as RawConfig;
  return { config, context };
}

/** A bundled config and how to map its positions back (file names dropped). */
export interface BundledForm {
  readonly code: string;
  readonly mapPos: (line: number, column: number) => RawPos | undefined;
  readonly mapSite: (site: number) => RawPos | undefined;
}

/**
 * Bundles an import-form config (`import { D } from "zonesmith"`) with the loader's bundler;
 * `rewrite: false` bundles it without numbering and wrapping calls (the fallback build).
 */
export async function bundleImportForm(file: string, options: { rewrite?: boolean } = {}): Promise<BundledForm> {
  const bundle = await bundleConfig(file, DSL_GLOBALS, options.rewrite === false ? { rewrite: false } : {});
  const mapper = new PositionMapper(bundle, 0);
  const strip = (s: { line: number; column: number } | undefined): RawPos | undefined => (s ? { line: s.line, column: s.column } : undefined);
  return {
    code: bundle.code,
    mapPos: (line, column) => strip(mapper.map(line, column)),
    mapSite: (site) => strip(mapper.site(site)),
  };
}

/** Evaluates a fixture file: `.js` as a script (global form), `.ts` bundled (import form). */
export async function evaluateFile(file: string, opts: EvalOptions = {}): Promise<EvalResult> {
  if (file.endsWith('.ts')) {
    const { code, mapPos, mapSite } = await bundleImportForm(file);
    return evaluate(code, { ...opts, mapPos, mapSite });
  }
  return evaluate(readFileSync(file, 'utf8'), opts);
}
