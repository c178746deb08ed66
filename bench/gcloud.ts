/**
 * GCLOUD benchmark: 10,000 changes (creations, then updates, then deletions, then a mix with large
 * TXT values) pushed through @google-cloud/dns (TLS, real service-account sign-in) to the local
 * Cloud DNS test server. Reports changes.create requests against the lower bound the API's limits
 * allow (1,000 additions, 1,000 deletions, 100,000 bytes of rrdata per Change), and wall time.
 *
 *   node --no-node-snapshot --import tsx bench/gcloud.ts [changes] [runs]
 *
 * The server is in-process and answers at once, so the times are zonesmith's and the SDK's own
 * cost (planning, packing, JSON, HTTPS on loopback), not Cloud DNS's latency or quotas: against
 * Google add about one round trip per request and the time until the last Change is done.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DnsRecord } from '../src/records/types.js';
import { gcloudProvider } from '../providers/gcloud/index.js';
import { rrdataBytes } from '../test/servers/gcloud/change.js';
import { GcloudServer } from '../test/servers/gcloud/server.js';
import { applyContext, manyA, planChanges, rec, wanted } from '../test/providers/gcloud/support.js';

const ZONE = 'bench.example';

interface Row {
  readonly step: string;
  readonly changes: number;
  readonly requests: number;
  readonly bound: number;
  readonly ms: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function run(n: number): Promise<{ rows: Row[]; readMs: number }> {
  // A project whose per-zone limit Google raised (10,000 sets by default, SOA and NS included).
  const server = await GcloudServer.start({ rrsetsPerZone: 2 * n + 10 });
  const provider = gcloudProvider.create(gcloudProvider.parseSettings(server.creds(), {}), { log: () => {}, configDir: '.' });
  const z = { name: ZONE, meta: {} };
  await provider.ensureZone!(z);
  const rows: Row[] = [];
  let readMs = 0;
  const step = async (label: string, desired: DnsRecord[]): Promise<void> => {
    const t0 = performance.now();
    const existing = (await provider.getRecords(z))!;
    readMs = performance.now() - t0;
    const want = wanted(provider, z, desired, existing);
    const changes = planChanges(ZONE, existing, want);
    server.resetCounts();
    const t1 = performance.now();
    await provider.apply(z, changes, applyContext(existing, want));
    const ms = performance.now() - t1;
    let additions = 0;
    let deletions = 0;
    let bytes = 0;
    for (const c of server.committed) {
      additions += c.additions.length;
      deletions += c.deletions.length;
      bytes += [...c.additions, ...c.deletions].reduce((s, r) => s + rrdataBytes(r), 0);
    }
    const bound = Math.max(Math.ceil(additions / 1000), Math.ceil(deletions / 1000), Math.ceil(bytes / 100_000));
    rows.push({ step: label, changes: changes.length, requests: server.count('changes.create'), bound, ms });
  };
  await step('create A', manyA(ZONE, 'h', n, '192.0.2.1'));
  await step('update A', manyA(ZONE, 'h', n, '192.0.2.2'));
  await step('delete A', []);
  const txt = (i: number): DnsRecord => rec(ZONE, `t${i}`, 'TXT', `"${`k${i}`.padEnd(1500, 'x')}"`);
  const mix = [...manyA(ZONE, 'm', n - Math.floor(n / 20), '192.0.2.3'), ...Array.from({ length: Math.floor(n / 20) }, (_v, i) => txt(i))];
  await step('create mix (5% TXT of 1,500 chars)', mix);
  const t0 = performance.now();
  await provider.getRecords(z);
  readMs = performance.now() - t0;
  await provider.close?.();
  await server.stop();
  return { rows, readMs };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const all: { rows: Row[]; readMs: number }[] = [];
  for (let i = 0; i < runs; i++) all.push(await run(n));
  console.log(`GCLOUD bench: ${n} changes per step, ${runs} run(s), median wall time; node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`);
  console.log('| step | changes | changes.create requests | lower bound | apply ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [i, row] of all[0]!.rows.entries()) {
    const ms = median(all.map((r) => r.rows[i]!.ms));
    console.log(`| ${row.step} | ${row.changes} | ${row.requests} | ${row.bound} | ${ms.toFixed(0)} |`);
  }
  console.log(`getRecords of ${n} sets (plus SOA and NS): ${median(all.map((r) => r.readMs)).toFixed(0)} ms median`);
}

await main();
