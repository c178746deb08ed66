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
import type { Change } from '../src/diff/types.js';
import type { DnsRecord } from '../src/records/types.js';
import { lowerBound } from '../providers/cloudflare/batch.js';
import { cloudflareProvider } from '../providers/cloudflare/index.js';
import { CloudflareServer } from '../test/servers/cloudflare/server.js';
import { diff } from '../test/providers/cloudflare/support.js';
import { cloudSteps, measurePush, pushColumns, serverTarget, type StepRow } from './support/cloud-steps.js';
import { benchArgs, firstRun, heading, medianMs, printTable, repeat } from './support/table.js';

const ZONE = 'bench.example';

async function run(n: number): Promise<StepRow[]> {
  const rows: StepRow[] = [];
  for (const limit of [200, 3500]) {
    const server = await CloudflareServer.start({ apiToken: 'bench-token', batchLimit: limit });
    server.seedZone(ZONE);
    const provider = cloudflareProvider.create(
      cloudflareProvider.parseSettings({ apitoken: 'bench-token', baseurl: server.baseURL, batch_limit: String(limit) }, {}),
      { log: () => {}, configDir: '.' },
    );
    const zone = { name: ZONE, meta: {} };
    const target = serverTarget(
      server,
      {
        provider,
        zone,
        plan: (existing: readonly DnsRecord[], desired: readonly DnsRecord[]) => diff(provider, zone, existing, desired),
        bound: (changes: readonly Change[]) => lowerBound(changes.length, limit),
      },
      'records.batch',
      ['records.list', 'zones.list'],
    );
    // At the paid-plan limit only the creations: the other steps show nothing new there.
    const steps = limit === 200 ? cloudSteps(ZONE, n) : cloudSteps(ZONE, n).slice(0, 1);
    for (const step of steps) rows.push(await measurePush(target, { ...step, label: `${step.label} (limit ${limit})` }));
    const unchanged = (await provider.getRecords(zone))!.map(({ native: _n, ...r }) => r);
    rows.push(await measurePush(target, { label: `read all, no change (limit ${limit})`, desired: unchanged }));
    await server.stop();
  }
  return rows;
}

const { n, runs } = benchArgs();
const all = await repeat(runs, () => run(n));
console.log(heading('CLOUDFLAREAPI', n, runs));
printTable(all, pushColumns('batch requests', [firstRun<StepRow>('read requests (before)', (r) => r.readRequests), medianMs<StepRow>('read ms', (r) => r.readMs)]));
