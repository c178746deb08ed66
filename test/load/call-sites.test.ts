import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS, SITE_CALL_GLOBAL } from '../../src/dsl/names.js';
import { bundleConfig } from '../../src/load/bundle.js';
import { CallSites } from '../../src/load/call-sites.js';
import { wrapCalls } from '../../src/load/call-wrap.js';
import { findDslCalls } from '../../src/load/dsl-calls.js';
import { loadConfig } from '../../src/load/index.js';
import { validateRawConfig } from '../../src/load/raw-schema.js';
import { transformSource } from '../../src/load/script-transform.js';
import { bundleImportForm, evaluate, evaluateFile, ROOT } from '../dsl/harness.js';

const NAMES = new Set(['D', 'A', 'MX', 'TXT', 'NO_PURGE']);

/** The file as call-sites.ts rewrites it (as a module: no script treatment), and its sites. */
async function number(text: string, javascript = true): Promise<{ out: string; sites: CallSites }> {
  const sites = new CallSites();
  const r = await transformSource({ text, fileName: 'f.js', javascript, scriptCandidate: false, entry: true, glob: () => 'none', wrapNames: NAMES, sites });
  return { out: r.contents, sites };
}

describe('numbering DSL calls (the text rewrite)', () => {
  it('numbers every call, nested ones too, in text order, keeping every line', async () => {
    const text = 'D("x", r, A("@", "1"),\n  MX("@", 1, "m"));\nA("y", "2")\n';
    const { out, sites } = await number(text);
    expect(out).toBe(
      '__z(1, D,"x", r, __z(2, A,"@", "1"),\n  __z(3, MX,"@", 1, "m"));\n__z(4, A,"y", "2")\n',
    );
    expect([1, 2, 3, 4].map((n) => sites.at(n))).toEqual([
      { path: 'f.js', line: 1, column: 1 },
      { path: 'f.js', line: 1, column: 11 },
      { path: 'f.js', line: 2, column: 3 },
      { path: 'f.js', line: 3, column: 1 },
    ]);
    expect(sites.at(0)).toBeUndefined();
    expect(sites.at(5)).toBeUndefined();
    expect(sites.at(1.5)).toBeUndefined();
  });

  it('numbers calls inside helper functions, templates and arrows; keeps whatever sits between name and "("', async () => {
    const text = 'function mk(n) { return A(n, "1"); }\nconst t = `${TXT("t", "v")}`;\nconst f = () => MX /* why */\n  ("@", 1, "m");\nNO_PURGE();\n';
    const { out } = await number(text);
    expect(out).toBe(
      'function mk(n) { return __z(1, A,n, "1"); }\nconst t = `${__z(2, TXT,"t", "v")}`;\nconst f = () => __z(3, MX /* why */\n  ,"@", 1, "m");\n__z(4, NO_PURGE,);\n',
    );
    await expect(esbuild.transform(out, { loader: 'js' })).resolves.toBeDefined();
  });

  it('leaves DSL names in strings, comments, regular expressions and template text alone', async () => {
    const text = 'const s = "D(1)"; // A(2)\n/* MX(3) */ const re = /D\\(/g;\nconst t = `A(4) ${"TXT(5)"}`;\nconst q = a / 2;\n';
    expect((await number(text)).out).toBe(text);
  });

  it('leaves member calls, constructors, optional calls and definitions alone', async () => {
    const text = 'o.A(1); new D(2); A?.(3); const k = { MX(x) { return x; } };\nclass C { TXT() {} }\n';
    expect((await number(text)).out).toBe(text);
  });

  it('leaves the calls of a name the file declares itself, and aliases, alone', async () => {
    const cases = [
      'function A(x) { return x; }\nA(1);\n',
      'const MX = (x) => x;\nMX(1);\n',
      'function f(TXT) { return TXT(1); }\n',
      '[1].map((D) => D(1));\n[2].map(D => D(2));\n',
      'const { A } = helpers;\nA(1);\n',
      'import { A } from "./mine.js";\nA(1);\n',
      'try { x(); } catch (MX) { MX(1); }\n',
      'var mx = MX;\nmx("@", 1, "m");\n',
    ];
    for (const text of cases) expect((await number(text)).out).toBe(text);
    // The DSL's own names, imported from "zonesmith", are the DSL's.
    const { out } = await number('import { A, MX as M } from "zonesmith";\nA(1);\n');
    expect(out).toBe('import { A, MX as M } from "zonesmith";\n__z(1, A,1);\n');
  });

  it('leaves a file alone when its "/" could be division or a regular expression', async () => {
    const text = 'if (ok) /"/.test(s);\nconst note = "D(1)";\nD("a");\n';
    expect((await number(text)).out).toBe(text);
  });

  it('numbers calls whose arguments await or yield (no arrow is involved)', async () => {
    const { out } = await number('async function f() { D("x", await g()); }\n');
    expect(out).toBe('async function f() { __z(1, D,"x", await g()); }\n');
  });

  it('wraps only outermost calls that may still capture a stack frame', () => {
    const text = 'D("a", A("@", "1"));\nD("b", mx("@"));\nD("c", helper());\nD("d", new X());\n';
    const calls = findDslCalls(text, NAMES, true);
    const wrapped = wrapCalls(calls, true).filter((w) => w.text !== ')').map((w) => text.slice(w.at, w.at + 6));
    expect(wrapped).toEqual(['D("b",', 'D("c",', 'D("d",']);
    expect(wrapCalls(calls, false)).toHaveLength(8);
  });
});

describe('positions: numbered sites give exactly what stack capture gives', () => {
  const dirs = [
    path.join(ROOT, 'test/fixtures/dsl'),
    path.join(ROOT, 'test/fixtures/dsl/errors'),
    path.join(ROOT, '../shared/fixtures/dnscontrol-parse'),
  ];
  const files = [
    ...dirs.flatMap((d) => readdirSync(d).filter((f) => /^\d{3}-[\w-]+\.(js|ts)$/.test(f)).map((f) => path.join(d, f))),
    ...['dnscontrol/dnsconfig.js', 'ts-module/dnsconfig.ts', 'ts-global/dnsconfig.ts', 'exceptions/duplicate.js', 'exceptions/panic.js'].map((f) =>
      path.join(ROOT, 'test/fixtures/load', f),
    ),
  ];

  it('covers the DSL goldens, the error goldens, the 12 DNSControl parse fixtures and the loader fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(12 + 10 + 20 + 5);
  });

  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const vars = file.replace(/\.(js|ts)$/, '.vars.json');
      const variables = existsSync(vars) ? (JSON.parse(readFileSync(vars, 'utf8')) as Record<string, unknown>) : undefined;
      const opts = variables ? { variables } : {};
      const numbered = await bundleImportForm(file);
      const captured = await bundleImportForm(file, { rewrite: false });
      expect(numbered.code).toContain('__z(');
      expect(captured.code).not.toContain('__z(');
      const withSites = await evaluate(numbered.code, { ...opts, mapPos: numbered.mapPos, mapSite: numbered.mapSite });
      const withStacks = await evaluate(captured.code, { ...opts, mapPos: captured.mapPos, mapSite: captured.mapSite });
      expect(withSites.config).toEqual(withStacks.config);
      expect(withSites.error).toEqual(withStacks.error);
      // A script evaluated as written (no bundling at all) agrees too.
      if (file.endsWith('.js') && !file.includes('fixtures/load')) {
        const raw = await evaluateFile(file, opts);
        expect(withSites.config).toEqual(raw.config);
        expect(withSites.error).toEqual(raw.error);
      }
    });
  }
});

describe('positions: line breaks as V8 counts them', () => {
  it('counts CR, CRLF and U+2028 (in a string too) as line breaks, as V8 and esbuild do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-lines-'));
    const file = path.join(dir, 'dnsconfig.js');
    writeFileSync(file, 'var REG = NewRegistrar("none");\nD("x.com", REG, TXT("a", "p\u2028q"),\n  A("b", "192.0.2.1"));\rD("y.com", REG,\r\n A("c", "192.0.2.2"));\n');
    const numbered = await bundleImportForm(file);
    const withSites = await evaluate(numbered.code, { mapPos: numbered.mapPos, mapSite: numbered.mapSite });
    const raw = await evaluateFile(file);
    expect(withSites.config).toEqual(raw.config);
    expect(raw.config?.domains.map((d) => [d.pos, d.records.map((r) => r.pos)])).toEqual([
      [{ line: 2, column: 1 }, [{ line: 2, column: 17 }, { line: 4, column: 3 }]],
      [{ line: 5, column: 1 }, [{ line: 6, column: 2 }]],
    ]);
  });
});

describe('positions in the sandbox: fallbacks and forgeries', () => {
  function write(text: string, name = 'dnsconfig.js'): { file: string; at: (needle: string, nth?: number) => { file: string; line: number; column: number } } {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-sites-'));
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const display = path.relative(process.cwd(), file);
    const lines = text.split('\n');
    return {
      file,
      at: (needle, nth = 0) => {
        let seen = 0;
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i] ?? '';
          for (let c = line.indexOf(needle); c >= 0; c = line.indexOf(needle, c + 1)) if (seen++ === nth) return { file: display, line: i + 1, column: c + 1 };
        }
        throw new Error(needle);
      },
    };
  }

  it('places alias calls and the calls DSL builders make for you where the config wrote them', async () => {
    const { file, at } = write(
      [
        'var REG = NewRegistrar("none");',
        'var mx = MX;',
        'D("example.com", REG,',
        '  mx("@", 10, "mail"),',
        '  IGNORE_NAME("old"),',
        '  CAA_BUILDER({ issue: ["ca.example"], iodef: "mailto:x@example.com" }),',
        '  M365_BUILDER("example.com", { initialDomain: "example.onmicrosoft.com" }),',
        '  LOC_BUILDER_DD({ x: 51.5, y: -0.12 })',
        ');',
        'DOMAIN_ELSEWHERE("elsewhere.com", REG, ["ns1.example.net"]);',
        '',
      ].join('\n'),
    );
    const config = await loadConfig({ configPath: file });
    const [d, e] = config.domains;
    const byType = (t: string) => d?.records.filter((r) => r.type === t).map((r) => r.source);
    expect(byType('MX')).toEqual([at('mx("@"'), at('M365_BUILDER(')]);
    expect(d?.ignores.map((i) => i.source)).toEqual([at('IGNORE_NAME(')]);
    expect(byType('CAA')).toEqual([at('CAA_BUILDER('), at('CAA_BUILDER(')]);
    expect(new Set(byType('CNAME')?.map((s) => JSON.stringify(s)))).toEqual(new Set([JSON.stringify(at('M365_BUILDER('))]));
    expect(byType('LOC')).toEqual([at('LOC_BUILDER_DD(')]);
    expect(e?.source).toEqual(at('DOMAIN_ELSEWHERE('));
    expect(e?.nameservers.map((n) => n.source)).toEqual([at('DOMAIN_ELSEWHERE(')]);
  });

  it('places records made by a function of the config named like a DSL function at the calls inside it', async () => {
    const { file, at } = write(
      [
        'import { D, TXT, NewRegistrar } from "zonesmith";',
        'function A(label: string) { return TXT(label, "made by A"); }',
        'D("example.com", NewRegistrar("none"), A("one"), A("two"));',
        '',
      ].join('\n'),
      'dnsconfig.ts',
    );
    const config = await loadConfig({ configPath: file });
    expect(config.domains[0]?.records.map((r) => [r.label, r.source])).toEqual([
      ['one', at('TXT(')],
      ['two', at('TXT(')],
    ]);
  });

  it('lets a config misplace its records only among its own call sites, and never replace the hook', async () => {
    const { file, at } = write(
      [
        'var REG = NewRegistrar("none");',
        'D("example.com", REG,',
        '  __z(99999, A, "nowhere", "192.0.2.1"),',
        '  __z(1, A, "first-site", "192.0.2.2"),',
        '  __z("junk", A, "junk", "192.0.2.3"),',
        '  __z(Infinity, A, "inf", "192.0.2.4")',
        ');',
        'var replaced = true;',
        'try { Object.defineProperty(globalThis, "__z", { value: function () {} }); } catch (e) { replaced = false; }',
        'if (replaced) throw new Error("the hook was replaced");',
        '',
      ].join('\n'),
    );
    const config = await loadConfig({ configPath: file });
    const records = config.domains[0]?.records ?? [];
    expect(records.map((r) => r.label)).toEqual(['nowhere', 'first-site', 'junk', 'inf']);
    // A config that names the hook gets no numbered calls at all (bundle.ts), so a forged site
    // number points nowhere.
    expect(records[0]?.source).toBeUndefined();
    expect(records[1]?.source).toBeUndefined();
    // Not a site number: the DSL captures the stack, as for any call it was not told about.
    expect(records[2]?.source).toEqual(at('__z("junk"'));
    expect(records[3]?.source).toEqual(at('__z(Infinity'));
  });

  it('numbers no call of a bundle in which a file names the hook (its binding could capture the calls)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-hook-'));
    // Numbered, these calls would reach this binding instead of the DSL's hook.
    writeFileSync(path.join(dir, 'dnsconfig.ts'), `const ${SITE_CALL_GLOBAL} = (): never => { throw new Error("captured"); };\nD("example.com", NewRegistrar("none"),\n  A("www", "192.0.2.1"));\n`);
    const bundle = await bundleConfig(path.join(dir, 'dnsconfig.ts'), DSL_GLOBALS);
    expect(bundle.sites).toBe(0);
    const config = await loadConfig({ configPath: path.join(dir, 'dnsconfig.ts') });
    // Placed from the stack instead: the same positions.
    expect(config.domains[0]?.records[0]?.source).toMatchObject({ line: 3, column: 3 });
  });

  it('checks site numbers in the output like every other field', () => {
    const raw = (site: unknown) => ({ registrars: [{ name: 'r', type: null, meta: {}, site }], dnsProviders: [], domains: [] });
    const mapSite = (n: number) => (n === 7 ? { file: 'x.ts', line: 3, column: 5 } : undefined);
    expect(validateRawConfig(raw(7), () => undefined, mapSite).config?.registrars[0]).toEqual({ name: 'r', type: null, meta: {}, source: { file: 'x.ts', line: 3, column: 5 } });
    expect(validateRawConfig(raw(8), () => undefined, mapSite).config?.registrars[0]).toEqual({ name: 'r', type: null, meta: {} });
    expect(validateRawConfig(raw('7'), () => undefined, mapSite).diagnostics[0]?.message).toMatch(/registrars\[0\]\.site: expected an integer/);
  });
});

describe('DSL_GLOBALS are all numbered', () => {
  it('rewrites a call of every DSL global', async () => {
    const text = DSL_GLOBALS.map((n) => `${n}();`).join('\n');
    const sites = new CallSites();
    const r = await transformSource({ text, fileName: 'all.js', javascript: true, scriptCandidate: false, entry: true, glob: () => 'none', wrapNames: new Set(DSL_GLOBALS), sites });
    expect(sites.size).toBe(DSL_GLOBALS.length);
    expect(r.contents.split('\n').every((l) => l.startsWith('__z('))).toBe(true);
  });
});
