/** Real BIND and Knot servers on loopback for tests; see test/servers/README.md. */
export { startBind, type BindOptions } from './bind.js';
export { startKnot } from './knot.js';
export type { TestServer, ServerOptions } from './server.js';
export { makeKey, keyString, type TestKey, type KeySpec, type TsigAlgorithm } from './keys.js';
export { zoneText, absoluteName, DUMMY_NS, type ZoneSpec, type ZoneRecordInput } from './zone-text.js';
export { digAxfr, nsupdate, type DigRecord, type ServerAddress, type RunResult } from './tools.js';
export { reservePort, portIsFree, type PortReservation } from './ports.js';
export { queryUdp, type ProbeAnswer } from './probe.js';
