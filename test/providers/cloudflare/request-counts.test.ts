/**
 * Requests made for N changes equal the lower bound ceil(N / batch limit), counted by the local
 * server, for creations, updates, deletions, mixes, large TXT values and the paid-plan limit; reads
 * take ceil(records / per_page) list requests, without the empty last page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lowerBound } from '../../../providers/cloudflare/batch.js';
import { manyA, pending, push, rec, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'counts.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function start(creds: Record<string, string> = {}, server: { batchLimit?: number } = {}) {
  h = await startHarness({ creds, server });
  h.server.seedZone(ZONE);
}

describe('CLOUDFLAREAPI request counts', () => {
  it.each([1, 199, 200, 201, 10_000])('%i creations: ceil(N/200) batch requests', async (n) => {
    await start();
    const desired = manyA(ZONE, 'r', n);
    const { error, ctx } = await push(h.provider, z, desired);
    expect(error).toBeUndefined();
    expect(h.server.count('records.batch')).toBe(lowerBound(n, 200));
    expect(h.server.committed.reduce((a, b) => a + b, 0)).toBe(n);
    expect(ctx.batches.flat()).toHaveLength(n);
    expect(ctx.batches.map((b) => b.length)).toEqual(h.server.committed);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('10,000 updates and then 10,000 deletions: 50 batch requests each; reading 10,000 records takes 2 list requests', async () => {
    await start();
    await push(h.provider, z, manyA(ZONE, 'r', 10_000, '192.0.2.1'));
    h.server.resetCounts();
    await h.provider.getRecords(z);
    expect(h.server.count('records.list')).toBe(2);
    h.server.resetCounts();
    const updated = manyA(ZONE, 'r', 10_000, '192.0.2.2');
    const up = await push(h.provider, z, updated);
    expect(up.error).toBeUndefined();
    expect(up.changes).toHaveLength(10_000);
    expect(h.server.count('records.batch')).toBe(50);
    expect(await pending(h.provider, z, updated)).toEqual([]);
    h.server.resetCounts();
    const gone = await push(h.provider, z, []);
    expect(gone.error).toBeUndefined();
    expect(h.server.count('records.batch')).toBe(50);
    expect(h.server.records(h.server.state.zoneByName(ZONE)!)).toEqual([]);
  });

  it('a mix of 10,000 deletions, updates, TTL changes and creations at the paid-plan limit: 3 batch requests', async () => {
    await start({ batch_limit: 'paid' }, { batchLimit: 3500 });
    await push(h.provider, z, manyA(ZONE, 'r', 7500, '192.0.2.1'));
    h.server.resetCounts();
    const desired = [...manyA(ZONE, 'r', 7500, '192.0.2.2').slice(2500, 5000), ...manyA(ZONE, 'r', 7500, '192.0.2.1', 900).slice(5000, 6000), ...manyA(ZONE, 'r', 7500).slice(6000), ...manyA(ZONE, 'n', 4000, '192.0.2.3')];
    const { error, changes } = await push(h.provider, z, desired);
    expect(error).toBeUndefined();
    expect(changes).toHaveLength(2500 + 2500 + 1000 + 4000);
    expect(h.server.count('records.batch')).toBe(lowerBound(10_000, 3500));
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('large TXT values do not change the count: the limit is operations, not bytes', async () => {
    await start();
    const big = Array.from({ length: 401 }, (_, i) => rec(ZONE, `dkim${i}._domainkey`, 'TXT', `"v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A'.repeat(60).slice(0, 2000)}"`));
    const { error } = await push(h.provider, z, big);
    expect(error).toBeUndefined();
    expect(h.server.count('records.batch')).toBe(3);
    expect(await pending(h.provider, z, big)).toEqual([]);
  });

  it('reads page by page as result_info says, with no request for an empty last page', async () => {
    await start({ per_page: '100' });
    await push(h.provider, z, manyA(ZONE, 'r', 250));
    h.server.resetCounts();
    expect((await h.provider.getRecords(z))!).toHaveLength(250);
    expect(h.server.count('records.list')).toBe(3);
    await push(h.provider, z, manyA(ZONE, 'r', 200));
    h.server.resetCounts();
    expect((await h.provider.getRecords(z))!).toHaveLength(200);
    expect(h.server.count('records.list')).toBe(2);
  });
});
