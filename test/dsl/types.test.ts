// The two typed forms: import-form fixtures type-check against index.ts ("zonesmith"), global-form
// fixtures against globals.ts, and misuse is a type error (typecheck/misuse.ts marks each misuse
// as an expected error, so a line that stops being an error fails this test too).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS } from '../../src/dsl/names.js';
import { ROOT } from './harness.js';

const DIR = path.join(ROOT, 'test/fixtures/dsl');

// Global-form fixtures that deliberately go beyond the types: 002 mixes modifiers into the data
// arguments (DNSControl allows it), 008 uses untyped -v variables.
const UNTYPED_JS = new Set(['002-record-types.js', '008-variables.js']);

function check(files: string[], options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: false,
    paths: { zonesmith: [path.join(ROOT, 'src/dsl/index.ts')] },
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('types', () => {
  it('import-form fixtures type-check against "zonesmith"', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => path.join(DIR, f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(check(files)).toEqual([]);
  });

  it('global-form fixtures type-check against globals.ts', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.js') && !UNTYPED_JS.has(f))
      .map((f) => path.join(DIR, f));
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(check([path.join(ROOT, 'src/dsl/globals.ts'), ...files], { allowJs: true, checkJs: true })).toEqual([]);
  });

  it('misuse is a type error', () => {
    expect(check([path.join(DIR, 'typecheck/misuse.ts')])).toEqual([]);
  });

  it('globals.ts declares exactly DSL_GLOBALS (plus require_glob), each with a doc comment', () => {
    const file = path.join(ROOT, 'src/dsl/globals.ts');
    const program = ts.createProgram([file], { noEmit: true, types: [] });
    program.getTypeChecker(); // binds the file, which sets the parent links JSDoc lookup needs
    const sf = program.getSourceFile(file) as ts.SourceFile;
    const declared: string[] = [];
    const undocumented: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isVariableStatement(node) || ts.isFunctionDeclaration(node)) {
        const names = ts.isVariableStatement(node) ? node.declarationList.declarations.map((d) => d.name.getText(sf)) : [node.name?.getText(sf) ?? ''];
        declared.push(...names);
        const docTarget = ts.isVariableStatement(node) ? node.declarationList.declarations[0] : node;
        if (!docTarget || ts.getJSDocCommentsAndTags(docTarget).length === 0) undocumented.push(...names);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    expect(declared.sort()).toEqual([...DSL_GLOBALS, 'require_glob'].sort());
    expect(undocumented).toEqual([]);
  });
});
