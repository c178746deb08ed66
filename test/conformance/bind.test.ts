import { join } from 'node:path';
import { bindProvider } from '../../providers/bind/index.js';
import { compileWithBind, expectCheckzoneOk, tempDir } from '../providers/bind/helpers.js';
import { describeConformance } from './harness.js';
import { expect } from 'vitest';

const ZONE = 'conformance.test';

describeConformance({
  caseType: 'BIND',
  definition: bindProvider,
  async setup() {
    const { dir, cleanup } = tempDir('zs-conformance-bind-');
    const file = join(dir, `${ZONE}.zone`);
    return {
      zone: ZONE,
      creds: { directory: dir },
      meta: { default_ns: ['ns1.example.net.', 'ns2.example.net.'] },
      // Every file written must pass named-checkzone, and BIND must read it as the records we read.
      async crossCheck(records) {
        expectCheckzoneOk(ZONE, file);
        const key = (r: { name: string; type: string; ttl: number; rdata: string }) => `${r.name} ${r.ttl} ${r.type} ${r.rdata}`;
        const ours = records.filter((r) => r.type !== 'SOA').map(key).sort();
        const bind = compileWithBind(ZONE, file).filter((r) => r.type !== 'SOA').map(key).sort();
        expect(bind).toEqual(ours);
      },
      teardown: async () => cleanup(),
    };
  },
});
