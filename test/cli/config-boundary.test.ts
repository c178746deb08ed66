import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

async function cli(...args: string[]) {
  const o = memoryOutput();
  const code = await run(['node', 'zonesmith', ...args], o);
  return { code, out: o.stdout.join(''), err: o.stderr.join('') };
}

describe('what crosses the config boundary', () => {
  it("refuses a config importing the credentials file in use, whatever it is called, and never shows the secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-boundary-'));
    const secret = 'sk-live-do-not-leak-4242';
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ bind: { TYPE: 'BIND', directory: join(dir, 'zones'), token: secret } }));
    writeFileSync(join(dir, 'dnsconfig.ts'), `import creds from './secrets.json';
import { D, DnsProvider, NewDnsProvider, NewRegistrar, TXT } from 'zonesmith';
D('leak.example', NewRegistrar('none'), DnsProvider(NewDnsProvider('bind')), TXT('@', JSON.stringify(creds)));
`);
    const got = await cli('preview', '--config', join(dir, 'dnsconfig.ts'), '--creds', join(dir, 'secrets.json'));
    expect(got.code).toBe(1);
    expect(got.err).toMatch(/secrets\.json/);
    expect(got.out + got.err).not.toContain(secret);
  });

  it("prints the config's console output on stderr, marked as such", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-boundary-'));
    writeFileSync(join(dir, 'dnsconfig.js'), `console.log('building', 2 + 2); D('c.example', 'none');\n`);
    const got = await cli('check', '--no-typecheck', '--config', join(dir, 'dnsconfig.js'));
    expect(got.code).toBe(0);
    expect(got.err).toContain('console.log: building 4');
    expect(got.out).toContain('No errors.');
  });
});
