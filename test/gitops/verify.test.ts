// push --verify's machinery against a real BIND: questions over UDP with TCP on truncation, answers
// decoded by the records layer, polling until the server serves the pushed records, and failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IrDomain } from '../../src/ir/types.js';
import { planZone } from '../../src/plan/build.js';
import { pushResult } from '../../src/plan/push-result.js';
import type { ZoneWork } from '../../src/reconcile/gather.js';
import { canonicalRdata, typeCode } from '../../src/records/registry.js';
import { ownerName } from '../../src/records/names.js';
import type { DnsRecord } from '../../src/records/types.js';
import { overrideTargets, zoneTargets } from '../../src/gitops/verify/servers.js';
import { renderVerify, verifyPush } from '../../src/gitops/verify/verify.js';
import { query } from '../../src/gitops/verify/wire.js';
import { nsupdate, reservePort, startBind, type TestServer } from '../servers/index.js';

const ZONE = 'verify.test';
const BIG = Array.from({ length: 12 }, (_, i) => `"${String(i).padStart(2, '0')} ${'x'.repeat(180)}"`);

function rec(label: string, type: string, rdata: string, ttl = 300): DnsRecord {
  return { name: ownerName(label, ZONE), type, ttl, rdata: canonicalRdata(type, rdata, `${ZONE}.`) };
}

const BASE = [rec('@', 'NS', 'dummy-ns'), rec('dummy-ns', 'A', '127.0.0.1')];

/** A pushed zone as push hands it to the verifier: its plan, diff and a result saying every change applied. */
function pushed(existing: DnsRecord[], desired: DnsRecord[]): { work: ZoneWork; result: ReturnType<typeof pushResult> } {
  const { zone, diff } = planZone({
    domain: ZONE, unicodeName: ZONE, provider: 'dns', providerType: 'RFC2136', granularity: 'record', zone: ZONE,
    desired, existing, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, force: true,
  });
  const domain = { name: ZONE, uniqueName: ZONE, meta: {} } as unknown as IrDomain;
  const work = { domain, plan: zone, diff, existing, diagnostics: [], ref: { name: ZONE, meta: {} } } as unknown as ZoneWork;
  return { work, result: pushResult(zone, { applied: zone.changes }) };
}

let server: TestServer;

beforeAll(async () => {
  server = await startBind({
    zones: [{ name: ZONE, records: [{ name: 'www', type: 'A', rdata: '192.0.2.1' }, { name: 'old', type: 'A', rdata: '192.0.2.9' }, ...BIG.map((t) => ({ name: 'big', type: 'TXT', rdata: t }))] }],
  });
});
afterAll(() => server?.stop());

const here = () => [{ address: '127.0.0.1', port: server.port, label: `127.0.0.1:${server.port}` }];

describe('verify: wire', () => {
  it('asks over UDP and decodes the answer with the records layer', async () => {
    const a = await query(here()[0]!, 'www.verify.test', typeCode('A')!, 2000);
    expect(a).toMatchObject({ rcode: 0, authoritative: true, viaTcp: false, answers: [{ name: 'www.verify.test', type: 'A', ttl: 300, rdata: '192.0.2.1' }] });
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const a = await query(here()[0]!, 'big.verify.test', typeCode('TXT')!, 2000);
    expect(a.viaTcp).toBe(true);
    expect(a.answers.map((r) => r.rdata).sort()).toEqual(BIG.map((t) => canonicalRdata('TXT', t, '.')).sort());
  });
});

describe('verify: push --verify', () => {
  it('passes when the server serves every pushed rrset, deletions included', async () => {
    const existing = [...BASE, rec('www', 'A', '192.0.2.1'), rec('gone', 'A', '192.0.2.77'), ...BIG.map((t) => rec('big', 'TXT', t))];
    const desired = [...BASE, rec('www', 'A', '192.0.2.1'), ...BIG.map((t) => rec('big', 'TXT', t))];
    // The plan deletes gone.verify.test, which the server never had: NXDOMAIN is what it must answer.
    const v = await verifyPush([pushed(existing, desired)], { timeoutMs: 5000, intervalMs: 100, queryTimeoutMs: 1000, servers: here() });
    expect(v).toEqual([{ domain: ZONE, provider: 'dns', server: `127.0.0.1:${server.port}`, status: 'ok', rrsets: 1, rounds: 1, skipped: [] }]);
    expect(renderVerify(v)).toContain('Verify: every server serves the pushed records (1 checked).');
  });

  it('keeps asking until the server serves the change', async () => {
    const existing = [...BASE, rec('old', 'A', '192.0.2.9')];
    const desired = [...BASE, rec('old', 'A', '192.0.2.10', 600)];
    const before = await query(here()[0]!, 'old.verify.test', typeCode('A')!, 2000);
    expect(before.answers.map((r) => r.rdata)).toEqual(['192.0.2.9']);
    const running = verifyPush([pushed(existing, desired)], { timeoutMs: 30_000, intervalMs: 100, queryTimeoutMs: 1000, servers: here() });
    const upd = await nsupdate(server, server.key, ['update delete old.verify.test. A', 'update add old.verify.test. 600 A 192.0.2.10']);
    expect(upd.code, upd.stderr).toBe(0);
    const [v] = await running;
    expect(v).toMatchObject({ status: 'ok', rrsets: 1 });
    expect(v!.rounds).toBeGreaterThan(1);
  });

  it('fails with what the server serves instead, and on a server that does not answer', async () => {
    const existing = [...BASE, rec('www', 'A', '192.0.2.1')];
    const desired = [...BASE, rec('www', 'A', '192.0.2.2')];
    const closed = await reservePort();
    try {
      const servers = [...here(), ...(await overrideTargets([`127.0.0.1:${closed.port}`]))];
      const v = await verifyPush([pushed(existing, desired)], { timeoutMs: 600, intervalMs: 200, queryTimeoutMs: 200, servers });
      expect(v.map((x) => [x.server, x.status])).toEqual([[`127.0.0.1:${server.port}`, 'mismatch'], [`127.0.0.1:${closed.port}`, 'unreachable']]);
      expect(v[0]!.detail).toBe('www.verify.test A: serves 192.0.2.1 ttl=300; expected 192.0.2.2 ttl=300');
      const table = renderVerify(v);
      expect(table).toContain('MISMATCH');
      expect(table).toContain('UNREACHABLE');
      expect(table).toContain('Verify: 2 of 2 server checks FAILED.');
    } finally {
      closed.release();
    }
  });
});

describe('verify: which servers', () => {
  it('takes the apex NS of the pushed zone, glue from the zone, others from the resolver', async () => {
    const desired = [rec('@', 'NS', 'ns1'), rec('@', 'NS', 'ns.provider.example.'), rec('ns1', 'A', '192.0.2.53'), rec('ns1', 'AAAA', '2001:db8::53'), rec('www', 'A', '192.0.2.1')];
    const { work } = pushed([], desired);
    const asked: string[] = [];
    const { targets, problems } = await zoneTargets(work, async (host) => {
      asked.push(host);
      return ['198.51.100.7'];
    });
    expect(asked).toEqual(['ns.provider.example']);
    expect(targets.map((t) => `${t.label} ${t.address}:${t.port}`).sort()).toEqual([
      'ns.provider.example. (198.51.100.7) 198.51.100.7:53',
      'ns1.verify.test. (192.0.2.53) 192.0.2.53:53',
      'ns1.verify.test. ([2001:db8::53]) 2001:db8::53:53',
    ]);
    expect(problems).toEqual([]);
  });

  it('says so when a zone has no server to ask', async () => {
    const { work, result } = pushed([], [rec('www', 'A', '192.0.2.1')]);
    const v = await verifyPush([{ work, result }], { timeoutMs: 100, intervalMs: 50, queryTimeoutMs: 50 });
    expect(v).toMatchObject([{ status: 'no-servers', detail: 'verify.test has no apex NS records to ask (use --verify-server)' }]);
  });
});
