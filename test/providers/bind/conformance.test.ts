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
        const bind = compileWithBind(ZONE, file).map((r) => `${r.name} ${r.type} ${r.rdata}`).sort();
        const ours = records.map((r) => `${r.name} ${r.type} ${r.rdata}`).sort();
        // BIND prints the SOA with its serial; so do we, so even the SOA must agree.
        expect(ours).toEqual(bind);
      },
      teardown: async () => tmp.cleanup(),
    };
  },
});
