import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { startBind, startKnot, type TestServer } from '../../servers/index.js';
import { applyContext, baseRecords, diffRecords, digRecords, lines, providerFor, push, rec } from './helpers.js';

const zone = 'scen.test';
const r = (label: string, type: string, rdata: string, ttl = 300): DnsRecord => rec(zone, label, type, rdata, ttl);

describe.each([
  ['BIND strict', () => startBind({ zones: [{ name: zone }] })],
  ['BIND permissive', () => startBind({ zones: [{ name: zone }], strict: false })],
  ['Knot', () => startKnot({ zones: [{ name: zone }] })],
] as const)('reconcile scenarios on %s', (_n, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Pushes `steps` in turn; after each the second diff is empty and dig agrees. */
  async function steps(...states: DnsRecord[][]): Promise<void> {
    const p = providerFor(server);
    for (const state of states) {
      const desired = [...baseRecords(zone), ...state];
      const res = await push(p, zone, desired);
      expect(res.second, `second diff for ${lines(state).join(', ')}`).toEqual([]);
      expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
    }
  }

  it('swaps an A RRset for a CNAME and back in one push each (deletes go first)', async () => {
    await steps([r('swap', 'A', '192.0.2.1'), r('swap', 'A', '192.0.2.2')], [r('swap', 'CNAME', 'target.example.net.')], [r('swap', 'A', '192.0.2.3')], []);
  });

  it('changes the TTL of a multi-record RRset and the values of another', async () => {
    await steps(
      [r('set', 'A', '192.0.2.1'), r('set', 'A', '192.0.2.2'), r('set', 'A', '192.0.2.3'), r('mx', 'MX', '10 a.example.net.'), r('mx', 'MX', '20 b.example.net.')],
      [r('set', 'A', '192.0.2.1', 60), r('set', 'A', '192.0.2.2', 60), r('set', 'A', '192.0.2.3', 60), r('mx', 'MX', '10 a.example.net.'), r('mx', 'MX', '30 c.example.net.')],
      [],
    );
  });

  it('wildcards, apex records, in-zone targets created with their addresses', async () => {
    await steps(
      [r('*', 'A', '192.0.2.7'), r('@', 'A', '192.0.2.8'), r('@', 'MX', '10 mail'), r('mail', 'A', '192.0.2.25'), r('_sip._tcp', 'SRV', '0 5 5060 sip'), r('sip', 'AAAA', '2001:db8::5')],
      [r('www', 'A', '192.0.2.7'), r('@', 'A', '192.0.2.9')],
      [],
    );
  });

  it('replaces every apex NS record (adds before deletes, so the last NS is never removed first)', async () => {
    const p = providerFor(server);
    const apex = (ns: string): DnsRecord => r('@', 'NS', ns);
    const keepA = r('dummy-ns', 'A', '127.0.0.1');
    for (const nsSet of [[apex('ns1.example.net.'), apex('ns2.example.net.')], [apex('ns3.example.net.')], [apex(`dummy-ns.${zone}.`)]]) {
      const desired = [keepA, ...nsSet];
      const res = await push(p, zone, desired);
      expect(res.second).toEqual([]);
      expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
      expect(await p.nameservers({ name: zone, meta: {} })).toEqual(nsSet.map((n) => n.rdata).sort());
    }
  });
});

describe('strict BIND refuses what its checks forbid, and the error says so', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBind({ zones: [{ name: zone }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('an A record at an underscore name: REFUSED naming the check-names cause, nothing applied', async () => {
    const p = providerFor(server);
    const existing = (await p.getRecords({ name: zone, meta: {} }))!;
    const desired = [...baseRecords(zone), r('ok', 'A', '192.0.2.1'), r('_bad', 'A', '192.0.2.2')];
    const ctx = applyContext(existing, desired);
    const err = await p.apply({ name: zone, meta: {} }, diffRecords(existing, desired), ctx).then(() => undefined, (e: unknown) => e as { code: string; message: string });
    expect(err?.code).toBe('rfc2136-refused');
    expect(err?.message).toMatch(/check-names/);
    expect(ctx.batches).toEqual([]);
    expect(lines(await digRecords(server, zone))).toEqual(lines(baseRecords(zone)));
  });
});

describe('nameservers', () => {
  it('come from creds (`nameservers`) or metadata (`default_ns`), else from the zone\'s apex NS', async () => {
    const s = await startKnot({ zones: [{ name: zone, records: [r('@', 'NS', 'ns9.example.net.')] }] });
    try {
      expect(await providerFor(s).nameservers({ name: zone, meta: {} })).toEqual(['ns9.example.net.']);
      expect(await providerFor(s, { nameservers: 'a.example.net,b.example.net' }).nameservers({ name: zone, meta: {} })).toEqual(['a.example.net.', 'b.example.net.']);
      expect(await providerFor(s, {}, {}, { default_ns: ['c.example.net.'] }).nameservers({ name: zone, meta: {} })).toEqual(['c.example.net.']);
    } finally {
      await s.stop();
    }
  });
});
