// The CLI's side of the hostile-config suite (test/load/hostile.test.ts covers the sandbox itself):
// each hostile config makes `zonesmith check` fail with exit 1 and a clear message naming the
// config, nothing crashes, and the same process then checks a good config successfully.
import { readdirSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

const HOSTILE = 'test/fixtures/load/hostile';
// Fixtures the sandbox must refuse outright (others, such as a getter that changes, are tolerated
// by design, and huge-output.js only trips a lowered output limit; all are covered in test/load).
const MUST_FAIL = ['constructor-escape.js', 'deep-recursion.js', 'fetch.js', 'infinite-loop.js', 'memory-heap.js', 'memory-one-allocation.js', 'memory-string.js', 'process.js', 'require.js', 'this-constructor.js', 'timers.js', 'eval-import.js', 'microtask-loop.js'];

async function check(config: string, ...extra: string[]): Promise<{ code: number; err: string }> {
  const o = memoryOutput();
  const code = await run(['node', 'zonesmith', 'check', '--no-typecheck', '--config', config, '--time-limit', '2000', '--memory-limit', '64', ...extra], o);
  return { code, err: o.stderr.join('') };
}

describe('zonesmith check on hostile configs', () => {
  const present = new Set(readdirSync(HOSTILE));
  const good = join(mkdtempSync(join(tmpdir(), 'zs-hostile-')), 'dnsconfig.js');
  writeFileSync(good, "D('example.com', 'none', A('@', '192.0.2.1'));\n");

  for (const name of MUST_FAIL) {
    it(name, async () => {
      expect(present.has(name), `fixture ${name} exists`).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'zs-hostile-'));
      const config = join(dir, 'dnsconfig.js');
      copyFileSync(join(HOSTILE, name), config);
      const bad = await check(config);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/error/);
      expect(bad.err).not.toMatch(/internal error/);
      const after = await check(good);
      expect(after.code).toBe(0);
    });
  }
});
