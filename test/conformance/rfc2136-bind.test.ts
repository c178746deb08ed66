/** DNSControl's conformance steps and zonesmith's own groups through RFC2136 against real BIND 9 (strict defaults). */
import { describeConformance } from './harness.js';
import { startBind } from '../servers/index.js';
import { rfc2136Target } from '../providers/rfc2136/conformance-target.js';

describeConformance(rfc2136Target((zone) => startBind({ zones: [{ name: zone }] })));
