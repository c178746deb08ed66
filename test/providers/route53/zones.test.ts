import { afterEach, describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { manyA, push, pending, startHarness, zoneRef, type Harness, TEST_KEY_ID } from './support.js';

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe('ROUTE53 zones', () => {
  it('lists every zone across ListHostedZones pages (NextMarker)', async () => {
    h = await startHarness({ server: { zonePageLimit: 2 } });
    for (const n of ['a.test', 'b.test', 'c.test', 'd.test', 'e.test']) h.server.seedZone(n);
    expect(await h.provider.listZones!()).toEqual(['a.test', 'b.test', 'c.test', 'd.test', 'e.test']);
    expect(h.server.count('ListHostedZones')).toBe(3);
    expect([...h.server.accessKeyIds]).toEqual([TEST_KEY_ID]);
  });

  it('creates a missing zone once, reports its nameservers, and returns null records for unknown zones', async () => {
    h = await startHarness();
    const z = zoneRef('new.example');
    expect(await h.provider.getRecords(z)).toBeNull();
    expect(await h.provider.nameservers!(z)).toEqual([]);
    expect(await h.provider.ensureZone!(z)).toBe(true);
    expect(await h.provider.ensureZone!(z)).toBe(false);
    expect(h.server.count('CreateHostedZone')).toBe(1);
    const ns = await h.provider.nameservers!(z);
    expect(ns).toHaveLength(4);
    for (const n of ns) expect(n).toMatch(/^ns-\d+\.awsdns-\d+\.[a-z.]+\.$/);
    // SOA is Route 53's; the apex NS is shown (dualHost) with Route 53's own values.
    const recs = (await h.provider.getRecords(z))!;
    expect(recs.map((r) => r.type)).toEqual(['NS', 'NS', 'NS', 'NS']);
    expect(recs.map((r) => r.rdata).sort()).toEqual([...ns].sort());
  });

  it('passes the delegation set to CreateHostedZone', async () => {
    h = await startHarness({ creds: { DelegationSet: '/delegationset/N123' } });
    await h.provider.ensureZone!(zoneRef('ds.example'));
    expect([...h.server.state.zones.values()].map((z) => z.name)).toEqual(['ds.example.']);
  });

  it('reads every record set across ListResourceRecordSets pages (1,200 records, 300 per page)', async () => {
    h = await startHarness();
    const z = zoneRef('paged.example');
    await h.provider.ensureZone!(z);
    const desired = manyA('paged.example', 'pager1201-rec', 1200);
    await push(h.provider, z, desired);
    h.server.resetCounts();
    const got = (await h.provider.getRecords(z))!;
    expect(got.filter((r) => r.type === 'A')).toHaveLength(1200);
    // 1,200 A sets + apex NS (+ SOA, not shown) = 1,202 sets: 5 pages of at most 300.
    expect(h.server.count('ListResourceRecordSets')).toBe(5);
    expect(new Set(got.map((r) => r.name)).size).toBe(1201);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('continues pages at NextRecordName/NextRecordType when a name has several types on both sides of a page break', async () => {
    h = await startHarness({ server: { recordPageLimit: 3 } });
    const zone = h.server.seedZone('types.example');
    for (const [type, values] of [['A', ['192.0.2.1']], ['AAAA', ['2001:db8::1']], ['MX', ['10 mx.types.example.']], ['TXT', ['"x"']], ['CAA', ['0 issue "ca.example"']]] as const) {
      h.server.state.put(zone, { name: 'multi.types.example.', type, ttl: 60, values });
    }
    const got = (await h.provider.getRecords(zoneRef('types.example')))!;
    expect(got.filter((r) => r.name === 'multi.types.example').map((r) => r.type).sort()).toEqual(['A', 'AAAA', 'CAA', 'MX', 'TXT']);
    expect(h.server.count('ListResourceRecordSets')).toBe(3);
  });

  it('follows NextRecordIdentifier through weighted sets split across pages, and leaves them alone', async () => {
    h = await startHarness({ server: { recordPageLimit: 2 } });
    const zone = h.server.seedZone('w.example');
    for (const id of ['a', 'b', 'c', 'd', 'e']) h.server.state.put(zone, { name: 'lb.w.example', type: 'A', setIdentifier: id, weight: 1, ttl: 60, values: ['192.0.2.1'] });
    h.server.state.put(zone, { name: 'z.w.example', type: 'A', ttl: 60, values: ['192.0.2.2'] });
    const got = (await h.provider.getRecords(zoneRef('w.example')))!;
    expect(got.filter((r) => r.type === 'A').map((r) => r.name)).toEqual(['z.w.example']);
    // 2 apex sets + 5 weighted + 1 = 8 sets, 2 per page.
    expect(h.server.count('ListResourceRecordSets')).toBe(4);
    expect(h.logs.some((l) => l.includes('5 record set(s) with a routing or traffic policy are left alone'))).toBe(true);
  });

  it('picks among hosted zones sharing a name with R53_ZONE (domain meta zone_id)', async () => {
    h = await startHarness();
    const pub = h.server.seedZone('split.example');
    const priv = h.server.seedZone('split.example');
    h.server.state.put(priv, { name: 'me.split.example', type: 'TXT', ttl: 60, values: ['"private"'] });
    await expect(h.provider.getRecords(zoneRef('split.example'))).rejects.toMatchObject({ code: 'route53-zone-ambiguous' });
    const privRecs = (await h.provider.getRecords(zoneRef('split.example', { zone_id: priv.id })))!;
    expect(privRecs.filter((r) => r.type === 'TXT').map((r) => r.rdata)).toEqual(['"private"']);
    const pubRecs = (await h.provider.getRecords(zoneRef('split.example', { zone_id: `/hostedzone/${pub.id}` })))!;
    expect(pubRecs.filter((r) => r.type === 'TXT')).toEqual([]);
    await expect(h.provider.getRecords(zoneRef('split.example', { zone_id: 'ZNOPE' }))).rejects.toBeInstanceOf(ZonesmithError);
  });
});
