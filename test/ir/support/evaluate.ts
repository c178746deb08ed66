import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawConfig } from '../../../src/dsl/raw-types.js';
import { ZonesmithError } from '../../../src/errors.js';
import { loadConfig } from '../../../src/load/index.js';

/** What evaluating a config file gave: the RawConfig, or the error that stopped it (code and place). */
export interface Evaluated {
  readonly raw?: RawConfig;
  readonly error?: { readonly code: string; readonly message: string; readonly line?: number; readonly column?: number };
}

/**
 * Evaluates a config file end to end, as `zonesmith check` does: bundled by esbuild, run in the
 * isolated-vm sandbox, positions mapped back through the source map (`source.file` is the path
 * relative to the working directory). A failure gives its first diagnostic's code and place.
 */
export async function evaluateConfig(file: string, variables?: Record<string, string>): Promise<Evaluated> {
  try {
    return { raw: await loadConfig({ configPath: file, ...(variables ? { variables } : {}) }) };
  } catch (err) {
    if (!(err instanceof ZonesmithError)) throw err;
    const d = err.diagnostics[0];
    return {
      error: {
        code: d?.code ?? err.code,
        message: d?.message ?? err.message,
        ...(d?.source ? { line: d.source.line, column: d.source.column } : {}),
      },
    };
  }
}

/** evaluateConfig for config text written in a test; positions name `file` (a bare file name). */
export async function evaluateCode(code: string, file: string): Promise<Evaluated> {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-ir-'));
  try {
    writeFileSync(join(dir, file), code);
    const r = await evaluateConfig(join(dir, file));
    return r.raw ? { raw: renameSources(r.raw, file) } : r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The RawConfig of config text that must evaluate; throws with the loader's message otherwise. */
export async function rawConfig(code: string, file: string): Promise<RawConfig> {
  const r = await evaluateCode(code, file);
  if (!r.raw) throw new Error(`the config did not evaluate: ${r.error?.code}: ${r.error?.message}`);
  return r.raw;
}

/** Every `source.file` set to `file` (the temporary directory is not part of what tests check). */
function renameSources<T>(value: T, file: string): T {
  if (Array.isArray(value)) return value.map((v) => renameSources(v, file)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'source' && v && typeof v === 'object' ? { ...v, file } : renameSources(v, file);
    return out as T;
  }
  return value;
}
