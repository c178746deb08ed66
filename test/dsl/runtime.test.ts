// The runtime contract the loader builds against: globals, __zonesmith, variables, positions.
import { build } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as dsl from '../../src/dsl/index.js';
import { CONTROL_GLOBAL, DSL_GLOBALS } from '../../src/dsl/names.js';
import type { ZonesmithControl } from '../../src/dsl/runtime.js';
import { evaluate, ROOT, runtimeBundle } from './harness.js';

async function freshContext(): Promise<{ ctx: vm.Context; control: ZonesmithControl }> {
  const ctx = vm.createContext({});
  new vm.Script(await runtimeBundle(), { filename: 'zonesmith:dsl' }).runInContext(ctx);
  return { ctx, control: (ctx as { __zonesmith: ZonesmithControl }).__zonesmith };
}

describe('DSL_GLOBALS', () => {
  it('has no duplicates and equals the value exports of index.ts', () => {
    expect(new Set(DSL_GLOBALS).size).toBe(DSL_GLOBALS.length);
    expect([...DSL_GLOBALS].sort()).toEqual(Object.keys(dsl).sort());
  });

  it('are installed as read-only enumerable globals; the control object is non-enumerable', async () => {
    const { ctx } = await freshContext();
    const keys = vm.runInContext('Object.keys(globalThis)', ctx) as string[];
    expect(keys.sort()).toEqual([...DSL_GLOBALS].sort());
    const desc = vm.runInContext('Object.getOwnPropertyDescriptor(globalThis, "D")', ctx) as PropertyDescriptor;
    expect(desc.writable).toBe(false);
    expect(desc.configurable).toBe(false);
    expect(vm.runInContext(`typeof ${CONTROL_GLOBAL}.collect`, ctx)).toBe('function');
    // A sloppy-mode config cannot replace a DSL function.
    vm.runInContext('D = 42;', ctx);
    expect(vm.runInContext('typeof D', ctx)).toBe('function');
  });

  it('collect() of an empty config is an empty RawConfig; lastError() is undefined', async () => {
    const { control } = await freshContext();
    expect(JSON.parse(control.collect())).toEqual({ registrars: [], dnsProviders: [], domains: [] });
    expect(control.lastError()).toBeUndefined();
  });
});

describe('variables', () => {
  it('-v values are read-only globals and CLI_DEFAULTS fills only the missing ones', async () => {
    const r = await evaluate(
      'CLI_DEFAULTS({ a: "default-a", b: "default-b" }); a = "changed"; D("x.example", "none", TXT("@", a + " " + b));',
      { variables: { a: 'from-cli' } },
    );
    expect(r.error).toBeUndefined();
    expect(r.config?.domains[0]?.records[0]?.args).toEqual(['from-cli default-b']);
  });

  it('refuses names that would shadow the DSL or a built-in, and non-identifiers', async () => {
    for (const vars of [{ D: '1' }, { Object: '1' }, { 'a-b': '1' }]) {
      const { control } = await freshContext();
      expect(() => control.setVariables(JSON.stringify(vars))).toThrow(/-v /);
    }
    const { control } = await freshContext();
    expect(() => control.setVariables('[1]')).toThrow(/JSON object/);
  });
});

describe('positions', () => {
  it('are the innermost frame of the config script: a helper function in the config', async () => {
    const code = ['function web(name) {', '  return A(name, "192.0.2.1");', '}', 'D("x.example", "none",', '  web("a"),', ');'].join('\n');
    const r = await evaluate(code);
    expect(r.config?.domains[0]?.records[0]?.pos).toEqual({ line: 2, column: 10 });
    expect(r.config?.domains[0]?.pos).toEqual({ line: 4, column: 1 });
  });

  it('are absent when no config frame is on the stack', async () => {
    const { ctx, control } = await freshContext();
    new vm.Script('D("x.example", "none", A("@", "192.0.2.1"))', { filename: 'other-script' }).runInContext(ctx);
    const raw = JSON.parse(control.collect()) as { domains: { pos?: unknown; records: { pos?: unknown }[] }[] };
    expect(raw.domains[0]?.pos).toBeUndefined();
    expect(raw.domains[0]?.records[0]?.pos).toBeUndefined();
  });

  it('survive a config that replaces Error.prepareStackTrace and stackTraceLimit', async () => {
    const code = 'Error.prepareStackTrace = () => "nope"; Error.stackTraceLimit = 0;\nD("x.example", "none", A("@", "192.0.2.1"));\nnew Error().stack;';
    const r = await evaluate(code);
    expect(r.config?.domains[0]?.records[0]?.pos).toEqual({ line: 2, column: 24 });
    expect(vm.runInContext('Error.stackTraceLimit', r.context)).toBe(0);
  });
});

describe('determinism', () => {
  it('the same config gives byte-identical JSON twice', async () => {
    const code = 'D("x.example", "none", DefaultTTL(60), A("@", "192.0.2.1"), SPF_BUILDER({ parts: ["v=spf1", "-all"] }));';
    const { ctx: c1, control: k1 } = await freshContext();
    const { ctx: c2, control: k2 } = await freshContext();
    new vm.Script(code, { filename: 'zonesmith:config' }).runInContext(c1);
    new vm.Script(code, { filename: 'zonesmith:config' }).runInContext(c2);
    expect(k1.collect()).toBe(k2.collect());
  });

  it('the runtime bundle does not use Date or Math.random', async () => {
    const code = await runtimeBundle();
    expect(code).not.toMatch(/\bDate\b/);
    expect(code).not.toMatch(/Math\.random/);
  });
});

describe('scale', () => {
  it('records 1,000 domains x 100 records', async () => {
    const code = [
      'for (var i = 0; i < 1000; i++) {',
      '  var recs = [];',
      '  for (var j = 0; j < 100; j++) recs.push(A("h" + j, "192.0.2." + (j % 250), TTL(60)));',
      '  D("d" + i + ".example", "none", recs);',
      '}',
    ].join('\n');
    const r = await evaluate(code);
    expect(r.config?.domains).toHaveLength(1000);
    expect(r.config?.domains.reduce((n, d) => n + d.records.length, 0)).toBe(100_000);
    expect(r.config?.domains[999]?.records[99]).toEqual({ type: 'A', label: 'h99', args: ['192.0.2.99'], ttl: 60, pos: { line: 3, column: 43 } });
  });
});

describe('module.ts', () => {
  it('hands out the globals the runtime installed', async () => {
    const { ctx } = await freshContext();
    const bundled = await build({
      entryPoints: [path.join(ROOT, 'src/dsl/module.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'zonesmithModule',
      platform: 'neutral',
      write: false,
    });
    vm.runInContext((bundled.outputFiles[0] as { text: string }).text, ctx);
    const same = vm.runInContext(
      `${JSON.stringify(DSL_GLOBALS)}.filter(function (n) { return zonesmithModule[n] !== globalThis[n] || zonesmithModule[n] === undefined; })`,
      ctx,
    ) as string[];
    expect(same).toEqual([]);
  });
});
