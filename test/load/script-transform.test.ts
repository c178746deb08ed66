import { describe, expect, it } from 'vitest';
import { typescriptRequested } from '../../src/load/script-scope.js';
import { transformSource, type GlobLister, type TransformInput } from '../../src/load/script-transform.js';

const noGlob: GlobLister = () => 'no glob here';

function run(text: string, extra: Partial<TransformInput> = {}): ReturnType<typeof transformSource> {
  return transformSource({ text, fileName: 'x.js', javascript: true, scriptCandidate: true, entry: true, glob: noGlob, ...extra });
}

describe('transformSource', () => {
  // First: the later tests load TypeScript for their scripts.
  it('leaves a TypeScript file with nothing to rewrite as it is, without loading TypeScript', async () => {
    const text = 'const a: number = (1 as any);\nconst b = require("./x.json");\n';
    expect(await run(text, { javascript: false, scriptCandidate: false, fileName: 'x.ts' })).toEqual({ contents: text, problems: [], script: false, wrapped: 0 });
    expect(typescriptRequested()).toBe(false);
  });

  it('turns a script\'s top-level vars and functions into globals, keeping every column', async () => {
    const text = 'var a = 1, b;\nfor (var i = 0; i < 2; i++) { var inLoop = i; }\nfunction f() { var local = 2; return local; }\n';
    const out = await run(text);
    expect(out.script).toBe(true);
    const lines = out.contents.split('\n');
    expect(lines[0]).toMatch(/^\(function\(g,n\).*\["a","b","i","inLoop"\]\);globalThis\["f"\]=f;    a = 1, b;$/);
    expect(lines[1]).toBe('for (    i = 0; i < 2; i++) {     inLoop = i; }');
    expect(lines[2]).toBe('function f() { var local = 2; return local; }');
    // Line 1 moved by the prologue: its columns map back; other lines are untouched.
    const shift = (lines[0] ?? '').indexOf('    a = 1');
    expect(out.edits?.map(1, shift + 4)).toEqual({ line: 1, column: 4 });
    expect(out.edits?.map(1, 3)).toEqual({ line: 1, column: 0 });
    expect(out.edits?.map(2, 9)).toEqual({ line: 2, column: 9 });
  });

  it('makes top-level let/const global in a script but leaves destructuring local', async () => {
    const out = await run('const A1 = 1;\nlet { x } = { x: 1 };\n{ let inner = 2; }\n');
    expect(out.contents).toContain('      A1 = 1;');
    expect(out.contents).toContain('let { x } = { x: 1 };');
    expect(out.contents).toContain('{ let inner = 2; }');
    expect(out.contents).toContain('["A1"]');
  });

  it('leaves modules alone and gives required scripts a module.exports of true', async () => {
    const mod = await run('import { D } from "zonesmith";\nvar a = 1;\n');
    expect(mod.script).toBe(false);
    expect(mod.contents).toBe('import { D } from "zonesmith";\nvar a = 1;\n');
    const required = await run('var a = 1;\n', { entry: false });
    expect(required.contents.endsWith('\n;module.exports = true;\n')).toBe(true);
    const ts = await run('var a: number = 1;\n', { javascript: false, scriptCandidate: false, fileName: 'x.ts' });
    expect(ts.contents).toBe('var a: number = 1;\n');
  });

  it('puts the prologue after "use strict" and a hashbang line', async () => {
    expect((await run('"use strict";\nvar a = 1;\n')).contents).toMatch(/^"use strict";\(function\(g,n\)/);
    expect((await run('#!/usr/bin/env node\nvar a = 1;\n')).contents).toMatch(/^#!\/usr\/bin\/env node\n\(function\(g,n\)/);
  });

  it('expands require_glob into requires of the listed files and maps the columns after it', async () => {
    const glob: GlobLister = (dir, recursive, ext) => {
      expect([dir, recursive, ext]).toEqual(['./d/', false, '.js']);
      return { specifiers: ['./d/a.js', './d/b.js'], paths: ['d/a.js', 'd/b.js'] };
    };
    const text = 'var x = [require_glob(\n  "./d/",\n  false), 7];\n';
    const out = await run(text, { glob });
    const lines = out.contents.split('\n');
    expect(lines).toHaveLength(text.split('\n').length);
    expect(lines[0]).toContain('[(require("./d/a.js"), require("./d/b.js"), ["d/a.js","d/b.js"])');
    // `7` is at line 3, column 10 (0-based) as written; after the rewrite it starts line 3 at column 4.
    expect(lines[2]).toBe(', 7];');
    expect(out.edits?.map(3, 2)).toEqual({ line: 3, column: 10 });
    // Inside the expansion: the call's start.
    const inside = (lines[0] ?? '').indexOf('require("./d/b.js")');
    expect(out.edits?.map(1, inside)).toEqual({ line: 1, column: 9 });
  });

  it('reports calls it cannot resolve before running, at the call', async () => {
    const out = await run('var p = "./a.js";\nrequire(p);\nrequire("a", "b");\nimport(p);\nrequire_glob(p);\nrequire_glob("./x/", "yes");\n');
    expect(out.problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '2:1 require-not-literal',
      '3:1 require-not-literal',
      '4:1 import-not-allowed',
      '5:1 require-glob-invalid',
      '6:1 require-glob-invalid',
    ]);
  });

});
