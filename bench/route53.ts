/**
 * ROUTE53 benchmark: 10,000 changes (creations, then updates, then deletions, then a mix with
 * large TXT values) pushed through @aws-sdk/client-route-53 to the local Route 53 test server.
 * Reports requests made against the lower bound the API's limits allow, and wall time.
 *
 *   node --no-node-snapshot --import tsx bench/route53.ts [changes] [runs]
 *
 * The server is in-process and answers at once, so the times are zonesmith's and the SDK's own
 * cost (planning, packing, XML, HTTP on loopback), not Route 53's latency or rate limits: against
 * AWS add ~one round trip per request and the account's request and change-throughput limits.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DnsRecord } from '../src/records/types.js';
import { route53Provider } from '../providers/route53/index.js';
import { Route53Server } from '../test/servers/route53/server.js';
import { applyContext, diffRrsets, manyA, rec } from '../test/providers/route53/support.js';

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
  const server = await Route53Server.start();
  const provider = route53Provider.create(
    route53Provider.parseSettings({ KeyId: 'AKIDBENCH', SecretKey: 'bench-secret', endpoint: server.endpoint }, {}),
    { log: () => {}, configDir: '.' },
  );
  const z = { name: ZONE, meta: {} };
  await provider.ensureZone!(z);
  const rows: Row[] = [];
  let readMs = 0;
  const step = async (label: string, desired: DnsRecord[]): Promise<void> => {
    const t0 = performance.now();
    const existing = (await provider.getRecords(z))!;
    readMs = performance.now() - t0;
    const wanted = [...desired, ...existing.filter((r) => r.name === ZONE && r.type === 'NS').map(({ native: _n, ...r }) => r)];
    const changes = diffRrsets(existing, provider.prepareDesired!(wanted, z));
    server.resetCounts();
    const ctx = applyContext(existing, wanted);
    const t1 = performance.now();
    await provider.apply(z, changes, ctx);
    const ms = performance.now() - t1;
    const records = server.committed.flat().reduce((s, c) => s + (c.action === 'UPSERT' ? 2 : 1) * c.rrset.values.length, 0);
    const chars = server.committed.flat().reduce((s, c) => s + (c.action === 'UPSERT' ? 2 : 1) * c.rrset.values.reduce((x, v) => x + v.length, 0), 0);
    rows.push({ step: label, changes: changes.length, requests: server.count('ChangeResourceRecordSets'), bound: Math.max(Math.ceil(records / 1000), Math.ceil(chars / 32000)), ms });
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
  console.log(`ROUTE53 bench: ${n} changes per step, ${runs} run(s), median wall time; node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`);
  console.log('| step | changes | ChangeResourceRecordSets requests | lower bound | apply ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [i, first] of all[0]!.rows.entries()) {
    const ms = median(all.map((r) => r.rows[i]!.ms));
    console.log(`| ${first.step} | ${first.changes} | ${first.requests} | ${first.bound} | ${ms.toFixed(0)} |`);
  }
  console.log(`getRecords of the ${n}-record zone after the last step (${Math.ceil((n + 2) / 300)} pages of 300): ${median(all.map((r) => r.readMs)).toFixed(0)} ms`);
}

await main();
