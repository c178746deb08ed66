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
import type { Change } from '../src/diff/types.js';
import type { DnsRecord } from '../src/records/types.js';
import { route53Provider } from '../providers/route53/index.js';
import { Route53Server } from '../test/servers/route53/server.js';
import { boundFromServer, diffRrsets, wanted } from '../test/providers/route53/support.js';
import { pushSteps, runPushBench, serverTarget, type StepRow } from './support/cloud-steps.js';
import { median } from './support/table.js';

const ZONE = 'bench.example';

async function run(n: number): Promise<{ rows: StepRow[]; readMs: number }> {
  const server = await Route53Server.start();
  const provider = route53Provider.create(
    route53Provider.parseSettings({ KeyId: 'AKIDBENCH', SecretKey: 'bench-secret', endpoint: server.endpoint }, {}),
    { log: () => {}, configDir: '.' },
  );
  const zone = { name: ZONE, meta: {} };
  await provider.ensureZone!(zone);
  const plan = (existing: readonly DnsRecord[], desired: readonly DnsRecord[]): { changes: Change[]; wanted: DnsRecord[] } => {
    const want = wanted(provider, zone, desired, existing);
    return { changes: diffRrsets(existing, want), wanted: want };
  };
  const target = serverTarget(server, { provider, zone, plan, bound: () => boundFromServer(server) }, 'ChangeResourceRecordSets');
  const result = await pushSteps(target, n);
  await provider.close?.();
  await server.stop();
  return result;
}

const { n, all } = await runPushBench('ROUTE53', 'ChangeResourceRecordSets requests', run);
console.log(`getRecords of the ${n}-record zone after the last step (${Math.ceil((n + 2) / 300)} pages of 300): ${median(all.map((r) => r.readMs)).toFixed(0)} ms`);
