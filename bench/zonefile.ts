/**
 * Zone-file benchmark: a zone of N records (default 1,000,000; A, AAAA, CNAME, MX, TXT including
 * long DKIM-like ones, SRV, CAA), written by our writer, read back by our reader, and loaded by
 * BIND's named-checkzone, each in its own process so each peak memory figure is its own.
 *
 *   node --import tsx bench/zonefile.ts [records] [runs]
 *
 * Target: our read and our write each at most 0.5x named-checkzone's wall time and at most 1.5x its
 * peak memory. named-checkzone runs with `-i local`: by default it also looks up every out-of-zone
 * MX/SRV target in the DNS, one query per record, which made it take minutes here and measures the
 * network, not the zone file. CPU time is shown too: on a shared machine it varies far less than
 * wall time. Figures go in bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readZoneFile } from '../providers/bind/zonefile-reader.js';
import { writeZoneFile } from '../providers/bind/zonefile-writer.js';
import type { DnsRecord } from '../src/records/types.js';

const ZONE = 'bench.example';

/** One flat string from parts (a template literal leaves a tree of cons strings behind). */
function flat(...parts: (string | number)[]): string {
  return parts.join('');
}

/** DKIM-like keys, longer than one 255-octet character-string. */
const KEYS = Array.from({ length: 251 }, (_, i) => Buffer.alloc(300, i).toString('base64'));

/** The i-th record of the benchmark zone, in canonical form. */
function record(i: number): DnsRecord {
  const host = flat('host', i, '.d', i % 1000, '.', ZONE);
  const k = i % 100;
  if (k < 40) return { name: host, type: 'A', ttl: 300, rdata: flat('10.', (i >> 16) & 255, '.', (i >> 8) & 255, '.', i & 255) };
  if (k < 55) return { name: host, type: 'AAAA', ttl: 300, rdata: flat('2001:db8:', (1 + (i >> 16)).toString(16), '::', (i & 0xffff).toString(16)) };
  if (k < 70) return { name: flat('alias', i, '.', ZONE), type: 'CNAME', ttl: 3600, rdata: flat('host', i - 1, '.d', (i - 1) % 1000, '.', ZONE, '.') };
  if (k < 80) return { name: host, type: 'MX', ttl: 300, rdata: flat(10 + (i % 3) * 10, ' mx', i % 50, '.mail.example.net.') };
  if (k < 85) return { name: host, type: 'TXT', ttl: 300, rdata: flat('"v=spf1 ip4:10.', i & 255, '.0.0/16 include:_spf.example.net ~all"') };
  if (k < 90) return { name: flat('sel', i, '._domainkey.', ZONE), type: 'TXT', ttl: 300, rdata: flat('"v=DKIM1; k=rsa; p=', KEYS[i % 251]!, '"') };
  if (k < 97) return { name: flat('_sip._tcp.', host), type: 'SRV', ttl: 300, rdata: flat('10 ', i % 100, ' 5060 sip', i % 20, '.example.net.') };
  return { name: host, type: 'CAA', ttl: 300, rdata: flat('0 issue "ca', i % 5, '.example.net"') };
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

/** One measurement: the operation's wall and CPU time and the process's peak memory. */
interface Measure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  /** Wall time of the whole process (for ours: Node start-up, tsx compiling, generating input). */
  readonly processMs: number;
  /** RSS before the operation started (the write's input records already in memory). */
  readonly baseRssMiB?: number;
}

function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

async function child(step: string, file: string, n: number): Promise<void> {
  let records: DnsRecord[] = [];
  if (step === 'write') {
    // The process holds what a provider holds when it writes: the records, as flat strings.
    records = benchRecords(n);
    (globalThis as { gc?: () => void }).gc?.();
  }
  const baseRssMiB = process.memoryUsage().rss / 2 ** 20;
  const c0 = cpuNow();
  const t0 = performance.now();
  if (step === 'write') await writeZoneFile(file, records, { zone: ZONE });
  else {
    const result = await readZoneFile(file, { origin: ZONE });
    if (!result?.ok || result.records.length !== n) throw new Error(`read failed: ${result?.records.length} records, ${JSON.stringify(result?.diagnostics.slice(0, 3))}`);
  }
  const wallMs = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  process.stdout.write(JSON.stringify({ wallMs, cpuMs, baseRssMiB, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** Runs a command under /usr/bin/time: wall time, CPU time (user + system) and peak RSS. */
function timed(cmd: string, args: string[]): { wallMs: number; cpuMs: number; maxRssMiB: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wallMs, cpuMs: (user + sys) * 1000, maxRssMiB: rss / 1024, stdout: r.stdout };
}

function ours(step: string, file: string, n: number): Measure {
  const self = fileURLToPath(import.meta.url);
  const r = timed(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', step, file, String(n)]);
  const m = JSON.parse(r.stdout) as { wallMs: number; cpuMs: number; maxRssMiB: number; baseRssMiB: number };
  return { wallMs: m.wallMs, cpuMs: m.cpuMs, maxRssMiB: Math.max(m.maxRssMiB, r.maxRssMiB), processMs: r.wallMs, baseRssMiB: m.baseRssMiB };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The median of each field over the runs. */
function med(ms: readonly Measure[]): Measure {
  return {
    wallMs: median(ms.map((m) => m.wallMs)),
    cpuMs: median(ms.map((m) => m.cpuMs)),
    maxRssMiB: median(ms.map((m) => m.maxRssMiB)),
    processMs: median(ms.map((m) => m.processMs)),
    baseRssMiB: median(ms.map((m) => m.baseRssMiB ?? 0)),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!, Number(argv[3]));
  const n = Number(argv[0] ?? 1_000_000);
  const runs = Number(argv[1] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'zonefile-bench-'));
  const file = join(dir, `${ZONE}.zone`);
  try {
    // Interleaved, so load from other work on the machine falls on all three alike.
    const w: Measure[] = [];
    const r: Measure[] = [];
    const b: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      w.push(ours('write', file, n));
      r.push(ours('read', file, n));
      const t = timed('named-checkzone', ['-q', '-i', 'local', ZONE, file]);
      b.push({ wallMs: t.wallMs, cpuMs: t.cpuMs, maxRssMiB: t.maxRssMiB, processMs: t.wallMs });
    }
    const size = statSync(file).size;
    const write = med(w);
    const read = med(r);
    const bind = med(b);
    const version = execFileSync('named-checkzone', ['-v'], { encoding: 'utf8' }).trim();
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const x = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
    const row = (label: string, m: Measure): string =>
      `| ${label} | ${s(m.wallMs)} | ${s(m.cpuMs)} | ${m.maxRssMiB.toFixed(0)} MiB | ${x(m.wallMs, bind.wallMs)} | ${x(m.cpuMs, bind.cpuMs)} | ${x(m.maxRssMiB, bind.maxRssMiB)} |`;
    console.log(`zone: ${n.toLocaleString('en')} records, ${(size / 2 ** 20).toFixed(1)} MiB; median of ${runs} interleaved runs; node ${process.version}; named-checkzone ${version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('| step | wall | CPU | peak RSS | wall vs BIND | CPU vs BIND | memory vs BIND |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(row('our read (readZoneFile)', read));
    console.log(row('our write (writeZoneFile)', write));
    console.log(row('named-checkzone -q -i local', bind));
    console.log(`\nour processes, whole (Node start-up, tsx, and for the write generating the records): read ${s(read.processMs)}, write ${s(write.processMs)}`);
    console.log(`write: ${write.baseRssMiB?.toFixed(0)} MiB RSS with the records in memory before writing`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
