/**
 * End-to-end preview benchmark: D domains × R records (default 1,000 × 100) in a typed dnsconfig.ts,
 * already pushed to BIND zone files, then `zonesmith preview` run in-process exactly as the CLI runs
 * it (evaluate in the sandbox, validate, read every zone file, diff, render). One record per zone
 * is changed, so the plan has work in it. Reports wall time and peak RSS.
 *
 *   node --no-node-snapshot --import tsx bench/preview.ts [domains] [records]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../src/cli/main.js';
import { memoryOutput } from '../src/cli/output.js';

const DOMAINS = Number(process.argv[2] ?? 1000);
const RECORDS = Number(process.argv[3] ?? 100);

function config(variant: number): string {
  const lines = ["import { A, CNAME, D, DnsProvider, MX, NewDnsProvider, NewRegistrar, TXT } from 'zonesmith';", "const REG = NewRegistrar('none');", "const DSP = NewDnsProvider('bind', 'BIND', { default_ns: ['ns1.example.net.'] });"];
  for (let d = 0; d < DOMAINS; d++) {
    const recs: string[] = [];
    for (let r = 0; r < RECORDS; r++) {
      const v = r === 0 ? variant : 0;
      switch (r % 4) {
        case 0: recs.push(`A('h${r}', '10.${d % 250}.${r % 250}.${1 + v}')`); break;
        case 1: recs.push(`CNAME('c${r}', 'h${r - 1}')`); break;
        case 2: recs.push(`MX('m${r}', ${10 + (r % 50)}, 'mail.example.net.')`); break;
        default: recs.push(`TXT('t${r}', 'v=spf1 include:_spf${r}.example.net -all')`);
      }
    }
    lines.push(`D('zone${d}.bench', REG, DnsProvider(DSP),\n  ${recs.join(',\n  ')},\n);`);
  }
  return `${lines.join('\n')}\n`;
}

async function cli(dir: string, ...args: string[]): Promise<{ code: number; ms: number; out: string; err: string }> {
  const o = memoryOutput();
  const t0 = performance.now();
  const code = await run(['node', 'zonesmith', ...args, '--config', join(dir, 'dnsconfig.ts'), '--creds', join(dir, 'creds.json'), '--time-limit', '120000'], o);
  return { code, ms: performance.now() - t0, out: o.stdout.join(''), err: o.stderr.join('').slice(0, 2000) };
}

const dir = mkdtempSync(join(tmpdir(), 'zs-bench-preview-'));
try {
  writeFileSync(join(dir, 'creds.json'), JSON.stringify({ bind: { TYPE: 'BIND', directory: join(dir, 'zones') } }));
  writeFileSync(join(dir, 'dnsconfig.ts'), config(0));
  const push = await cli(dir, 'push');
  if (push.code !== 0) throw new Error(`initial push failed (${push.code}): ${push.err}`);
  writeFileSync(join(dir, 'dnsconfig.ts'), config(1));
  const rssBefore = process.memoryUsage().rss;
  const preview = await cli(dir, 'preview');
  const last = preview.out.trim().split('\n').pop();
  console.log(`preview of ${DOMAINS} zones × ${RECORDS} records: ${(preview.ms / 1000).toFixed(2)} s wall, exit ${preview.code}, "${last}"`);
  console.log(`initial push of the same: ${(push.ms / 1000).toFixed(2)} s wall`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (RSS before preview ${(rssBefore / 2 ** 20).toFixed(0)} MB)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
