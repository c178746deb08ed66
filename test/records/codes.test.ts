import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every RdataError and check code in src/records appears in a records test (quoted, as a test
 * would assert it), so no code ships unexercised. Codes built from a prefix (`${p}-usage-range`)
 * are expanded for each type that uses the prefix.
 */

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const src = files('src/records').map((f) => readFileSync(f, 'utf8')).join('\n');
const tests = files('test/records')
  .filter((f) => !f.endsWith('codes.test.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const literal = [...src.matchAll(/(?:RdataError\(|issue\(|rangeIssue\(out, |code: )'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
const prefixed = [...src.matchAll(/`\$\{p\}(-[a-z-]+)`/g)].flatMap((m) => ['tlsa', 'smimea'].map((p) => `${p}${m[1]}`));
const all = [...new Set([...literal, ...prefixed])].sort();

describe('stable codes', () => {
  it('finds the codes', () => {
    expect(all.length).toBeGreaterThan(60);
    expect(all).toContain('target-needs-trailing-dot');
    expect(all).toContain('tlsa-usage-range');
  });

  it.each(all)('%s is exercised by a test', (code) => {
    expect(tests.includes(`'${code}'`)).toBe(true);
  });
});
