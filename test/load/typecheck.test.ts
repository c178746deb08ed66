import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ir/diagnostic.js';
import { typecheckConfig } from '../../src/load/typecheck.js';

const T = 'test/fixtures/load/typecheck';
const check = (file: string): string[] => typecheckConfig(file).map(formatDiagnostic);

describe('typecheckConfig', () => {
  it('accepts good configs in both forms, split over files, using the sandbox console', () => {
    expect(check(`${T}/module-good.ts`)).toEqual([]);
    expect(check(`${T}/global-good.ts`)).toEqual([]);
  });

  it('reports type errors at file:line:col with ts codes, in the config and in what it imports', () => {
    expect(check(`${T}/module-bad.ts`)).toEqual([
      `${T}/lib/broken.ts:3:36: error[ts2345]: Argument of type 'number' is not assignable to parameter of type 'string'.`,
      `${T}/module-bad.ts:5:11: error[ts2345]: Argument of type 'string' is not assignable to parameter of type 'number'.`,
    ]);
    expect(check(`${T}/global-bad.ts`)).toEqual([`${T}/global-bad.ts:5:3: error[ts2555]: Expected at least 2 arguments, but got 1.`]);
  });

  it('types the sandbox, not Node: process and setTimeout do not exist', () => {
    expect(check(`${T}/sandbox-apis.ts`)).toEqual([
      expect.stringMatching(new RegExp(`^${T}/sandbox-apis.ts:3:49: error\\[ts2591\\]: Cannot find name 'process'`)),
      `${T}/sandbox-apis.ts:4:1: error[ts2304]: Cannot find name 'setTimeout'.`,
    ]);
  });

  it('checks a DNSControl .js config only when it opts in with // @ts-check', () => {
    expect(check(`${T}/checked.js`)).toEqual([`${T}/checked.js:5:11: error[ts2345]: Argument of type 'string' is not assignable to parameter of type 'number'.`]);
    expect(check(`${T}/unchecked.js`)).toEqual([]);
  });

  it('honours a tsconfig.json next to the config', () => {
    expect(check(`${T}/with-tsconfig/dnsconfig.ts`)).toEqual([
      `${T}/with-tsconfig/dnsconfig.ts:3:7: error[ts6133]: 'unused' is declared but its value is never read.`,
    ]);
  });

  it('needs no node_modules next to the config', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-typecheck-'));
    for (const f of readdirSync(T)) cpSync(path.join(T, f), path.join(dir, f), { recursive: true });
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    const rel = path.relative(process.cwd(), dir).split(path.sep).join('/');
    expect(check(path.join(dir, 'module-good.ts'))).toEqual([]);
    expect(check(path.join(dir, 'global-good.ts'))).toEqual([]);
    expect(check(path.join(dir, 'global-bad.ts'))).toEqual([`${rel}/global-bad.ts:5:3: error[ts2555]: Expected at least 2 arguments, but got 1.`]);
  });
});
