/**
 * Zones through the SDK: listing with pagination, creation (ensureZone), name servers, reading a
 * zone across many pages, visibility, and the real service-account sign-in on the way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { managedZoneName } from '../../../providers/gcloud/zones.js';
import { manyA, push, providerFor, startHarness, view, zoneRef, type Harness } from './support.js';

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe('GCLOUD zones', () => {
  it('lists every managed zone across pages of managedZones.list', async () => {
    h = await startHarness({ server: { zonePageLimit: 3 } });
    const names = Array.from({ length: 10 }, (_v, i) => `z${i}.example`);
    for (const n of names) h.server.seedZone(n);
    expect(await h.provider.listZones!()).toEqual([...names].sort());
    // 10 zones at 3 per page: 4 pages, one token request before them.
    expect(h.server.count('managedZones.list')).toBe(4);
    expect(h.server.count('token')).toBe(1);
  });

  it('creates a missing zone once, with the DNSControl-style resource name, and reads its default NS', async () => {
    h = await startHarness();
    const z = zoneRef('new.example');
    expect(await h.provider.getRecords(z)).toBeNull();
    expect(await h.provider.nameservers!(z)).toEqual([]);
    expect(await h.provider.ensureZone!(z)).toBe(true);
    expect(await h.provider.ensureZone!(z)).toBe(false);
    expect(h.server.count('managedZones.create')).toBe(1);
    const stored = h.server.state.zones.get('zone-new-example')!;
    expect(stored.dnsName).toBe('new.example.');
    expect(stored.description).toBe('zone added by zonesmith');
    const ns = await h.provider.nameservers!(z);
    expect(ns).toEqual([...stored.nameServers]);
    expect(ns.every((n) => n.endsWith('.googledomains.com.'))).toBe(true);
    // The SOA is Cloud DNS's own and stays out of sight; the apex NS set is managed (dual host).
    expect(view((await h.provider.getRecords(z))!)).toEqual(ns.map((n) => `new.example 21600 NS ${n}`).sort());
  });

  it('passes name_server_set and private visibility with networks to managedZones.create', async () => {
    h = await startHarness({ creds: { name_server_set: 'nss-1' }, meta: { visibility: 'private', networks: ['vpc-a', 'https://www.googleapis.com/compute/v1/projects/other/global/networks/vpc-b'] } });
    await h.provider.ensureZone!(zoneRef('private.example'));
    const z = h.server.state.zones.get('zone-private-example')!;
    expect(z.visibility).toBe('private');
    expect(z.nameServerSet).toBe('nss-1');
  });

  it('reads a zone of 2,500 record sets over pages of 1,000, and again after changes', async () => {
    h = await startHarness();
    const z = zoneRef('big.example');
    await h.provider.ensureZone!(z);
    await push(h.provider, z, manyA('big.example', 'h', 2500));
    h.server.resetCounts();
    const records = (await h.provider.getRecords(z))!;
    expect(records.filter((r) => r.type === 'A')).toHaveLength(2500);
    // 2,502 sets (with SOA and NS): 3 pages.
    expect(h.server.count('resourceRecordSets.list')).toBe(3);
  });

  it('follows small pages exactly, with no set lost or repeated', async () => {
    h = await startHarness({ server: { rrsetPageLimit: 7 } });
    const z = zoneRef('paged.example');
    const zone = h.server.seedZone('paged.example');
    for (let i = 0; i < 40; i++) h.server.state.put(zone, { name: `n${i}.paged.example.`, type: 'TXT', ttl: 60, rrdatas: [`"v${i}"`] });
    h.server.resetCounts();
    const records = (await h.provider.getRecords(z))!;
    expect(records.filter((r) => r.type === 'TXT').map((r) => r.rdata).sort()).toEqual(Array.from({ length: 40 }, (_v, i) => `"v${i}"`).sort());
    expect(h.server.count('resourceRecordSets.list')).toBe(Math.ceil(42 / 7));
  });

  it('sees only zones of the configured visibility; two zones of one name without it are an error', async () => {
    h = await startHarness();
    h.server.seedZone('split.example', 'split-public', 'public');
    h.server.seedZone('split.example', 'split-private', 'private');
    const err = await h.provider.getRecords(zoneRef('split.example')).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ZonesmithError);
    expect((err as ZonesmithError).code).toBe('gcloud-zone-ambiguous');
    expect((err as Error).message).toContain('(split-private, split-public)');
    const priv = providerFor(h.server, { meta: { visibility: 'private' } }).instance;
    expect(await priv.getRecords(zoneRef('split.example'))).not.toBeNull();
    expect(await priv.listZones!()).toEqual(['split.example']);
    await priv.close?.();
  });

  it('names zones as DNSControl does, within the resource-name rules', () => {
    expect(managedZoneName('example.com')).toBe('zone-example-com');
    expect(managedZoneName('_x.Sub.example.com')).toBe('zone-x-sub-example-com');
    const long = managedZoneName(`${'a'.repeat(60)}.example.com`);
    expect(long).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])$/);
    expect(long).not.toBe(managedZoneName(`${'a'.repeat(60)}.example.org`));
  });
});
