// The built CLI (dist/, what `npx zonesmith` runs, with its prebuilt sandbox and DSL bundles) gives
// the same results as the sources the other tests run. `npm ci` builds dist/ (prepare), so CI
// always runs these; a checkout that was never built has nothing to run them on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// What npx runs: the bundled CLI (src/cli/cli-bundle.ts), as package.json's bin names it.
const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { zonesmith: string } }).bin.zonesmith);

function built(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync(BIN))('the built CLI', () => {
  it('prints the same IR for the example config as the sources do', async () => {
    const config = path.join(ROOT, 'dnsconfig.ts');
    const fromDist = built(['print-ir', '--config', config], ROOT);
    expect(fromDist.stderr).toBe('');
    expect(fromDist.code).toBe(0);
    const o = memoryOutput();
    const code = await run(['node', 'zonesmith', 'print-ir', '--config', config], o);
    expect(code).toBe(0);
    // Line endings aside (the memory output keeps lines, the process writes them out).
    expect(fromDist.stdout.trimEnd()).toBe(o.stdout.join('\n').trimEnd());
  });

  // npx runs the bin file itself (its #! line), so the build must leave it executable: tsc does not.
  it.skipIf(process.platform === 'win32')('is an executable file, as npx runs it', () => {
    const r = spawnSync(BIN, ['--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('goes on quietly when the reader of its output goes away (print-ir | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'print-ir', '--config', path.join(ROOT, 'dnsconfig.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    // Stop reading at the first chunk, as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  // The bundled CLI loads a provider and the type checker from chunks of its own (dynamic imports).
  it('previews the example against its zone files and type-checks it', () => {
    const preview = built(['preview'], ROOT);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Done\. \d+ corrections?\./);
    const check = built(['check'], ROOT);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('No errors.');
  });

  it('reports a bad record at its line and column and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-built-'));
    writeFileSync(path.join(dir, 'dnsconfig.js'), "D('example.com', 'none',\n  A('www', '192.0.2.300'));\n");
    const r = built(['check', '--no-typecheck'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dnsconfig\.js:2:3: error\[/);
    expect(r.stderr).toContain('192.0.2.300');
  });
});
