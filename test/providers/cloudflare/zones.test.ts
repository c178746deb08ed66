/** Zones: listing page by page, creating with the account, nameservers, missing and ambiguous zones, auth. */
import { afterEach, describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { cloudflareProvider } from '../../../providers/cloudflare/index.js';
import { CloudflareServer } from '../../servers/cloudflare/server.js';
import { pending, push, rec, startHarness, zoneRef, type Harness } from './support.js';

let h: Harness | undefined;
let extra: CloudflareServer | undefined;
afterEach(async () => {
  await h?.stop();
  await extra?.stop();
  h = undefined;
  extra = undefined;
});

describe('CLOUDFLAREAPI zones', () => {
  it('lists every zone page by page (50 a page, as the API allows) with no empty last page', async () => {
    h = await startHarness();
    for (let i = 0; i < 120; i++) h.server.seedZone(`z${String(i).padStart(3, '0')}.example`);
    const zones = await h.provider.listZones!();
    expect(zones).toHaveLength(120);
    expect(zones[0]).toBe('z000.example');
    expect(h.server.count('zones.list')).toBe(3);
    // The listing is shared: resolving zones afterwards costs nothing more.
    await h.provider.nameservers!(zoneRef('z007.example'));
    expect(h.server.count('zones.list')).toBe(3);
  });

  it('creates a missing zone in the account, then finds it, its nameservers and its records', async () => {
    h = await startHarness();
    const z = zoneRef('new.example');
    expect(await h.provider.getRecords(z)).toBeNull();
    expect(await h.provider.ensureZone!(z)).toBe(true);
    expect(h.logs.some((l) => /new\.example: created Cloudflare zone [0-9a-f]{32}; delegate it to \w+\.ns\.cloudflare\.com, \w+\.ns\.cloudflare\.com/.test(l))).toBe(true);
    expect(await h.provider.ensureZone!(z)).toBe(false);
    expect(h.server.count('zones.create')).toBe(1);
    expect(await h.provider.nameservers!(z)).toEqual(h.server.state.zoneByName('new.example')!.nameServers.map((n) => `${n}.`));
    const desired = [rec('new.example', 'www', 'A', '192.0.2.1')];
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('needs accountid to create a zone, and names the missing setting', async () => {
    extra = await CloudflareServer.start();
    const p = cloudflareProvider.create(cloudflareProvider.parseSettings({ apitoken: 'test-token', baseurl: extra.baseURL }, {}), { log: () => undefined, configDir: '.' });
    const e = await p.ensureZone!(zoneRef('new.example')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZonesmithError);
    expect((e as ZonesmithError).code).toBe('cloudflare-account-missing');
    expect((e as Error).message).toContain('"accountid"');
    expect(extra.count('zones.create')).toBe(0);
  });

  it('refuses to guess between same-named zones of two accounts without accountid', async () => {
    extra = await CloudflareServer.start();
    extra.seedZone('twice.example');
    extra.state.createZone('twice.example', 'b'.repeat(32));
    const p = cloudflareProvider.create(cloudflareProvider.parseSettings({ apitoken: 'test-token', baseurl: extra.baseURL }, {}), { log: () => undefined, configDir: '.' });
    const e = await p.getRecords(zoneRef('twice.example')).catch((x: unknown) => x);
    expect((e as ZonesmithError).code).toBe('cloudflare-zone-ambiguous');
    const mine = cloudflareProvider.create(cloudflareProvider.parseSettings({ apitoken: 'test-token', baseurl: extra.baseURL, accountid: extra.accountId }, {}), { log: () => undefined, configDir: '.' });
    expect(await mine.getRecords(zoneRef('twice.example'))).toEqual([]);
  });

  it('authenticates with the legacy global key and e-mail', async () => {
    extra = await CloudflareServer.start({ apiKey: { email: 'ops@example.com', key: 'legacy-global-key' } });
    extra.seedZone('legacy.example');
    const p = cloudflareProvider.create(cloudflareProvider.parseSettings({ apikey: 'legacy-global-key', apiuser: 'ops@example.com', baseurl: extra.baseURL }, {}), { log: () => undefined, configDir: '.' });
    expect(await p.listZones!()).toEqual(['legacy.example']);
    expect([...extra.authSeen]).toEqual(['key']);
  });

  it('reports a push to a zone that does not exist', async () => {
    h = await startHarness();
    const e = await h.provider.apply(zoneRef('absent.example'), [{ kind: 'create', name: 'absent.example', type: 'A', before: [], after: [rec('absent.example', '@', 'A', '192.0.2.1')], details: [{ kind: 'create', after: rec('absent.example', '@', 'A', '192.0.2.1') }] }], { desired: [], existing: [], applied: () => undefined, log: () => undefined }).catch((x: unknown) => x);
    expect((e as ZonesmithError).code).toBe('cloudflare-zone-missing');
  });
});
