import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS } from '../../src/dsl/names.js';
import { bundleConfig } from '../../src/load/bundle.js';
import { wrapCalls, type Insertion } from '../../src/load/call-wrap.js';
import { findDslCalls } from '../../src/load/dsl-calls.js';
import { loadConfig } from '../../src/load/index.js';
import { WRAP_MIN_CHARS } from '../../src/load/script-transform.js';

const NAMES = new Set(['D', 'A', 'MX']);

function apply(text: string, ins: readonly Insertion[]): string {
  let out = '';
  let pos = 0;
  for (const i of ins) {
    out += text.slice(pos, i.at) + i.text;
    pos = i.at;
  }
  return out + text.slice(pos);
}

const wrap = (text: string, javascript = true): string => apply(text, wrapCalls(findDslCalls(text, NAMES, javascript), false));

describe('wrapCalls', () => {
  it('wraps each outermost DSL call, leaving the calls in its arguments inside it', () => {
    expect(wrap('D("x", r, A("@", "1"), MX("@", 1, "m"));\nA("y", "2")\n')).toBe(
      '__zonesmith_run(() => D("x", r, A("@", "1"), MX("@", 1, "m")));\n__zonesmith_run(() => A("y", "2"))\n',
    );
  });

  it('leaves definitions, member calls, constructors and other names alone', () => {
    const text = [
      'function D(a) { return a; }',
      'const o = { A(x) { return x; }, MX: (y) => y };',
      'class K { D() {} static A() {} get MX() { return 1; } }',
      'o.D(1); new A(2); other(3); D<T>(4);',
      '',
    ].join('\n');
    expect(wrap(text, false)).toBe(text);
  });

  it('skips calls whose arguments yield or await, and a TypeScript method signature', () => {
    const text = 'async function f() { D("x", await g()); }\nfunction* h() { A(yield 1); }\ninterface I { MX(x: number): void }\n';
    expect(wrap(text, false)).toBe(text);
  });

  it('is not fooled by strings, comments, regular expressions and templates', () => {
    const text = [
      'const s = "D(1)"; // A(2)',
      '/* MX(3) */ const re = /D\\(/g;',
      'const t = `${D("a")} and A(4) ${`${A("b")}`}`;',
      'const q = a / 2 + D("c");',
      '',
    ].join('\n');
    expect(wrap(text)).toBe(
      [
        'const s = "D(1)"; // A(2)',
        '/* MX(3) */ const re = /D\\(/g;',
        'const t = `${__zonesmith_run(() => D("a"))} and A(4) ${`${__zonesmith_run(() => A("b"))}`}`;',
        'const q = a / 2 + __zonesmith_run(() => D("c"));',
        '',
      ].join('\n'),
    );
  });

  it('leaves a file alone when a "/" after ")" or "}" could be either division or a regular expression', () => {
    // Read as division, the quote in this regular expression would seem to open a string, and the
    // D( inside the real string below would seem to be code.
    const text = 'if (ok) /"/.test(s);\nconst note = "D(1)";\nD("a");\n';
    expect(findDslCalls(text, NAMES, true)).toBeUndefined();
    expect(wrap('const half = (a + b) / 2;\nD("a");\n')).toBe('const half = (a + b) / 2;\nD("a");\n');
    expect(wrap('const x = a / 2;\nD("a");\n')).toBe('const x = a / 2;\n__zonesmith_run(() => D("a"));\n');
  });

  it('never starts a line with "(" (no automatic-semicolon surprises) and keeps the code valid', async () => {
    const text = 'let x = 1\nD("a", A("@", "1"))\n[1].forEach(() => MX("@", 1, "m"))\nif (x) D("b")\nelse A("c")\n';
    const out = wrap(text);
    expect(out.split('\n').some((l) => l.startsWith('('))).toBe(false);
    await expect(esbuild.transform(out, { loader: 'js' })).resolves.toBeDefined();
  });
});

describe('large configs: calls are wrapped, positions still exact', () => {
  // Every fifth domain uses an alias of MX: a call the loader cannot number, so its D() is wrapped.
  function generate(dir: string, domains: number): { file: string; lines: string[] } {
    const lines = ['const REG = NewRegistrar("none");', 'var mx = MX;'];
    for (let d = 0; d < domains; d++) {
      const m = d % 5 === 0 ? 'mx' : 'MX';
      lines.push(`D("d${d}.example", REG,`, `  A("@", "192.0.2.${d % 250}"),`, `  ${m}("@", ${d % 100}, "mx"), TXT("t", "a(b)c"),`, ');');
    }
    const file = path.join(dir, 'dnsconfig.js');
    writeFileSync(file, `${lines.join('\n')}\n`);
    return { file, lines };
  }

  it('maps every record and domain of a large file back to where it was written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-wrap-'));
    const { file, lines } = generate(dir, 400);
    expect(lines.join('\n').length).toBeGreaterThan(WRAP_MIN_CHARS);
    const bundle = await bundleConfig(file, DSL_GLOBALS);
    // Only the D() calls holding an alias call are wrapped; every DSL call is numbered.
    expect(bundle.code.match(/__zonesmith_run\(\(\)\s*=>\s*__z\(\s*\d+,\s*D,/g)).toHaveLength(80);
    expect(bundle.code.match(/__z\(/g)).toHaveLength(1 + 400 * 3 + 320);
    // The bundle runs outside the sandbox given the DSL's globals (__zonesmith_run is its own).
    let domains = 0;
    const stub = (): string => 'x';
    const at = (_site: number, f: (...a: unknown[]) => unknown, ...a: unknown[]): unknown => f(...a);
    vm.runInNewContext(bundle.code, { __z: at, NewRegistrar: stub, A: stub, MX: stub, TXT: stub, D: () => domains++ });
    expect(domains).toBe(400);
    const config = await loadConfig({ configPath: file });
    const display = path.relative(process.cwd(), file);
    const find = (needle: string, fromLine: number): { file: string; line: number; column: number } => {
      for (let i = fromLine; i < lines.length; i++) {
        const col = (lines[i] ?? '').indexOf(needle);
        if (col >= 0) return { file: display, line: i + 1, column: col + 1 };
      }
      throw new Error(needle);
    };
    expect(config.domains).toHaveLength(400);
    config.domains.forEach((d, n) => {
      const start = 2 + n * 4;
      expect(d.source).toEqual(find('D(', start));
      expect(d.records.map((r) => r.source)).toEqual([find('A(', start), find(n % 5 === 0 ? 'mx(' : 'MX(', start), find('TXT(', start)]);
    });
  });

  it('places a DSL error and an exception of a wrapped file exactly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-wrap-'));
    const { file, lines } = generate(dir, 300);
    const extra = ['D("d7.example", REG);', 'function boom() { throw new Error("boom"); }', 'D("late.example", REG, A("@", boom()));'];
    writeFileSync(file, `${[...lines, extra[0]].join('\n')}\n`);
    const display = path.relative(process.cwd(), file);
    await expect(loadConfig({ configPath: file })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'dsl-duplicate-domain', source: { file: display, line: lines.length + 1, column: 1 } })],
    });
    writeFileSync(file, `${[...lines, extra[1], extra[2]].join('\n')}\n`);
    await expect(loadConfig({ configPath: file })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'config-exception', message: 'boom', source: { file: display, line: lines.length + 1, column: 25 } })],
    });
  });

  it('falls back to the unwrapped bundle when the token-level rewrite breaks valid code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-wrap-'));
    const filler = Array.from({ length: 600 }, (_, i) => `const filler${i} = "${'x'.repeat(20)}";`).join('\n');
    // An overload signature of a method named like a DSL function: the rewrite takes it for a call.
    const text = `class K {\n  D(x: string): string;\n  D(x: unknown): unknown { return x; }\n}\nclass L { A(x: string); A(x: unknown) { return x; } }\n${filler}\nconsole.log(new K().D("a"), new L().A("b"));\n`;
    writeFileSync(path.join(dir, 'dnsconfig.ts'), text);
    const bundle = await bundleConfig(path.join(dir, 'dnsconfig.ts'), DSL_GLOBALS);
    expect(bundle.code).not.toContain('__zonesmith_run');
    expect(bundle.code).toContain('filler599');
  });
});
