import { basename } from 'node:path';
import type { RawConfig, RawPos } from '../../../src/dsl/raw-types.js';
import { evaluate, evaluateFile, type EvalResult } from '../../dsl/harness.js';

/** What evaluating a config file gave: the RawConfig, or the error that stopped it (code and place). */
export interface Evaluated {
  readonly raw?: RawConfig;
  readonly error?: { readonly code: string; readonly message: string; readonly line?: number; readonly column?: number };
}

/**
 * Evaluates a config file with the real DSL runtime. INTERIM: through the DSL's node:vm test
 * harness until src/load's loadConfig lands, then through loadConfig (bundle, isolate, source map).
 * Positions become `source` with the file's base name, as the loader will report them.
 */
export async function evaluateConfig(file: string, variables?: Record<string, string>): Promise<Evaluated> {
  return evaluated(await evaluateFile(file, variables ? { variables } : {}), basename(file));
}

/** evaluateConfig for config text written in a test; positions are reported in `file`. */
export async function evaluateCode(code: string, file: string): Promise<Evaluated> {
  return evaluated(await evaluate(code), file);
}

/** The RawConfig of config text that must evaluate; throws with the DSL's message otherwise. */
export async function rawConfig(code: string, file: string): Promise<RawConfig> {
  const r = await evaluateCode(code, file);
  if (!r.raw) throw new Error(`the config did not evaluate: ${r.error?.code}: ${r.error?.message}`);
  return r.raw;
}

function evaluated(r: EvalResult, name: string): Evaluated {
  if (r.error) {
    const { code = 'dsl-error', message, pos } = r.error;
    return { error: { code, message, ...(pos ? { line: pos.line, column: pos.column } : {}) } };
  }
  return { raw: withSources(r.config as RawConfig, name) };
}

function withSources<T>(value: T, file: string): T {
  if (Array.isArray(value)) return value.map((v) => withSources(v, file)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'pos' && v && typeof v === 'object') out['source'] = { file, line: (v as RawPos).line, column: (v as RawPos).column };
      else out[k] = withSources(v, file);
    }
    return out as T;
  }
  return value;
}
