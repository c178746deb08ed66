// The contract with the loader (docs/dsl.md "Runtime contract"), end to end: the real loader
// (esbuild bundle, isolated-vm, source maps) must turn every golden fixture into the golden
// RawConfig, with each `pos` mapped to a `source` at the same line and column, and every error
// fixture into a diagnostic with the DslError's code at its position.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/load/index.js';
import type { ZonesmithError } from '../../src/errors.js';
import { ROOT } from './harness.js';

const DIR = path.join(ROOT, 'test/fixtures/dsl');

/** The loader's output with `source` turned back into the golden's `pos`. */
function asGolden(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asGolden);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'source') {
        const s = x as { line: number; column: number };
        out['pos'] = { line: s.line, column: s.column };
      } else if (k !== 'pos') {
        out[k] = asGolden(x);
      }
    }
    return out;
  }
  return v;
}

const fixtures = (dir: string): string[] => readdirSync(dir).filter((f) => /^\d{3}-[\w-]+\.(js|ts)$/.test(f)).sort();

describe('through the loader', () => {
  for (const name of fixtures(DIR)) {
    it(name, async () => {
      const vars = path.join(DIR, name.replace(/\.(js|ts)$/, '.vars.json'));
      const variables = existsSync(vars) ? (JSON.parse(readFileSync(vars, 'utf8')) as Record<string, string>) : undefined;
      const raw = await loadConfig({ configPath: path.join(DIR, name), ...(variables ? { variables } : {}) });
      const golden: unknown = JSON.parse(readFileSync(path.join(DIR, name.replace(/\.(js|ts)$/, '.raw.json')), 'utf8'));
      expect(asGolden(raw)).toEqual(golden);
    });
  }

  for (const name of fixtures(path.join(DIR, 'errors'))) {
    it(`errors/${name}`, async () => {
      const want = JSON.parse(readFileSync(path.join(DIR, 'errors', name.replace(/\.(js|ts)$/, '.error.json')), 'utf8')) as {
        code: string;
        pos?: { line: number; column: number };
      };
      const err = (await loadConfig({ configPath: path.join(DIR, 'errors', name) }).then(
        () => undefined,
        (e: unknown) => e,
      )) as ZonesmithError | undefined;
      const d = err?.diagnostics[0];
      expect(d?.code).toBe(want.code);
      expect(d?.source ? { line: d.source.line, column: d.source.column } : undefined).toEqual(want.pos);
    });
  }
});
