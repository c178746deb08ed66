// Golden IR: the DSL's golden configs (test/fixtures/dsl/, both the global and the import form)
// plus test/fixtures/ir/all-types.ts, evaluated, normalised and printed with irToJson, must equal
// test/fixtures/ir/golden/<name>.ir.json byte for byte; diagnostics must equal <name>.diagnostics
// (absent: none). ZONESMITH_UPDATE_GOLDEN=1 rewrites the files; review the diff before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { irToJson } from '../../src/ir/ir-file.js';
import { normalizeConfig } from '../../src/ir/normalize.js';
import { RECORD_TYPES } from '../../src/records/types.js';
import { evaluateConfig } from './support/evaluate.js';

const GOLDEN = 'test/fixtures/ir/golden';
const UPDATE = process.env['ZONESMITH_UPDATE_GOLDEN'] === '1';

const configs = [
  ...readdirSync('test/fixtures/dsl').filter((f) => /^\d{3}-.*\.(js|ts)$/.test(f)).map((f) => join('test/fixtures/dsl', f)),
  'test/fixtures/ir/all-types.ts',
].sort();

const typesByForm = { js: new Set<string>(), ts: new Set<string>() };

describe('golden IR', () => {
  for (const config of configs) {
    const name = config.split('/').pop()?.replace(/\.(js|ts)$/, '') as string;
    it(name, async () => {
      const varsFile = config.replace(/\.(js|ts)$/, '.vars.json');
      const vars = existsSync(varsFile) ? (JSON.parse(readFileSync(varsFile, 'utf8')) as Record<string, string>) : undefined;
      const evaluated = await evaluateConfig(config, vars);
      expect(evaluated.error).toBeUndefined();
      const { ir, diagnostics } = normalizeConfig(evaluated.raw as NonNullable<typeof evaluated.raw>);
      const json = irToJson(ir);
      const diags = diagnostics.map(formatDiagnostic).join('\n');
      const irFile = join(GOLDEN, `${name}.ir.json`);
      const diagFile = join(GOLDEN, `${name}.diagnostics`);
      if (UPDATE) {
        writeFileSync(irFile, json);
        if (diags) writeFileSync(diagFile, `${diags}\n`);
      }
      expect(json).toBe(readFileSync(irFile, 'utf8'));
      expect(diags).toBe(existsSync(diagFile) ? readFileSync(diagFile, 'utf8').trimEnd() : '');
      const form = config.endsWith('.ts') ? typesByForm.ts : typesByForm.js;
      for (const d of ir.domains) for (const r of d.records) form.add(r.type);
    });
  }

  it('covers every record type in both forms', () => {
    const all = [...RECORD_TYPES, 'R53_ALIAS'];
    expect(all.filter((t) => !typesByForm.js.has(t))).toEqual([]);
    expect(all.filter((t) => !typesByForm.ts.has(t))).toEqual([]);
  });
});
