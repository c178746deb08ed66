/**
 * The conformance suite for GCLOUD, through @google-cloud/dns (real service-account sign-in, TLS)
 * against the local Cloud DNS server (test/servers/gcloud/), which validates every Change as Cloud
 * DNS documents it and applies it atomically.
 */
import { expect } from 'vitest';
import type { DnsRecord } from '../../src/records/types.js';
import { gcloudProvider } from '../../providers/gcloud/index.js';
import { GcloudServer } from '../servers/gcloud/server.js';
import { describeConformance } from './harness.js';

const ZONE = 'conformance.test';

describeConformance({
  caseType: 'GCLOUD',
  definition: gcloudProvider,
  async setup() {
    const server = await GcloudServer.start();
    const zone = server.seedZone(ZONE);
    return {
      zone: ZONE,
      creds: server.creds(),
      // An independent look: what the server stores, set by set (TTL and number of records), must
      // be what zonesmith read back.
      async crossCheck(records: readonly DnsRecord[]) {
        const fromServer = new Map<string, string>();
        for (const r of zone.rrsets.values()) {
          if (r.type === 'SOA') continue;
          fromServer.set(`${r.name.replace(/\.$/, '')}|${r.type}`, `ttl=${r.ttl} n=${r.rrdatas.length}`);
        }
        const counts = new Map<string, { ttl: number; n: number }>();
        for (const r of records) {
          const key = `${r.name}|${r.type}`;
          const c = counts.get(key) ?? { ttl: r.ttl, n: 0 };
          counts.set(key, { ttl: c.ttl, n: c.n + 1 });
        }
        const fromZonesmith = new Map([...counts].map(([k, c]) => [k, `ttl=${c.ttl} n=${c.n}`]));
        expect(Object.fromEntries([...fromZonesmith].sort())).toEqual(Object.fromEntries([...fromServer].sort()));
      },
      teardown: () => server.stop(),
    };
  },
});
