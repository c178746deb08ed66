// Golden suite: every fixture in test/fixtures/dsl evaluates to the RawConfig in NNN-name.raw.json
// (positions included, mapped back to the fixture for the import form). Error fixtures in errors/
// must throw the DslError in NNN-name.error.json. UPDATE_GOLDENS=1 rewrites the expected files;
// review the diff before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS } from '../../src/dsl/names.js';
import { evaluateFile, ROOT } from './harness.js';

const DIR = path.join(ROOT, 'test/fixtures/dsl');
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

function fixtures(dir: string): string[] {
  return readdirSync(dir).filter((f) => /^\d{3}-[\w-]+\.(js|ts)$/.test(f)).sort();
}

function check(file: string, actual: unknown): void {
  if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(existsSync(file), `${path.basename(file)} missing; run with UPDATE_GOLDENS=1`).toBe(true);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

function variablesFor(file: string): Record<string, unknown> | undefined {
  const vars = file.replace(/\.(js|ts)$/, '.vars.json');
  return existsSync(vars) ? (JSON.parse(readFileSync(vars, 'utf8')) as Record<string, unknown>) : undefined;
}

describe('DSL goldens', () => {
  for (const name of fixtures(DIR)) {
    it(name, async () => {
      const file = path.join(DIR, name);
      const variables = variablesFor(file);
      const result = await evaluateFile(file, variables ? { variables } : {});
      expect(result.error).toBeUndefined();
      check(file.replace(/\.(js|ts)$/, '.raw.json'), result.config);
    });
  }
});

describe('DSL error goldens', () => {
  const errDir = path.join(DIR, 'errors');
  for (const name of fixtures(errDir)) {
    it(name, async () => {
      const result = await evaluateFile(path.join(errDir, name));
      expect(result.config).toBeUndefined();
      check(path.join(errDir, name.replace(/\.(js|ts)$/, '.error.json')), result.error);
    });
  }
});

describe('fixture coverage', () => {
  it('every DSL global is used by at least one fixture', () => {
    const texts = [DIR, path.join(DIR, 'errors')].flatMap((d) => fixtures(d).map((f) => readFileSync(path.join(d, f), 'utf8')));
    const all = texts.join('\n');
    // A use is the name as an identifier, not a property key or part of a longer name.
    const unused = DSL_GLOBALS.filter((n) => !new RegExp(`(?<![\\w.$])${n}(?![\\w$])(?!\\s*:)`).test(all));
    expect(unused).toEqual([]);
  });
});
