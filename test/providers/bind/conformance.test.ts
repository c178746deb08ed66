/**
 * The conformance suite (test/conformance/harness.ts) for BIND: every step is planned, written as
 * a zone file, planned again (must be empty), and each file written is checked by named-checkzone
 * and read independently by named-compilezone.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bindProvider } from '../../../providers/bind/index.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { describeConformance } from '../../conformance/harness.js';
import { compileWithBind, expectCheckzoneOk, tempDir } from './helpers.js';

const ZONE = 'conformance.test';

describeConformance({
  caseType: 'BIND',
  definition: bindProvider,
  async setup() {
    const tmp = tempDir('zonesmith-bind-conformance-');
    return {
      zone: ZONE,
      creds: { directory: tmp.dir },
      meta: { default_ns: ['ns1.example.net.', 'ns2.example.net.'] },
      async crossCheck(records: readonly DnsRecord[]) {
        const files = readdirSync(tmp.dir).filter((f) => f.endsWith('.zone'));
        expect(files).toEqual([`${ZONE}.zone`]);
        const file = join(tmp.dir, files[0]!);
        expectCheckzoneOk(ZONE, file);
        const fromBind = compileWithBind(ZONE, file);
        // The provider's own SOA is not one of the zone's records (only an SOA() from the config is).
        const bind = fromBind.filter((r) => r.type !== 'SOA').map((r) => `${r.name} ${r.type} ${r.rdata}`).sort();
        const ours = records.filter((r) => r.type !== 'SOA').map((r) => `${r.name} ${r.type} ${r.rdata}`).sort();
        expect(ours).toEqual(bind);
        expect(fromBind.filter((r) => r.type === 'SOA')).toHaveLength(1);
        const soa = records.find((r) => r.type === 'SOA');
        if (soa) expect(fromBind).toContainEqual(soa);
      },
      teardown: async () => tmp.cleanup(),
    };
  },
});
