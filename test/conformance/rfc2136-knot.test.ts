/** DNSControl's conformance steps and zonesmith's own groups through RFC2136 against real Knot DNS. */
import { describeConformance } from './harness.js';
import { startKnot } from '../servers/index.js';
import { rfc2136Target } from '../providers/rfc2136/conformance-target.js';

describeConformance(rfc2136Target((zone) => startKnot({ zones: [{ name: zone }] })));
