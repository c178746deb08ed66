/**
 * Diff benchmark: a zone of N records (default 1,000,000) of mixed types, with 1% of them changed
 * (a third updated, a third deleted, a third new), diffed at each granularity.
 *
 *   node --import tsx bench/diff.ts [records] [--handsoff]
 *
 * `--handsoff` adds two IGNORE rules and NO_PURGE, so every existing record is matched against the
 * rules. The target: ≤ 1.5 s for the 1,000,000-record case (rrset granularity, no hands-off rules).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { diffZone } from '../src/diff/diff-zone.js';
import type { Granularity } from '../src/diff/types.js';
import type { IrHandsOff } from '../src/ir/types.js';
import type { DnsRecord } from '../src/records/types.js';

const ZONE = 'bench.example';

function record(i: number, variant: number): DnsRecord {
  const name = `host${i}.${ZONE}`;
  switch (i % 10) {
    case 0:
      return { name, type: 'MX', ttl: 300, rdata: `10 mx${(i + variant) % 97}.${ZONE}.` };
    case 1:
      return { name, type: 'TXT', ttl: 300, rdata: `"v=spf1 include:_spf${variant}.${ZONE} -all"` };
    case 2:
      return { name, type: 'CNAME', ttl: 300, rdata: `target${i + variant}.${ZONE}.` };
    case 3:
      return { name, type: 'AAAA', ttl: 300, rdata: `2001:db8::${(i + variant).toString(16)}` };
    default:
      return { name, type: 'A', ttl: 300, rdata: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i + variant) & 255}` };
  }
}

/** Builds existing and desired states that differ in `fraction` of the records. */
export function makeZones(n: number, fraction = 0.01): { existing: DnsRecord[]; desired: DnsRecord[] } {
  const existing: DnsRecord[] = [];
  const desired: DnsRecord[] = [];
  const step = Math.max(1, Math.round(1 / fraction));
  for (let i = 0; i < n; i++) {
    const e = record(i, 0);
    existing.push(e);
    const changed = i % step === 0;
    const which = Math.floor(i / step) % 3;
    // Desired records are built afresh (not shared with existing), as they are when read from a
    // config and a provider: equal strings are then compared by content, not by reference.
    if (!changed) desired.push(record(i, 0));
    else if (which === 0) desired.push(record(i, 1)); // update
    else if (which === 1) continue; // delete
    else {
      desired.push(record(i, 0));
      desired.push(record(n + i, 0)); // create
    }
  }
  return { existing, desired };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Runs the benchmark and returns the lines it prints. */
export function runDiffBench(n: number, withHandsOff: boolean, runs = 5): string[] {
  const { existing, desired } = makeZones(n);
  const handsOff: IrHandsOff = withHandsOff
    ? { purge: false, disableIgnoreSafetyCheck: false, ignores: [{ label: 'dyn-**', types: '*', target: '*' }, { label: '*', types: 'TXT', target: '_acme*' }] }
    : { purge: true, disableIgnoreSafetyCheck: false, ignores: [] };
  const lines = [`records: ${existing.length} existing, ${desired.length} desired; hands-off rules: ${withHandsOff ? 'yes' : 'no'}`];
  const granularities: Granularity[] = ['rrset', 'record', 'label', 'zone'];
  for (const granularity of granularities) {
    const times: number[] = [];
    const cpu: number[] = [];
    let counts = '';
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const { diff } = diffZone({ zone: ZONE, desired, existing, absent: [], handsOff, granularity });
      times.push(performance.now() - t0);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
      counts = `${diff.counts.create} create, ${diff.counts.update} update, ${diff.counts.delete} delete; ${diff.changes.length} changes`;
    }
    lines.push(
      `${granularity.padEnd(6)} wall median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), ` +
        `cpu median ${median(cpu).toFixed(0)} ms; ${runs} runs: ${counts}`,
    );
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv.find((a) => /^[0-9]+$/.test(a)) ?? 1_000_000);
  const withHandsOff = process.argv.includes('--handsoff');
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0]?.toFixed(2)}`);
  for (const line of runDiffBench(n, withHandsOff)) console.log(line);
}
