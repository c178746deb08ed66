// `zonesmith check` on invalid configs and IR files: exit code 1 and every problem printed, each
// with its code and location, not only the first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

const DIR = 'test/fixtures/invalid';

function expected(file: string): string[] {
  const code = readFileSync(join(DIR, file), 'utf8');
  return [...code.matchAll(/^\/\/ expect: (error|warning) ([a-z0-9-]+) (\d+):(\d+)$/gm)].map(
    (m) => `${join(DIR, file)}:${m[3]}:${m[4]}: ${m[1]}[${m[2]}]: `,
  );
}

async function check(args: string[]): Promise<{ code: number; stderr: string[] }> {
  const output = memoryOutput();
  const code = await run(['node', 'zonesmith', 'check', '--no-typecheck', ...args], output);
  return { code, stderr: output.stderr.flatMap((t) => t.split('\n')).filter((l) => l !== '') };
}

describe('zonesmith check', () => {
  for (const file of ['048-many-problems-one-domain.js', '049-many-domains.js', '050-declarations-and-records.js']) {
    it(`prints every problem of ${file} and exits 1`, async () => {
      const { code, stderr } = await check(['--config', join(DIR, file)]);
      expect(code).toBe(1);
      const want = expected(file);
      expect(want.length).toBeGreaterThan(3);
      for (const prefix of want) expect(stderr.filter((l) => l.startsWith(prefix)), `${prefix} in\n${stderr.join('\n')}`).toHaveLength(1);
      expect(stderr.filter((l) => / (error|warning)\[/.test(l))).toHaveLength(want.length);
    });
  }

  it('checks an IR file with --ir and points into it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonesmith-ir-'));
    try {
      const file = join(dir, 'gen.json');
      writeFileSync(
        file,
        JSON.stringify(
          {
            version: 1,
            registrars: [{ name: 'none', type: 'NONE', meta: {} }],
            dnsProviders: [],
            domains: [
              {
                name: 'example.com',
                registrar: 'none',
                dnsProviders: [],
                records: [
                  { name: 'example.com', type: 'CNAME', ttl: 300, rdata: 'x.example.net.' },
                  { name: 'www.example.com', type: 'A', ttl: 300, rdata: '192.0.2.300' },
                ],
              },
            ],
          },
          null,
          2,
        ),
      );
      const { code, stderr } = await check(['--ir', file]);
      expect(code).toBe(1);
      // Each record's opening brace in the file (the generator wrote no config locations).
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = (text: string): string => {
        let i = lines.findIndex((l) => l.includes(text));
        while (i > 0 && (lines[i] as string).trim() !== '{') i--;
        return `${i + 1}:${(lines[i] as string).indexOf('{') + 1}`;
      };
      expect(stderr.filter((l) => l.includes('error['))).toEqual([
        `${file}:${at('"x.example.net."')}: error[cname-at-apex]: CNAME is not allowed at the apex of example.com (the apex holds SOA and NS); use ALIAS if the provider has it`,
        `${file}:${at('"192.0.2.300"')}: error[invalid-ipv4]: "192.0.2.300" is not an IPv4 address (a dotted quad without leading zeros)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
