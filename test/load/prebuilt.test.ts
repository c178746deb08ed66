import { existsSync, mkdtempSync, utimesSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDslBundle } from '../../src/load/dsl-source.js';
import { prebuiltPath, readPrebuilt, writePrebuilt } from '../../src/load/prebuilt.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A built entry file and one input it imports, in a fresh directory. */
function layout(): { entry: string; input: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-prebuilt-'));
  dirs.push(dir);
  const entry = path.join(dir, 'runtime.js');
  const input = path.join(dir, 'dep.js');
  writeFileSync(entry, 'import "./dep.js";\n');
  writeFileSync(input, 'globalThis.x = 1;\n');
  return { entry, input };
}

function age(file: string, seconds: number): void {
  const t = new Date(Date.now() - seconds * 1000);
  utimesSync(file, t, t);
}

describe('prebuilt bundles', () => {
  it('reads back what was written, while no input is newer', async () => {
    const { entry, input } = layout();
    age(entry, 60);
    age(input, 60);
    const bundle = await writePrebuilt(entry, { code: 'BUNDLE', inputs: [entry, input] });
    expect(bundle).toBe(prebuiltPath(entry));
    expect(await readPrebuilt(entry)).toBe('BUNDLE');
  });

  it('ignores a bundle older than one of its inputs (tsc ran again without the prebundle step)', async () => {
    const { entry, input } = layout();
    await writePrebuilt(entry, { code: 'BUNDLE', inputs: [entry, input] });
    age(prebuiltPath(entry) as string, 60);
    expect(await readPrebuilt(entry)).toBeUndefined();
  });

  it('ignores a bundle whose input list is missing or names a file that is gone', async () => {
    const { entry, input } = layout();
    await writePrebuilt(entry, { code: 'BUNDLE', inputs: [entry, input] });
    rmSync(input);
    expect(await readPrebuilt(entry)).toBeUndefined();
    rmSync(`${(prebuiltPath(entry) as string).slice(0, -3)}.json`);
    writeFileSync(input, '');
    expect(await readPrebuilt(entry)).toBeUndefined();
  });

  it('has none for TypeScript sources (running from src/ always bundles afresh)', async () => {
    expect(prebuiltPath('/x/runtime.ts')).toBeUndefined();
    expect(await readPrebuilt('/x/runtime.ts')).toBeUndefined();
  });

  // `npm ci` builds dist/ (prepare), so CI always checks the shipped bundles; a checkout that was
  // never built has nothing to check.
  const distRuntime = fileURLToPath(new URL('../../dist/src/dsl/runtime.js', import.meta.url));
  it.skipIf(!existsSync(distRuntime))('the built package ships the DSL runtime exactly as bundling it now gives', async () => {
    const shipped = await readPrebuilt(distRuntime);
    expect(shipped, 'dist/src/dsl/runtime.bundle.js is missing or stale: run npm run build').toBeDefined();
    expect(shipped).toBe((await buildDslBundle(distRuntime)).code);
  });
});
