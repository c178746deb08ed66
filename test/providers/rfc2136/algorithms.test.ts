/** Every TSIG algorithm DNSControl accepts, signed by us and verified by the server, and back. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startBind, startKnot, keyString, type TestServer, type TsigAlgorithm } from '../../servers/index.js';
import { baseRecords, lines, providerFor, push, rec } from './helpers.js';

const ALGORITHMS: TsigAlgorithm[] = ['hmac-md5', 'hmac-sha1', 'hmac-sha224', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'];
const zoneOf = (alg: TsigAlgorithm): string => `${alg}.alg.test`;

describe.each([
  ['BIND', startBind],
  ['Knot', startKnot],
] as const)('TSIG algorithms on %s', (_n, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({
      keys: ALGORITHMS.map((algorithm) => ({ name: `k-${algorithm}`, algorithm })),
      zones: ALGORITHMS.map((alg) => ({ name: zoneOf(alg), update: [`k-${alg}`], transfer: [`k-${alg}`] })),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(ALGORITHMS)('%s: signed AXFR and UPDATE, answers verified', async (alg) => {
    const key = keyString(server.keys[`k-${alg}`]!);
    const p = providerFor(server, { 'update-key': key, 'transfer-key': key });
    const zone = zoneOf(alg);
    const desired = [...baseRecords(zone), rec(zone, 'www', 'A', '192.0.2.1'), rec(zone, 't', 'TXT', `"${alg}"`)];
    const res = await push(p, zone, desired);
    expect(res.second).toEqual([]);
    expect(lines(res.after)).toEqual(lines(desired));
  });
});
