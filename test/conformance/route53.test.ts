/**
 * The conformance suite for ROUTE53, through @aws-sdk/client-route-53 against the local Route 53
 * server (test/servers/route53/), which validates every batch as Route 53 documents it.
 */
import { expect } from 'vitest';
import type { DnsRecord } from '../../src/records/types.js';
import { route53Provider } from '../../providers/route53/index.js';
import { Route53Server } from '../servers/route53/server.js';
import { describeConformance } from './harness.js';

const ZONE = 'conformance.test';

describeConformance({
  caseType: 'ROUTE53',
  definition: route53Provider,
  async setup() {
    const server = await Route53Server.start();
    const zone = server.seedZone(ZONE);
    return {
      zone: ZONE,
      creds: { KeyId: 'AKIDCONFORMANCE', SecretKey: 'conformance-secret', endpoint: server.endpoint },
      // An independent look: what the server stores, set by set, must be what zonesmith read back.
      async crossCheck(records: readonly DnsRecord[]) {
        const fromServer = new Map<string, number>();
        for (const r of zone.rrsets.values()) {
          if (r.type === 'SOA' || r.setIdentifier !== undefined) continue;
          const key = `${r.name.replace(/\.$/, '').replace(/^\\052/, '*')}|${r.alias ? `R53_ALIAS ${r.type}` : r.type === 'SPF' ? 'TXT' : r.type}`;
          fromServer.set(key, (fromServer.get(key) ?? 0) + (r.alias ? 1 : r.values.length));
        }
        const fromZonesmith = new Map<string, number>();
        for (const r of records) {
          const key = `${r.name}|${r.type === 'R53_ALIAS' ? `R53_ALIAS ${r.rdata.split(' ')[0]}` : r.type}`;
          fromZonesmith.set(key, (fromZonesmith.get(key) ?? 0) + 1);
        }
        expect(Object.fromEntries([...fromZonesmith].sort())).toEqual(Object.fromEntries([...fromServer].sort()));
      },
      teardown: () => server.stop(),
    };
  },
});
