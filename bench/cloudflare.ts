/**
 * CLOUDFLAREAPI benchmark: 10,000 changes (creations, then updates, then deletions, then a mix with
 * large TXT values, then the same creations at the paid-plan limit) pushed through the `cloudflare`
 * SDK to the local Cloudflare test server. Reports batch requests against the lower bound
 * ceil(N / limit), the read requests, and wall time.
 *
 *   node --no-node-snapshot --import tsx bench/cloudflare.ts [changes] [runs]
 *
 * The server is in-process and answers at once, so the times are zonesmith's, the SDK's and the test
 * server's own cost (planning, packing, JSON, HTTP on loopback, the server checking every operation),
 * not Cloudflare's latency: against the real API add about one round trip per request, and keep
 * under 1,200 requests per 5 minutes. DNSControl's CLOUDFLAREAPI makes one request per change.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DnsRecord } from '../src/records/types.js';
import { lowerBound } from '../providers/cloudflare/batch.js';
import { cloudflareProvider } from '../providers/cloudflare/index.js';
import { CloudflareServer } from '../test/servers/cloudflare/server.js';
import { applyContext, diff, manyA, rec } from '../test/providers/cloudflare/support.js';

const ZONE = 'bench.example';

interface Row {
  readonly step: string;
  readonly changes: number;
  readonly requests: number;
  readonly bound: number;
  readonly readRequests: number;
  readonly readMs: number;
  readonly applyMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function run(n: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const limit of [200, 3500]) {
    const server = await CloudflareServer.start({ apiToken: 'bench-token', batchLimit: limit });
    server.seedZone(ZONE);
    const provider = cloudflareProvider.create(
      cloudflareProvider.parseSettings({ apitoken: 'bench-token', baseurl: server.baseURL, batch_limit: String(limit) }, {}),
      { log: () => {}, configDir: '.' },
    );
    const z = { name: ZONE, meta: {} };
    const step = async (label: string, desired: DnsRecord[]): Promise<void> => {
      server.resetCounts();
      const t0 = performance.now();
      const existing = (await provider.getRecords(z))!;
      const readMs = performance.now() - t0;
      const readRequests = server.count('records.list') + server.count('zones.list');
      const { changes, wanted } = diff(provider, z, existing, desired);
      server.resetCounts();
      const t1 = performance.now();
      await provider.apply(z, changes, applyContext(existing, wanted));
      const applyMs = performance.now() - t1;
      rows.push({ step: `${label} (limit ${limit})`, changes: changes.length, requests: server.count('records.batch'), bound: lowerBound(changes.length, limit), readRequests, readMs, applyMs });
    };
    await step('create A', manyA(ZONE, 'h', n, '192.0.2.1'));
    if (limit === 200) {
      await step('update A', manyA(ZONE, 'h', n, '192.0.2.2'));
      await step('delete A', []);
      const txt = (i: number): DnsRecord => rec(ZONE, `t${i}`, 'TXT', `"${`k${i}`.padEnd(1500, 'x')}"`);
      await step('create mix (5% TXT of 1,500 chars)', [...manyA(ZONE, 'm', n - Math.floor(n / 20), '192.0.2.3'), ...Array.from({ length: Math.floor(n / 20) }, (_v, i) => txt(i))]);
    }
    await step('read all, no change', (await provider.getRecords(z))!.map(({ native: _n, ...r }) => r));
    await server.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const all: Row[][] = [];
  for (let i = 0; i < runs; i++) all.push(await run(n));
  console.log(`CLOUDFLAREAPI bench: ${n} changes per step, ${runs} run(s), median wall time; node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`);
  console.log('| step | changes | batch requests | lower bound | read requests (before) | read ms | apply ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  all[0]!.forEach((row, i) => {
    const readMs = median(all.map((r) => r[i]!.readMs));
    const applyMs = median(all.map((r) => r[i]!.applyMs));
    console.log(`| ${row.step} | ${row.changes} | ${row.requests} | ${row.bound} | ${row.readRequests} | ${readMs.toFixed(0)} | ${applyMs.toFixed(0)} |`);
  });
}

await main();
