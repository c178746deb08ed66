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
import type { DnsRecord } from '../src/records/types.js';
import { route53Provider } from '../providers/route53/index.js';
import { Route53Server } from '../test/servers/route53/server.js';
import { boundFromServer, diffRrsets, wanted } from '../test/providers/route53/support.js';
import { cloudSteps, measurePush, type StepRow } from './support/cloud-steps.js';
import { benchArgs, firstRun, machine, median, medianMs, printTable, timed } from './support/table.js';

const ZONE = 'bench.example';

async function run(n: number): Promise<{ rows: StepRow[]; readMs: number }> {
  const server = await Route53Server.start();
  const provider = route53Provider.create(
    route53Provider.parseSettings({ KeyId: 'AKIDBENCH', SecretKey: 'bench-secret', endpoint: server.endpoint }, {}),
    { log: () => {}, configDir: '.' },
  );
  const zone = { name: ZONE, meta: {} };
  await provider.ensureZone!(zone);
  const target = {
    provider,
    zone,
    plan: (existing: readonly DnsRecord[], desired: readonly DnsRecord[]) => {
      const want = wanted(provider, zone, desired, existing);
      return { changes: diffRrsets(existing, want), wanted: want };
    },
    resetCounts: () => server.resetCounts(),
    requests: () => server.count('ChangeResourceRecordSets'),
    bound: () => boundFromServer(server),
  };
  const rows: StepRow[] = [];
  for (const step of cloudSteps(ZONE, n)) rows.push(await measurePush(target, step));
  const { ms: readMs } = await timed(() => provider.getRecords(zone));
  await provider.close?.();
  await server.stop();
  return { rows, readMs };
}

const { n, runs } = benchArgs();
const all: { rows: StepRow[]; readMs: number }[] = [];
for (let i = 0; i < runs; i++) all.push(await run(n));
console.log(`ROUTE53 bench: ${n} changes per step, ${runs} run(s), median wall time; ${machine()}`);
printTable(all.map((r) => r.rows), [
  firstRun<StepRow>('step', (r) => r.step),
  firstRun<StepRow>('changes', (r) => r.changes),
  firstRun<StepRow>('ChangeResourceRecordSets requests', (r) => r.requests),
  firstRun<StepRow>('lower bound', (r) => r.bound),
  medianMs<StepRow>('apply ms', (r) => r.applyMs),
]);
console.log(`getRecords of the ${n}-record zone after the last step (${Math.ceil((n + 2) / 300)} pages of 300): ${median(all.map((r) => r.readMs)).toFixed(0)} ms`);
