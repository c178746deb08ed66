import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawConfig } from '../../src/dsl/raw-types.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import { evaluateConfig } from './support/evaluate.js';

const DIR = 'test/fixtures/invalid';
const files = readdirSync(DIR).filter((f) => /^\d{3}-.*\.(js|ts)$/.test(f)).sort();

/** `// expect: error cname-at-apex 4:5` lines: what the file must produce, all of it. */
function expected(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/^\/\/ expect: (error|warning|info) ([a-z0-9-]+) (\d+:\d+|-)\s*$/gm)) out.push(`${m[1]} ${m[2]} ${m[3]}`);
  return out.sort();
}

describe('invalid configs', () => {
  it('has at least 60 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });
  for (const file of files) {
    it(file, async () => {
      const want = expected(readFileSync(join(DIR, file), 'utf8'));
      expect(want.length, 'the fixture declares what it expects').toBeGreaterThan(0);
      const evaluated = await evaluateConfig(join(DIR, file));
      if (evaluated.error) {
        // The DSL stops at its first error (as DNSControl does): that one error is the result.
        const { code, line, column, message } = evaluated.error;
        expect([`error ${code} ${line}:${column}`], message).toEqual(want);
        return;
      }
      const { diagnostics } = normalizeConfig(evaluated.raw as RawConfig);
      const got = diagnostics.map((d) => `${d.severity} ${d.code} ${d.source ? `${d.source.line}:${d.source.column}` : '-'}`).sort();
      expect(got, diagnostics.map((d) => d.message).join('\n')).toEqual(want);
      for (const d of diagnostics) if (d.source) expect(d.source.file).toBe(join(DIR, file));
    });
  }
});
