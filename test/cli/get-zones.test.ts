import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatZone } from '../../providers/bind/zonefile-writer.js';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';
import { rdataFromArgs } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';
import { LONG_TXT } from '../records/samples.js';

const ZONE = 'rt.example';

// One label per sample, so no two records constrain each other (CNAME exclusivity and the like).
const SAMPLES: [string, string, unknown[], number?][] = [
  ['@', 'A', ['192.0.2.1']],
  ['@', 'AAAA', ['2001:db8::1']],
  ['@', 'MX', [10, 'mail']],
  ['@', 'MX', [20, 'mx.example.net.']],
  ['@', 'TXT', ['v=spf1 -all']],
  ['@', 'CAA', [0, 'issue', 'letsencrypt.org']],
  ['@', 'CAA', [128, 'issuewild', ';']],
  ['mail', 'A', ['192.0.2.25'], 60],
  ['www', 'CNAME', ['@']],
  ['deep.www2', 'CNAME', ['mail']],
  ['out', 'CNAME', ['target.example.org.']],
  ['_sip._tcp', 'SRV', [5, 6, 7, 'mail']],
  ['txt-odd', 'TXT', ['a "quoted" \\ back;semi']],
  ['txt-utf8', 'TXT', ['héllo wörld ✓']],
  ['txt-long', 'TXT', [LONG_TXT]],
  ['txt-empty', 'TXT', ['']],
  ['dhcid', 'DHCID', ['AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=']],
  ['dname', 'DNAME', ['target.example.org.']],
  ['@', 'DNSKEY', [257, 3, 13, 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==']],
  ['child', 'NS', ['ns1.example.net.']],
  ['child', 'DS', [60485, 5, 1, '2BB183AF5F22588179A53B0A98631FAD1A292118']],
  ['@', 'HTTPS', [1, '.', 'alpn=h3,h2 ipv4hint=192.0.2.1']],
  ['_dns', 'SVCB', [1, 'dns.example.net.', 'alpn=dot port=853']],
  ['@', 'LOC', [52, 22, 23, 'N', 4, 53, 32, 'E', -2, 1, 10000, 10]],
  ['naptr', 'NAPTR', [100, 10, 'U', 'E2U+sip', '!^.*$!sip:customer-service@example.com!', '.']],
  ['pgp._openpgpkey', 'OPENPGPKEY', ['mQANBA==']],
  ['4', 'PTR', ['host.example.org.']],
  ['@', 'RP', ['hostmaster', 'info.example.org.']],
  ['x._smimecert', 'SMIMEA', [3, 0, 1, '0123456789abcdef'.repeat(4)]],
  ['ssh', 'SSHFP', [1, 1, '66c7d5540b7d75a1fb4c84febfa178ad99bdd67c']],
  ['_443._tcp', 'TLSA', [3, 1, 1, '0123456789abcdef'.repeat(4)]],
];

function records(): DnsRecord[] {
  const out: DnsRecord[] = [
    { name: ZONE, type: 'SOA', ttl: 3600, rdata: `ns1.example.net. hostmaster.${ZONE}. 2026010101 3600 600 604800 300` },
    { name: ZONE, type: 'NS', ttl: 3600, rdata: 'ns1.example.net.' },
    { name: ZONE, type: 'NS', ttl: 3600, rdata: 'ns2.example.net.' },
  ];
  for (const [label, type, args, ttl] of SAMPLES) {
    out.push({ name: label === '@' ? ZONE : `${label}.${ZONE}`, type, ttl: ttl ?? 3600, rdata: rdataFromArgs(type, args, { zone: ZONE }) });
  }
  return out;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const o = memoryOutput();
  const code = await run(['node', 'zonesmith', ...args], o);
  return { code, out: o.stdout.join(''), err: o.stderr.join('') };
}

describe('get-zones', () => {
  for (const form of ['ts', 'js'] as const) {
    it(`writes a ${form} config that previews with no changes, every type included`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zs-getzones-'));
      writeFileSync(join(dir, `${ZONE}.zone`), formatZone(records(), { zone: ZONE }));
      const creds = join(dir, 'creds.json');
      writeFileSync(creds, JSON.stringify({ local: { TYPE: 'BIND', directory: dir } }));
      const config = join(dir, `dnsconfig.${form}`);
      const got = await cli('get-zones', '--creds', creds, '--format', form, '--out', config, 'local', ZONE);
      expect(got.err).toBe('');
      expect(got.code).toBe(0);
      const text = readFileSync(config, 'utf8');
      expect(text).not.toContain('not expressible');
      if (form === 'ts') expect(text).toMatch(/^import \{ .* \} from 'zonesmith';$/m);
      else expect(text).not.toContain('import');
      const preview = await cli('preview', '--config', config, '--creds', creds, '--expect-no-changes');
      expect(preview.err).toBe('');
      expect(preview.out).toContain('Done. 0 corrections.');
      expect(preview.code).toBe(0);
    });
  }

  it('keeps records no builder can express as comments, and lists every zone with "all"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-getzones-'));
    const rec: DnsRecord[] = [...records().slice(0, 3), { name: `odd.${ZONE}`, type: 'TYPE65280', ttl: 300, rdata: '\\# 4 0a000001' }];
    writeFileSync(join(dir, `${ZONE}.zone`), formatZone(rec, { zone: ZONE }));
    writeFileSync(join(dir, 'second.example.zone'), formatZone(records().slice(0, 3).map((r) => ({ ...r, name: 'second.example', rdata: r.rdata.replace(`hostmaster.${ZONE}`, 'hostmaster.second.example') })), { zone: 'second.example' }));
    const creds = join(dir, 'creds.json');
    writeFileSync(creds, JSON.stringify({ local: { TYPE: 'BIND', directory: dir } }));
    const got = await cli('get-zones', '--creds', creds, 'local', 'all');
    expect(got.code).toBe(0);
    expect(got.out).toContain(`// not expressible in the DSL: odd.${ZONE}. 300 TYPE65280 \\# 4 0a000001`);
    expect(got.out).toContain("D('second.example'");
    expect(got.out).toContain(`D('${ZONE}'`);
  });

  it('fails clearly for an unknown creds entry', async () => {
    const got = await cli('get-zones', '--creds', '/nonexistent/creds.json', 'nope', 'x.example');
    expect(got.code).toBe(1);
    expect(got.err).toContain('creds.json has no entry "nope"');
  });
});
