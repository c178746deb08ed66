import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTypeScript, scriptScope } from '../../src/load/script-scope.js';
import { tokenScriptScope } from '../../src/load/script-scope-tokens.js';
import { tokenize } from '../../src/load/tokenize.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return scripts(p);
    return f.endsWith('.js') ? [p] : [];
  });
}

const SNIPPETS = [
  'var REG = NewRegistrar("none");\nvar DNS = NewDnsProvider("bind", "BIND");\nrequire_glob("./zones/");\n',
  'var a = 1, b = [\n  1,\n  2\n], c = { x: 1 };\nlet d = 2;\nconst e = 3;\n',
  'var a = 1,\n  b = 2;\n',
  'var a =\n  f(1);\n',
  'if (x) { var inBlock = 1; }\nfor (var i = 0; i < 2; i++) { let j = i; }\nswitch (x) { case 1: var z = 2; }\n',
  'var a = 1\nfoo(), bar()\n',
  'var a = f(\n1)\nvar b = 2;\n',
  'var { a } = o;\nvar b = 1;\n',
  'for (var k in o) {}\n',
  'function f() { var local = 1; }\nvar g = 1;\n',
  'var o = { m() { var inner = 1; } };\n',
  'var o = { get x() { return 1; } };\n',
  'var f = () => { var inner = 1; };\n',
  'class K {}\nvar a = 1;\n',
  '"use strict";\nvar a = 1;\n',
  '#!/usr/bin/env node\nvar a = 1;\n',
  'o.var = 1; o.let = 2; var x = { var: 1, const: 2 };\n',
  '{ let blocked = 1; var hoisted = 2 }\n',
  'var a = 1 /* comment\n */, b = 2;\n',
  'let = 5;\nvar a = let;\n',
  'var a = 1; var a = 2;\n',
  'D("x.com", REG, A("@", "1.2.3.4"));\n',
];

describe('tokenScriptScope', () => {
  it('agrees with the TypeScript analysis wherever it answers, and answers for plain DNSControl scripts', async () => {
    const ts = await loadTypeScript();
    const files = [
      ...scripts(path.join(ROOT, 'test/fixtures')),
      ...scripts(path.join(ROOT, '../shared/fixtures/dnscontrol-parse')),
    ];
    const texts = [...files.map((f) => readFileSync(f, 'utf8')), ...SNIPPETS];
    let answered = 0;
    for (const text of texts) {
      const fast = tokenScriptScope(text, tokenize(text));
      if (!fast) continue;
      answered++;
      expect(fast, text).toEqual(scriptScope(ts, text, 'x.js'));
    }
    expect(answered).toBeGreaterThan(texts.length / 2);
  });

  it('leaves to TypeScript what needs a parser', () => {
    const declined = [
      'var a = 1\nfoo(), bar()\n',
      'var a = f(\n1)\nvar b = 2;\n',
      'var { a } = o;\n',
      'for (var k in o) {}\n',
      'function f() { var local = 1; }\n',
      'var o = { m() { var inner = 1; } };\n',
      'var f = () => 1;\n',
      'class K {}\n',
      '"use strict";\nvar a = 1;\n',
      '{ let blocked = 1; var hoisted = 2 }\n',
      'var a = 1 /* comment\n */, b = 2;\n',
      'let = 5;\n',
    ];
    for (const text of declined) expect(tokenScriptScope(text, tokenize(text)), text).toBeUndefined();
    const plain = 'var REG = NewRegistrar("none"), DNS = NewDnsProvider("bind");\nD("x.com", REG, DnsProvider(DNS));\n';
    expect(tokenScriptScope(plain, tokenize(plain))?.edits.map((e) => [e.start, e.end, e.text.slice(0, 12)])).toEqual([
      [0, 0, '(function(g,'],
      [0, 3, '   '],
    ]);
  });
});
