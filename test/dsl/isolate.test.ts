// The runtime in a real isolated-vm isolate, the way the loader runs it: the structured stack
// API must see the script names, and only JSON strings cross the boundary.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { RawConfig } from '../../src/dsl/raw-types.js';
import { runtimeBundle } from './harness.js';

const require = createRequire(import.meta.url);
const major = Number(process.versions.node.split('.')[0]);

interface IsolateLike {
  createContext(): Promise<ContextLike>;
  compileScript(code: string, opts: { filename: string }): Promise<{ run(ctx: ContextLike): Promise<unknown> }>;
  dispose(): void;
}
interface ContextLike {
  eval(code: string): Promise<unknown>;
}

const ivm = require(major >= 24 ? 'isolated-vm-node24' : 'isolated-vm-node20') as { Isolate: new (o: { memoryLimit: number }) => IsolateLike };

async function runInIsolate(config: string, variables?: Record<string, unknown>): Promise<{ raw?: RawConfig; error?: string; lastError?: string }> {
  const isolate = new ivm.Isolate({ memoryLimit: 128 });
  try {
    const context = await isolate.createContext();
    await (await isolate.compileScript(await runtimeBundle(), { filename: 'zonesmith:dsl' })).run(context);
    if (variables) await context.eval(`__zonesmith.setVariables(${JSON.stringify(JSON.stringify(variables))})`);
    try {
      await (await isolate.compileScript(config, { filename: 'zonesmith:config' })).run(context);
    } catch (e) {
      return { error: (e as Error).message, lastError: (await context.eval('__zonesmith.lastError()')) as string };
    }
    return { raw: JSON.parse((await context.eval('__zonesmith.collect()')) as string) as RawConfig };
  } finally {
    isolate.dispose();
  }
}

describe('in isolated-vm', () => {
  it('records a config with call-site positions', async () => {
    const { raw } = await runInIsolate('var REG = NewRegistrar("none");\nD(env + ".example", REG,\n    A("@", "192.0.2.1"),\n    MX("@", 10, "mail"),\n);', {
      env: 'prod',
    });
    expect(raw?.registrars).toEqual([{ name: 'none', type: null, meta: {}, pos: { line: 1, column: 11 } }]);
    expect(raw?.domains[0]?.name).toBe('prod.example');
    expect(raw?.domains[0]?.pos).toEqual({ line: 2, column: 1 });
    expect(raw?.domains[0]?.records.map((r) => [r.type, r.args, r.pos])).toEqual([
      ['A', ['192.0.2.1'], { line: 3, column: 5 }],
      ['MX', [10, 'mail'], { line: 4, column: 5 }],
    ]);
  });

  it('reports a DslError with its code and position through lastError()', async () => {
    const r = await runInIsolate('D("x.example", "none");\n  D("x.example", "none");');
    expect(r.error).toMatch(/declared more than once/);
    expect(JSON.parse(r.lastError as string)).toEqual({
      code: 'dsl-duplicate-domain',
      message: 'D("x.example"): x.example is declared more than once',
      pos: { line: 2, column: 3 },
    });
  });
});
