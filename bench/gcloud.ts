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
import type { Change } from '../src/diff/types.js';
import type { DnsRecord } from '../src/records/types.js';
import { gcloudProvider } from '../providers/gcloud/index.js';
import { GcloudServer } from '../test/servers/gcloud/server.js';
import { boundFromServer, planChanges, wanted } from '../test/providers/gcloud/support.js';
import { pushSteps, runPushBench, serverTarget, type StepRow } from './support/cloud-steps.js';
import { median } from './support/table.js';

const ZONE = 'bench.example';

async function run(n: number): Promise<{ rows: StepRow[]; readMs: number }> {
  // A project whose per-zone limit Google raised (10,000 sets by default, SOA and NS included).
  const server = await GcloudServer.start({ rrsetsPerZone: 2 * n + 10 });
  const provider = gcloudProvider.create(gcloudProvider.parseSettings(server.creds(), {}), { log: () => {}, configDir: '.' });
  const zone = { name: ZONE, meta: {} };
  await provider.ensureZone!(zone);
  const plan = (existing: readonly DnsRecord[], desired: readonly DnsRecord[]): { changes: Change[]; wanted: DnsRecord[] } => {
    const want = wanted(provider, zone, desired, existing);
    return { changes: planChanges(ZONE, existing, want), wanted: want };
  };
  const target = serverTarget(server, { provider, zone, plan, bound: () => boundFromServer(server) }, 'changes.create');
  const result = await pushSteps(target, n);
  await provider.close?.();
  await server.stop();
  return result;
}

const { n, all } = await runPushBench('GCLOUD', 'changes.create requests', run);
console.log(`getRecords of ${n} sets (plus SOA and NS): ${median(all.map((r) => r.readMs)).toFixed(0)} ms median`);
