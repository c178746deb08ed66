/** The conformance suite's target for RFC2136: a real server started per test file, cross-checked with dig. */
import { expect } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { rfc2136Provider } from '../../../providers/rfc2136/index.js';
import type { ConformanceTarget } from '../../conformance/harness.js';
import { keyString, type TestServer } from '../../servers/index.js';
import { digRecords, lines } from './helpers.js';

const ZONE = 'conformance.test';

/** A ConformanceTarget for `start` (startBind / startKnot with the zone given). */
export function rfc2136Target(start: (zone: string) => Promise<TestServer>, skip: Record<string, string> = {}): ConformanceTarget {
  return {
    caseType: 'AXFRDDNS',
    definition: rfc2136Provider,
    skip,
    async setup() {
      const server = await start(ZONE);
      return {
        zone: ZONE,
        creds: { master: server.address, 'update-key': keyString(server.key), 'transfer-key': keyString(server.key), timeout: '10' },
        // dig's own AXFR (TSIG-verified by dig), canonicalised, must equal what zonesmith read back.
        async crossCheck(records: readonly DnsRecord[]) {
          expect(lines(await digRecords(server, ZONE))).toEqual(lines(records));
        },
        teardown: () => server.stop(),
      };
    },
  };
}
