import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DSL_GLOBALS } from '../../src/dsl/names.js';
import { ZonesmithError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { bundleConfig } from '../../src/load/bundle.js';

const FORBIDDEN = 'test/fixtures/load/forbidden/sub';

/** The diagnostics bundling `file` fails with, formatted as the CLI prints them. */
async function bundleErrors(file: string): Promise<string[]> {
  try {
    await bundleConfig(file, DSL_GLOBALS);
  } catch (err) {
    expect(err).toBeInstanceOf(ZonesmithError);
    expect((err as ZonesmithError).code).toBe('config-bundle-failed');
    return (err as ZonesmithError).diagnostics.map(formatDiagnostic);
  }
  throw new Error(`${file} bundled without error`);
}

describe('bundleConfig: what may be imported', () => {
  it('bundles relative .ts and .json imports with a source map naming each file', async () => {
    const b = await bundleConfig('test/fixtures/load/ts-module/dnsconfig.ts', DSL_GLOBALS);
    expect(b.files).toEqual(
      expect.arrayContaining([
        'test/fixtures/load/ts-module/dnsconfig.ts',
        'test/fixtures/load/ts-module/lib/mail.ts',
        'test/fixtures/load/ts-module/settings.json',
      ]),
    );
    expect(b.code).toContain('192.0.2.10');
    expect(b.code).not.toMatch(/\bimport\s*[({]/);
  });

  it('resolves require(), require("dir/file.js") from the config directory, .json, and require_glob', async () => {
    const b = await bundleConfig('test/fixtures/load/dnscontrol/dnsconfig.js', DSL_GLOBALS);
    const dir = 'test/fixtures/load/dnscontrol/';
    expect(b.files).toEqual(
      expect.arrayContaining(['dnsconfig.js', 'helpers.js', 'settings.json', 'kube/k8s.js', 'domains/a.js', 'domains/c.js', 'domains/sub/b.js'].map((f) => dir + f)),
    );
    // require_glob returns the files it required, in DNSControl's walk order.
    expect(b.code.replace(/\s+/g, '')).toContain('["domains/a.js","domains/c.js","domains/sub/b.js"]');
  });

  it.each([
    ['node-builtin.ts', '1:16: error[import-not-allowed]: cannot import "node:fs": only relative files and "zonesmith" are allowed'],
    ['bare-builtin.ts', '1:30: error[import-not-allowed]: cannot import "fs": only relative files and "zonesmith" are allowed'],
    ['package.ts', '1:20: error[import-not-allowed]: cannot import "lodash": only relative files and "zonesmith" are allowed'],
    ['absolute.ts', '1:18: error[import-not-allowed]: cannot import "/etc/zonesmith-nothing.json": only relative files and "zonesmith" are allowed'],
    ['outside.ts', `1:24: error[import-not-allowed]: cannot import "../secret.ts": it is outside the config's directory`],
    ['dynamic-literal.ts', '2:22: error[import-not-allowed]: dynamic import() is not allowed (import "./ok.ts"): only static imports of relative files and "zonesmith" are'],
    ['dynamic-expr.ts', '2:15: error[import-not-allowed]: dynamic import() is not allowed: only static imports of relative files and "zonesmith" are'],
    ['require-builtin.js', '1:18: error[import-not-allowed]: cannot import "fs": only relative files and "zonesmith" are allowed'],
    ['require-expr.js', '2:9: error[require-not-literal]: require() takes exactly one string literal (the bundle is built before the config runs)'],
    ['txt.ts', '1:18: error[import-not-allowed]: cannot import "./notes.txt": only .ts, .js and .json files can be imported'],
    ['json5.ts', '1:18: error[import-not-allowed]: cannot import "./data.json5": only .ts, .js and .json files can be imported'],
    ['missing.ts', '1:19: error[import-not-found]: cannot import "./nope.ts": no such file'],
    ['glob-outside.js', `1:13: error[require-glob-invalid]: require_glob("../../"): the directory is outside the config's directory`],
    ['glob-expr.js', '2:13: error[require-glob-invalid]: require_glob() takes a directory string literal, then optionally a boolean literal (recursive) and an extension string literal'],
  ])('%s fails at the import', async (file, expected) => {
    expect(await bundleErrors(`${FORBIDDEN}/${file}`)).toEqual([`${FORBIDDEN}/${file}:${expected}`]);
  });

  it('never lets a config import the credentials: creds.json, and the file the CLI names', async () => {
    expect(await bundleErrors(`${FORBIDDEN}/credentials.js`)).toEqual([
      `${FORBIDDEN}/credentials.js:1:21: error[import-not-allowed]: cannot import "./creds.json": credentials never enter the config`,
    ]);
    await expect(bundleConfig(`${FORBIDDEN}/named-secret.ts`, DSL_GLOBALS)).resolves.toBeDefined();
    await expect(bundleConfig(`${FORBIDDEN}/named-secret.ts`, DSL_GLOBALS, { forbiddenFiles: [`${FORBIDDEN}/my-secrets.json`] })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ message: 'cannot import "./my-secrets.json": credentials never enter the config' })],
    });
  });

  it('reports an unknown name imported from "zonesmith" at the import', async () => {
    const [d] = await bundleErrors(`${FORBIDDEN}/no-export.ts`);
    expect(d).toMatch(new RegExp(`^${FORBIDDEN}/no-export.ts:1:10: error\\[config-syntax\\]: No matching export .*"NOPE"`));
  });

  it('reports syntax errors at file:line:col, in the config and in an imported file', async () => {
    expect(await bundleErrors(`${FORBIDDEN}/syntax.ts`)).toEqual([`${FORBIDDEN}/syntax.ts:2:19: error[config-syntax]: Unexpected ";"`]);
    expect(await bundleErrors(`${FORBIDDEN}/syntax-import.ts`)).toEqual([`${FORBIDDEN}/broken.ts:3:24: error[config-syntax]: Expected identifier but found ";"`]);
  });

  it('reports every forbidden import of a file in one run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-bundle-'));
    writeFileSync(
      path.join(dir, 'dnsconfig.ts'),
      ['import a from "node:os";', 'import b from "left-pad";', 'const c = import(String(a));', 'console.log(a, b, c);', ''].join('\n'),
    );
    const errors = await bundleErrors(path.join(dir, 'dnsconfig.ts'));
    expect(errors.map((e) => e.replace(/^.*dnsconfig\.ts:/, ''))).toEqual([
      '1:15: error[import-not-allowed]: cannot import "node:os": only relative files and "zonesmith" are allowed',
      '2:15: error[import-not-allowed]: cannot import "left-pad": only relative files and "zonesmith" are allowed',
      '3:11: error[import-not-allowed]: dynamic import() is not allowed: only static imports of relative files and "zonesmith" are',
    ]);
  });

  it('refuses a symbolic link that leads out of the config directory', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'zs-outside-'));
    writeFileSync(path.join(outside, 'secret.ts'), 'export const secret = 1;\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-bundle-'));
    symlinkSync(path.join(outside, 'secret.ts'), path.join(dir, 'link.ts'));
    mkdirSync(path.join(dir, 'lib'));
    symlinkSync(outside, path.join(dir, 'lib', 'out'));
    writeFileSync(path.join(dir, 'dnsconfig.ts'), 'import { secret } from "./link.ts";\nimport { secret as s2 } from "./lib/out/secret.ts";\nconsole.log(secret, s2);\n');
    const errors = await bundleErrors(path.join(dir, 'dnsconfig.ts'));
    expect(errors.map((e) => e.replace(/^.*dnsconfig\.ts:/, ''))).toEqual([
      `1:24: error[import-not-allowed]: cannot import "./link.ts": it is outside the config's directory`,
      `2:30: error[import-not-allowed]: cannot import "./lib/out/secret.ts": it is outside the config's directory`,
    ]);
  });

  it('ignores a tsconfig.json and package.json around the config (bundling is hermetic)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-bundle-'));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { lodash: ['./fake.ts'] } } }));
    writeFileSync(path.join(dir, 'fake.ts'), 'export default 1;\n');
    writeFileSync(path.join(dir, 'dnsconfig.ts'), 'import x from "lodash";\nconsole.log(x);\n');
    const errors = await bundleErrors(path.join(dir, 'dnsconfig.ts'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('cannot import "lodash"');
  });

  it('fails clearly when the config file does not exist', async () => {
    await expect(bundleConfig('test/fixtures/load/nope/dnsconfig.ts', DSL_GLOBALS)).rejects.toMatchObject({ code: 'config-not-found' });
  });
});

describe('bundleConfig: the source map on demand', () => {
  it('gives the same script, and once loaded the same map and edits as a bundle made with its map', async () => {
    // One file: call numbers follow the order esbuild loads files in, so only then do two
    // separate builds number alike.
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-map-'));
    const config = path.join(dir, 'dnsconfig.js');
    writeFileSync(config, 'var mx = MX;\nD("example.com", NewRegistrar("none"),\n  A("@", "192.0.2.1"), mx("@", 10, "mail"),\n  TXT("t", "x"));\n');
    const now = await bundleConfig(config, DSL_GLOBALS);
    const later = await bundleConfig(config, DSL_GLOBALS, { sourceMap: 'on-demand' });
    expect(later.code).toBe(now.code);
    expect(() => later.map).toThrow(/loadMap/);
    await later.loadMap();
    expect(later.files).toEqual(now.files);
    let mapped = 0;
    const lines = later.code.split('\n');
    for (let line = 1; line <= lines.length; line++) {
      for (let column = 0; column < (lines[line - 1]?.length ?? 0); column++) {
        const a = later.map.lookup(line, column);
        expect(a).toEqual(now.map.lookup(line, column));
        if (!a) continue;
        expect(later.edits[a.source]?.map(a.line, a.column)).toEqual(now.edits[a.source]?.map(a.line, a.column));
        mapped++;
      }
    }
    expect(mapped).toBeGreaterThan(50);
  });

  it('replays the files as first read, so the map fits a bundle of many files whatever order esbuild loads them in', async () => {
    const b = await bundleConfig('test/fixtures/load/dnscontrol/dnsconfig.js', DSL_GLOBALS, { sourceMap: 'on-demand' });
    await b.loadMap(); // it compares the second build's script with the first one
    expect(b.files).toEqual(expect.arrayContaining(['test/fixtures/load/dnscontrol/domains/sub/b.js', 'test/fixtures/load/dnscontrol/kube/k8s.js']));
  });

  it('refuses a map for files that changed in between (config-changed), rather than a map of other code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-map-'));
    writeFileSync(path.join(dir, 'dnsconfig.ts'), 'import s from "./s.json";\nD("example.com", "none", A("@", s.ip));\n');
    writeFileSync(path.join(dir, 's.json'), '{"ip": "192.0.2.1"}\n');
    const b = await bundleConfig(path.join(dir, 'dnsconfig.ts'), DSL_GLOBALS, { sourceMap: 'on-demand' });
    writeFileSync(path.join(dir, 's.json'), '{"ip": "192.0.2.200"}\n');
    await expect(b.loadMap()).rejects.toMatchObject({ code: 'config-changed' });
  });
});
