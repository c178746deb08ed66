import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/ir/normalize.js';
import { evaluateCode } from './support/evaluate.js';

const DOC = readFileSync('docs/diagnostics.md', 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Codes written as literals where diagnostics and RdataErrors are made. */
function literalCodes(dirs: string[]): Set<string> {
  const out = new Set<string>();
  const re = /(?:\b(?:error|warning|issue)\(|new RdataError\(|rangeIssue\(out, |\bcode: )'([a-z0-9]+(?:-[a-z0-9]+)+)'/g;
  for (const file of dirs.flatMap(sources)) for (const m of readFileSync(file, 'utf8').matchAll(re)) out.add(m[1] as string);
  return out;
}

/** Table rows: code(s), severity, example. */
function rows(): { codes: string[]; severity: string; example: string }[] {
  const out: { codes: string[]; severity: string; example: string }[] = [];
  for (const line of DOC.split('\n')) {
    const cells = line.split(' | ');
    if (!line.startsWith('| `') || cells.length < 4) continue;
    const codes = [...(cells[0] as string).matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] as string);
    out.push({ codes, severity: (cells[1] as string).trim(), example: (cells[cells.length - 1] as string).replace(/\s*\|\s*$/, '').trim() });
  }
  return out;
}

describe('docs/diagnostics.md', () => {
  it('lists every code src/ir and src/records can produce', () => {
    const documented = new Set(rows().flatMap((r) => r.codes));
    const missing = [...literalCodes(['src/ir', 'src/records'])].filter((c) => !documented.has(c));
    expect(missing).toEqual([]);
  });

  it('gives examples that really produce their code', async () => {
    let tried = 0;
    const wrong: string[] = [];
    for (const row of rows()) {
      const ex = row.example.replace(/^`|`$/g, '');
      // Only complete DSL calls can be run; elided ("...") and non-DSL examples are prose.
      if (!/^[A-Z_0-9]+\(/.test(ex) || ex.includes('...') || ex.includes('`')) continue;
      const topLevel = /^(D|NewRegistrar|NewDnsProvider)\(/.test(ex);
      const code = topLevel
        ? `var REG = NewRegistrar("none");\n${ex};`
        : `var REG = NewRegistrar("none");\nvar DNS = NewDnsProvider("dns", "BIND");\nD("example.com", REG, ${ex});`;
      const evaluated = await evaluateCode(code, 'example.js');
      // The DSL itself may reject an example first (its own dsl-* codes): that counts as a miss.
      const found = evaluated.raw
        ? normalizeConfig(evaluated.raw).diagnostics.map((d) => `${d.severity} ${d.code}`)
        : [`error ${evaluated.error?.code}: ${evaluated.error?.message}`];
      tried++;
      if (!found.includes(`${row.severity} ${row.codes[0]}`)) wrong.push(`${row.codes[0]}: ${ex} gave [${found.join(', ')}]`);
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(40);
  });
});
