/**
 * Reconciling through the SDK against the local server: every record type and every piece of
 * Cloudflare metadata is written, read back identically, and then diffs empty.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { pending, push, rec, startHarness, view, zoneRef, type Harness } from './support.js';

const ZONE = 'rt.example';
const HEX64 = '0123456789abcdef'.repeat(4);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function start(meta: Record<string, string> = {}) {
  h = await startHarness();
  const zone = h.server.seedZone(ZONE);
  return { zone, z: zoneRef(ZONE, meta) };
}

function stored(zone: ReturnType<Harness['server']['seedZone']>, name: string, type: string): Record<string, unknown>[] {
  return h.server.records(zone).filter((r) => r['name'] === name && r['type'] === type);
}

const ALL_TYPES: DnsRecord[] = [
  rec(ZONE, '@', 'A', '192.0.2.1'),
  rec(ZONE, 'v6', 'AAAA', '2001:db8::1'),
  rec(ZONE, 'www', 'CNAME', 'edge.example.net.'),
  rec(ZONE, '@', 'MX', '10 mail'),
  rec(ZONE, 'nmx', 'MX', '0 .'),
  rec(ZONE, '@', 'TXT', '"v=spf1 -all"'),
  rec(ZONE, 'long', 'TXT', `"${'k'.repeat(600)}"`),
  rec(ZONE, 'q', 'TXT', '"say \\"hi\\"; path=C:\\\\dir\\\\; grüße ✓"'),
  rec(ZONE, 'empty', 'TXT', '""'),
  rec(ZONE, '@', 'CAA', '0 issue "letsencrypt.org; validationmethods=dns-01"'),
  rec(ZONE, '_sip._tcp', 'SRV', '5 6 7 sip.example.net.'),
  rec(ZONE, '_none._tcp', 'SRV', '0 0 0 .'),
  rec(ZONE, 'child', 'NS', 'ns1.example.net.'),
  rec(ZONE, 'child', 'DS', `12345 13 2 ${HEX64}`),
  rec(ZONE, 'host', 'SSHFP', '1 1 66c7d5540b7d75a1fb4c84febfa178ad99bdd67c'),
  rec(ZONE, '_443._tcp', 'TLSA', `3 1 1 ${HEX64}`),
  rec(ZONE, 'svc', 'HTTPS', '1 . alpn="h2,h3" port=8443'),
  rec(ZONE, '_dns', 'SVCB', '1 dns.example.net. alpn="dot" port=853'),
  rec(ZONE, 'sip', 'NAPTR', '100 10 "U" "E2U+sip" "!^.*$!sip:customer-service@example.com!" .'),
  rec(ZONE, '@', 'LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m'),
  rec(ZONE, '4', 'PTR', 'foo.example.net.'),
  rec(ZONE, 'ttl', 'A', '192.0.2.9', 3600),
];

describe('CLOUDFLAREAPI round trips', () => {
  it('writes every supported type and reads it back as written; the next diff is empty', async () => {
    const { z } = await start();
    const first = await push(h.provider, z, ALL_TYPES);
    expect(first.error).toBeUndefined();
    expect(first.ctx.batches.flat()).toHaveLength(ALL_TYPES.length);
    expect(h.server.count('records.batch')).toBe(1);
    const back = (await h.provider.getRecords(z))!;
    expect(view(back)).toEqual(view(h.provider.prepareDesired!(ALL_TYPES, z)));
    expect(await pending(h.provider, z, ALL_TYPES)).toEqual([]);
    // Changing every value once more converges too.
    const changed = ALL_TYPES.map((r) => (r.type === 'A' ? { ...r, rdata: '192.0.2.77' } : r.type === 'TXT' ? { ...r, rdata: r.rdata.replace(/"$/, ' v2"') } : r));
    expect((await push(h.provider, z, changed)).error).toBeUndefined();
    expect(await pending(h.provider, z, changed)).toEqual([]);
  });

  it('stores TTL 300 as automatic and reads automatic as 300; other TTLs as they are', async () => {
    const { zone, z } = await start();
    await push(h.provider, z, [rec(ZONE, 'a', 'A', '192.0.2.1'), rec(ZONE, 'b', 'A', '192.0.2.2', 600)]);
    expect(stored(zone, `a.${ZONE}`, 'A')[0]!['ttl']).toBe(1);
    expect(stored(zone, `b.${ZONE}`, 'A')[0]!['ttl']).toBe(600);
    // An explicit 300 set elsewhere reads the same as automatic: no change either way.
    h.server.seedRecord(zone, { name: `c.${ZONE}`, type: 'A', content: '192.0.2.3', ttl: 300, proxied: false, tags: [], flattenCname: false });
    expect(await pending(h.provider, z, [rec(ZONE, 'a', 'A', '192.0.2.1'), rec(ZONE, 'b', 'A', '192.0.2.2', 600), rec(ZONE, 'c', 'A', '192.0.2.3')])).toEqual([]);
  });

  it('proxies records (CF_PROXY_ON, the domain default) with the automatic TTL, and turns it off again', async () => {
    const { zone, z } = await start({ cloudflare_proxy_default: 'on' });
    const desired = [rec(ZONE, 'p', 'A', '192.0.2.1', 3600), rec(ZONE, 'o', 'CNAME', 'p', 300, { cloudflare_proxy: 'off' }), rec(ZONE, '@', 'TXT', '"t"')];
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(stored(zone, `p.${ZONE}`, 'A')[0]).toMatchObject({ proxied: true, ttl: 1 });
    expect(stored(zone, `o.${ZONE}`, 'CNAME')[0]).toMatchObject({ proxied: false });
    expect(view((await h.provider.getRecords(z))!)).toContain('p.rt.example 300 A 192.0.2.1 {"cloudflare_proxy":"on"}');
    expect(await pending(h.provider, z, desired)).toEqual([]);
    const off = [rec(ZONE, 'p', 'A', '192.0.2.1', 3600, { cloudflare_proxy: 'off' }), ...desired.slice(1)];
    const second = await push(h.provider, z, off);
    expect(second.changes.map((c) => c.details[0]!.kind)).toEqual(['update']);
    expect(stored(zone, `p.${ZONE}`, 'A')[0]).toMatchObject({ proxied: false, ttl: 3600 });
    expect(await pending(h.provider, z, off)).toEqual([]);
  });

  it('flattens a CNAME on request and stops again', async () => {
    const { zone, z } = await start();
    const on = [rec(ZONE, 'f', 'CNAME', 'x.example.net.', 300, { cloudflare_cname_flatten: 'on' })];
    await push(h.provider, z, on);
    expect(stored(zone, `f.${ZONE}`, 'CNAME')[0]!['settings']).toEqual({ flatten_cname: true });
    expect(await pending(h.provider, z, on)).toEqual([]);
    const off = [rec(ZONE, 'f', 'CNAME', 'x.example.net.')];
    expect((await push(h.provider, z, off)).changes).toHaveLength(1);
    expect(stored(zone, `f.${ZONE}`, 'CNAME')[0]!['settings']).toEqual({ flatten_cname: false });
    expect(await pending(h.provider, z, off)).toEqual([]);
  });

  it('manages comments and tags when the domain asks, and leaves them alone when it does not', async () => {
    const { zone, z } = await start({ cloudflare_manage_comments: 'true', cloudflare_manage_tags: 'true' });
    const v1 = [rec(ZONE, 'a', 'A', '192.0.2.1', 300, { cloudflare_comment: 'web front', cloudflare_tags: 'team:web,env:prod' })];
    await push(h.provider, z, v1);
    expect(stored(zone, `a.${ZONE}`, 'A')[0]).toMatchObject({ comment: 'web front', tags: ['env:prod', 'team:web'] });
    // Tags in another order are the same tags.
    expect(await pending(h.provider, z, [rec(ZONE, 'a', 'A', '192.0.2.1', 300, { cloudflare_comment: 'web front', cloudflare_tags: 'env:prod,team:web' })])).toEqual([]);
    const v2 = [rec(ZONE, 'a', 'A', '192.0.2.1')];
    expect((await push(h.provider, z, v2)).changes).toHaveLength(1);
    expect(stored(zone, `a.${ZONE}`, 'A')[0]).toMatchObject({ comment: null, tags: [] });
    expect(await pending(h.provider, z, v2)).toEqual([]);

    // Unmanaged: a comment set in the dashboard survives zonesmith changing the record.
    const unmanaged = zoneRef(ZONE);
    h.server.seedRecord(zone, { name: `b.${ZONE}`, type: 'A', content: '192.0.2.2', ttl: 1, proxied: false, comment: 'set by hand', tags: ['owner:ops'], flattenCname: false });
    const v3 = [...v2, rec(ZONE, 'b', 'A', '192.0.2.3', 300, { cloudflare_comment: 'ignored' })];
    const third = await push(h.provider, unmanaged, v3);
    expect(third.changes.map((c) => c.details[0]!.kind)).toEqual(['update']);
    expect(stored(zone, `b.${ZONE}`, 'A')[0]).toMatchObject({ content: '192.0.2.3', comment: 'set by hand', tags: ['owner:ops'] });
    expect(await pending(h.provider, unmanaged, v3)).toEqual([]);
  });

  it('stores ALIAS at the apex as a flattened CNAME beside the apex MX and TXT, and reads it back as ALIAS', async () => {
    const { zone, z } = await start();
    const desired = [rec(ZONE, '@', 'ALIAS', 'lb.example.net.'), rec(ZONE, '@', 'MX', '10 mail.example.net.'), rec(ZONE, '@', 'TXT', '"v=spf1 -all"')];
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(stored(zone, ZONE, 'CNAME')[0]).toMatchObject({ content: 'lb.example.net' });
    expect(view((await h.provider.getRecords(z))!)).toContain('rt.example 300 ALIAS lb.example.net.');
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('reads TXT stored unquoted by older APIs, leaves apex NS alone, and can delete values it cannot read', async () => {
    const { zone, z } = await start();
    const base = { ttl: 1, proxied: false, tags: [], flattenCname: false } as const;
    h.server.seedRecord(zone, { ...base, name: ZONE, type: 'TXT', content: 'v=spf1 include:_spf.example.net -all' });
    h.server.seedRecord(zone, { ...base, name: ZONE, type: 'NS', content: 'ada.ns.cloudflare.com' });
    h.server.seedRecord(zone, { ...base, name: `u.${ZONE}`, type: 'URI', content: '10 1 "https://example.net/"' });
    const desired = [rec(ZONE, '@', 'TXT', '"v=spf1 include:_spf.example.net -all"'), rec(ZONE, '@', 'NS', 'ada.ns.cloudflare.com.')];
    expect(await pending(h.provider, z, desired)).toEqual(['delete u.rt.example URI']);
    expect(h.logs.some((l) => /1 apex NS record\(s\) left alone/.test(l))).toBe(true);
    expect(h.logs.some((l) => /1 record\(s\) whose value zonesmith cannot read/.test(l))).toBe(true);
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(h.server.records(zone).map((r) => r['type']).sort()).toEqual(['NS', 'TXT']);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });
});
