/**
 * Zone-file benchmark: a zone of N records (default 1,000,000; A, AAAA, CNAME, MX, TXT including
 * long DKIM-like ones, SRV, CAA), written by our writer, read back by our reader, and loaded by
 * BIND's named-checkzone, each in its own process so each peak memory figure is its own.
 *
 *   node --import tsx bench/zonefile.ts [records]
 *
 * Target: our read and our write each at most 0.5x named-checkzone's wall time and at most 1.5x its
 * peak memory. Figures go in bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readZoneFile } from '../providers/bind/zonefile-reader.js';
import { writeZoneFile } from '../providers/bind/zonefile-writer.js';
import type { DnsRecord } from '../src/records/types.js';

const ZONE = 'bench.example';

/** The i-th record of the benchmark zone, in canonical form. */
function record(i: number): DnsRecord {
  const host = `host${i}.d${i % 1000}.${ZONE}`;
  const k = i % 100;
  if (k < 40) return { name: host, type: 'A', ttl: 300, rdata: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
  if (k < 55) return { name: host, type: 'AAAA', ttl: 300, rdata: `2001:db8:${(1 + (i >> 16)).toString(16)}::${(i & 0xffff).toString(16)}` };
  if (k < 70) return { name: `alias${i}.${ZONE}`, type: 'CNAME', ttl: 3600, rdata: `host${i - 1}.d${(i - 1) % 1000}.${ZONE}.` };
  if (k < 80) return { name: host, type: 'MX', ttl: 300, rdata: `${10 + (i % 3) * 10} mx${i % 50}.mail.example.net.` };
  if (k < 85) return { name: host, type: 'TXT', ttl: 300, rdata: `"v=spf1 ip4:10.${i & 255}.0.0/16 include:_spf.example.net ~all"` };
  if (k < 90) {
    // DKIM-like: longer than one 255-octet character-string.
    const key = Buffer.alloc(300, i % 251).toString('base64');
    return { name: `sel${i}._domainkey.${ZONE}`, type: 'TXT', ttl: 300, rdata: `"v=DKIM1; k=rsa; p=${key}"` };
  }
  if (k < 97) return { name: `_sip._tcp.${host}`, type: 'SRV', ttl: 300, rdata: `10 ${i % 100} 5060 sip${i % 20}.example.net.` };
  return { name: host, type: 'CAA', ttl: 300, rdata: `0 issue "ca${i % 5}.example.net"` };
}

/** The whole zone: SOA, NS with glue, then n - 4 generated records. */
export function benchRecords(n: number): DnsRecord[] {
  const out: DnsRecord[] = [
    { name: ZONE, type: 'SOA', ttl: 300, rdata: `ns1.${ZONE}. hostmaster.${ZONE}. 2026010100 3600 600 604800 300` },
    { name: ZONE, type: 'NS', ttl: 300, rdata: `ns1.${ZONE}.` },
    { name: ZONE, type: 'NS', ttl: 300, rdata: 'ns2.example.net.' },
    { name: `ns1.${ZONE}`, type: 'A', ttl: 300, rdata: '192.0.2.1' },
  ];
  for (let i = 0; out.length < n; i++) out.push(record(i));
  return out;
}

interface Measure {
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly processMs: number;
  readonly note?: string;
}

async function child(step: string, file: string, n: number): Promise<void> {
  if (step === 'write') {
    const records = benchRecords(n);
    // Flatten the generated strings and collect the generator's garbage, so the process holds what
    // a provider holds when it writes: the records, as flat strings.
    for (const r of records) r.name.charCodeAt(0) + r.rdata.charCodeAt(0);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss / 2 ** 20;
    const t0 = performance.now();
    await writeZoneFile(file, records, { zone: ZONE });
    const ms = performance.now() - t0;
    const note = `records in memory before writing: ${before.toFixed(0)} MiB RSS`;
    process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, note }));
    return;
  }
  const t0 = performance.now();
  const result = await readZoneFile(file, { origin: ZONE });
  const ms = performance.now() - t0;
  if (!result?.ok || result.records.length !== n) throw new Error(`read failed: ${result?.records.length} records, ${JSON.stringify(result?.diagnostics.slice(0, 3))}`);
  process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

function timed(cmd: string, args: string[]): { wallMs: number; maxRssMiB: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const lines = r.stderr.trim().split('\n');
  return { wallMs, maxRssMiB: Number(lines[lines.length - 1]) / 1024, stdout: r.stdout };
}

function ours(step: string, file: string, n: number): Measure {
  const self = fileURLToPath(import.meta.url);
  const r = timed(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', step, file, String(n)]);
  const m = JSON.parse(r.stdout) as { ms: number; maxRssMiB: number; note?: string };
  return { ms: m.ms, maxRssMiB: Math.max(m.maxRssMiB, r.maxRssMiB), processMs: r.wallMs, ...(m.note ? { note: m.note } : {}) };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!, Number(argv[3]));
  const n = Number(argv[0] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'zonefile-bench-'));
  const file = join(dir, `${ZONE}.zone`);
  try {
    const write = ours('write', file, n);
    const size = statSync(file).size;
    const read = ours('read', file, n);
    const bind = timed('named-checkzone', ['-q', '-i', 'local', ZONE, file]);
    const version = execFileSync('named-checkzone', ['-v'], { encoding: 'utf8' }).trim();
    const row = (label: string, ms: number, rss: number, extra = ''): string =>
      `| ${label} | ${(ms / 1000).toFixed(2)} s | ${rss.toFixed(0)} MiB | ${(ms / bind.wallMs).toFixed(2)}x | ${(rss / bind.maxRssMiB).toFixed(2)}x |${extra}`;
    console.log(`zone: ${n.toLocaleString('en')} records, ${(size / 2 ** 20).toFixed(1)} MiB; node ${process.version}; named-checkzone ${version}`);
    console.log('| step | time | peak RSS | time vs BIND | memory vs BIND |');
    console.log('|---|---|---|---|---|');
    console.log(row('our read (in process)', read.ms, read.maxRssMiB));
    console.log(row('our read (whole process)', read.processMs, read.maxRssMiB));
    console.log(row('our write (in process)', write.ms, write.maxRssMiB));
    console.log(row('our write (whole process)', write.processMs, write.maxRssMiB));
    console.log(row('named-checkzone -q -i local', bind.wallMs, bind.maxRssMiB));
    if (write.note) console.log(`\nwrite: ${write.note}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
