import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

describe('split-horizon domains', () => {
  it('push each tag of a name to its own zone file, and preview them apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-split-'));
    writeFileSync(join(dir, 'creds.json'), JSON.stringify({ bind: { TYPE: 'BIND', directory: join(dir, 'zones') } }));
    writeFileSync(join(dir, 'dnsconfig.js'), `
      var REG = NewRegistrar('none');
      var DSP = NewDnsProvider('bind', '-', { default_ns: ['ns1.example.net.'] });
      D('example.com!inside', REG, DnsProvider(DSP), A('www', '10.0.0.1'));
      D('example.com', REG, DnsProvider(DSP), A('www', '192.0.2.1'));
    `);
    const cli = async (...args: string[]) => {
      const o = memoryOutput();
      const code = await run(['node', 'zonesmith', ...args, '--config', join(dir, 'dnsconfig.js'), '--creds', join(dir, 'creds.json')], o);
      return { code, out: o.stdout.join(''), err: o.stderr.join('') };
    };
    const push = await cli('push');
    expect(push.err).not.toMatch(/error/i);
    expect(push.code).toBe(0);
    expect(readFileSync(join(dir, 'zones', 'example.com!inside.zone'), 'utf8')).toContain('10.0.0.1');
    expect(readFileSync(join(dir, 'zones', 'example.com.zone'), 'utf8')).toContain('192.0.2.1');
    expect(existsSync(join(dir, 'zones', 'example.com!inside.zone'))).toBe(true);
    const again = await cli('preview', '--expect-no-changes');
    expect(again.code).toBe(0);
    const one = await cli('preview', '--domains', 'example.com!inside');
    expect(one.out).toContain('Domain: example.com!inside');
    expect(one.out).not.toMatch(/Domain: example\.com\n/);
  });
});
