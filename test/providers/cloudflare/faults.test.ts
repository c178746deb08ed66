/**
 * Failures in the middle of a push: throttling, a 5xx on the third batch (before or after Cloudflare
 * did the work), a batch Cloudflare refuses. The report (ctx.applied) says exactly which changes
 * were committed, the zone holds exactly those, a re-run converges and nothing else is lost.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { manyA, pending, push, rec, startHarness, TEST_TOKEN, view, zoneRef, type Harness } from './support.js';

const ZONE = 'faults.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** 500 existing A records; the desired state deletes 100, changes 200 and adds 400: 4 batches. */
async function mixedZone(creds: Record<string, string> = {}, server = {}): Promise<DnsRecord[]> {
  h = await startHarness({ creds, server });
  h.server.seedZone(ZONE);
  await push(h.provider, z, manyA(ZONE, 'r', 500, '192.0.2.1'));
  h.server.resetCounts();
  return [...manyA(ZONE, 'r', 500, '192.0.2.2').slice(100, 300), ...manyA(ZONE, 'r', 500).slice(300), ...manyA(ZONE, 'n', 400, '192.0.2.3')];
}

/** The zone as it must be when exactly `applied` went through. */
function expectedAfter(existing: readonly DnsRecord[], applied: readonly Change[]): string[] {
  const zone = new Set(view(existing));
  for (const c of applied) {
    for (const r of view(c.before)) zone.delete(r);
    for (const r of view(c.after)) zone.add(r);
  }
  return [...zone].sort();
}

async function live(): Promise<string[]> {
  return view((await h.provider.getRecords(z))!);
}

describe('CLOUDFLAREAPI faults', () => {
  it('waits out 429s in the middle of a push for as long as retry-after says', async () => {
    const desired = await mixedZone();
    h.server.faults.throttle('records.batch', 2, 2, '7');
    const { error, changes, ctx } = await push(h.provider, z, desired);
    expect(error).toBeUndefined();
    expect(ctx.batches.flat()).toHaveLength(changes.length);
    expect(h.server.count('records.batch')).toBe(6);
    expect(h.server.committed).toEqual([200, 200, 200, 100]);
    expect(h.sleeps).toEqual([7000, 7000]);
    expect(h.logs.filter((l) => /HTTP 429 \(rate limited\); retry \d\/5 in 7\.0s \(retry-after\)/.test(l))).toHaveLength(2);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('backs off exponentially when a 429 has no retry-after', async () => {
    const desired = await mixedZone();
    h.server.faults.throttle('records.batch', 1, 2, null);
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(h.sleeps).toEqual([1000, 2000]);
  });

  it('gives up after max_attempts throttled answers, reporting exactly the batches that went through', async () => {
    const desired = await mixedZone({ max_attempts: '3' });
    h.server.faults.throttle('records.batch', 2, 3);
    const { error, existing, ctx } = await push(h.provider, z, desired);
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as ZonesmithError).code).toBe('cloudflare-throttled');
    expect((error as Error).message).toMatch(/batch 2\/4 was not applied \(200 change\(s\)\); 1 of 4 batch\(es\) \(200 change\(s\)\) were applied before it/);
    expect(ctx.batches.map((b) => b.length)).toEqual([200]);
    expect(await live()).toEqual(expectedAfter(existing, ctx.batches.flat()));
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('refuses to wait longer than max_retry_wait', async () => {
    const desired = await mixedZone({ max_retry_wait: '5' });
    h.server.faults.throttle('records.batch', 1, 1, '300');
    const { error, ctx } = await push(h.provider, z, desired);
    expect((error as ZonesmithError).code).toBe('cloudflare-throttled');
    expect((error as Error).message).toContain('asks to wait 300s');
    expect(h.sleeps).toEqual([]);
    expect(ctx.batches).toEqual([]);
  });

  it('a 5xx on the third batch: the zone shows nothing landed, so the batch is sent again', async () => {
    const desired = await mixedZone();
    h.server.faults.failNth('records.batch', 3, 500);
    const { error, changes, ctx } = await push(h.provider, z, desired);
    expect(error).toBeUndefined();
    expect(ctx.batches.flat()).toHaveLength(changes.length);
    expect(h.server.count('records.batch')).toBe(5);
    expect(h.server.committed).toEqual([200, 200, 200, 100]);
    expect(h.logs.some((l) => /HTTP 500 and the zone shows nothing was applied; retry/.test(l))).toBe(true);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a 5xx after the third batch was committed: the zone shows it landed, so it is not sent twice', async () => {
    const desired = await mixedZone();
    h.server.faults.failAfterWork('records.batch', 3, 502);
    const { error, changes, ctx } = await push(h.provider, z, desired);
    expect(error).toBeUndefined();
    expect(ctx.batches.map((b) => b.length)).toEqual([200, 200, 200, 100]);
    expect(ctx.batches.flat()).toHaveLength(changes.length);
    expect(h.server.count('records.batch')).toBe(4);
    expect(ctx.lines.some((l) => /batch 3\/4 got no answer, but the zone shows it was applied/.test(l))).toBe(true);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a 5xx on a batch that only changes a comment: the zone shows the old comment, so it is sent again', async () => {
    h = await startHarness();
    h.server.seedZone(ZONE);
    const managed = zoneRef(ZONE, { cloudflare_manage_comments: 'true' });
    await push(h.provider, managed, [rec(ZONE, 'a', 'A', '192.0.2.1', 300, { cloudflare_comment: 'v1' })]);
    h.server.resetCounts();
    h.server.faults.failNth('records.batch', 1, 500);
    const v2 = [rec(ZONE, 'a', 'A', '192.0.2.1', 300, { cloudflare_comment: 'v2' })];
    const { error, ctx } = await push(h.provider, managed, v2);
    expect(error).toBeUndefined();
    expect(ctx.batches.flat()).toHaveLength(1);
    expect(h.server.count('records.batch')).toBe(2);
    expect(h.server.records(h.server.state.zoneByName(ZONE)!)[0]).toMatchObject({ comment: 'v2' });
    expect(await pending(h.provider, managed, v2)).toEqual([]);
  });

  it('a third batch that keeps failing: the push stops there and reports exactly the first two', async () => {
    const desired = await mixedZone();
    h.server.faults.failNth('records.batch', 3, 503, 3);
    const { error, existing, ctx } = await push(h.provider, z, desired);
    expect((error as ZonesmithError).code).toBe('cloudflare-api-error');
    expect((error as Error).message).toMatch(/batch 3\/4 was not applied \(200 change\(s\)\); 2 of 4 batch\(es\) \(400 change\(s\)\) were applied before it: Cloudflare dns_records\.batch failed: HTTP 503: Internal server error \(10001\)/);
    expect(ctx.batches.map((b) => b.length)).toEqual([200, 200]);
    expect(h.server.count('records.batch')).toBe(5);
    expect(await live()).toEqual(expectedAfter(existing, ctx.batches.flat()));
    expect((await push(h.provider, z, desired)).error).toBeUndefined();
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a batch Cloudflare refuses changes nothing; the error names the record and quotes Cloudflare', async () => {
    const managed = zoneRef(ZONE, { cloudflare_manage_comments: 'true' });
    h = await startHarness();
    h.server.seedZone(ZONE);
    const keep = [rec(ZONE, 'keep', 'TXT', '"untouched"'), ...manyA(ZONE, 'r', 250)];
    await push(h.provider, managed, keep);
    const withBad = [...keep.slice(0, 1), ...manyA(ZONE, 'r', 250, '192.0.2.9'), rec(ZONE, 'zz-note', 'A', '192.0.2.7', 300, { cloudflare_comment: 'x'.repeat(101) })];
    const { error, existing, ctx } = await push(h.provider, managed, withBad);
    expect((error as ZonesmithError).code).toBe('cloudflare-rejected');
    expect((error as Error).message).toContain('batch 2/2 was not applied (51 change(s)); 1 of 2 batch(es) (200 change(s)) were applied before it; Cloudflare refused the post of zz-note.faults.example A 192.0.2.7');
    expect((error as Error).message).toContain('comment is longer than 100 characters');
    expect(ctx.batches.map((b) => b.length)).toEqual([200]);
    const now = await live();
    expect(now).toEqual(expectedAfter(existing, ctx.batches.flat()));
    expect(now).toContain('keep.faults.example 300 TXT "untouched"');
    const fixed = [...withBad.slice(0, -1), rec(ZONE, 'zz-note', 'A', '192.0.2.7', 300, { cloudflare_comment: 'short' })];
    expect((await push(h.provider, managed, fixed)).error).toBeUndefined();
    expect(await pending(h.provider, managed, fixed)).toEqual([]);
  });

  it('an unanswered batch whose outcome cannot be read is reported as uncertain', async () => {
    const desired = await mixedZone();
    h.server.faults.failNth('records.batch', 1, 500);
    h.server.faults.failNth('records.list', 2, 500, 3); // the first list is push()'s own read
    const { error, ctx } = await push(h.provider, z, desired);
    expect((error as ZonesmithError).code).toBe('cloudflare-batch-uncertain');
    expect((error as Error).message).toContain('batch 1/4 may or may not have been applied (run preview to see)');
    expect(ctx.batches).toEqual([]);
  });

  it('never shows the token: wrong credentials and a read-only token fail with Cloudflare\'s message only', async () => {
    h = await startHarness({ server: { apiToken: 'the-right-one', readOnlyToken: TEST_TOKEN } });
    h.server.seedZone(ZONE);
    // The read-only token (Zone:Read, DNS:Read) previews; pushing needs DNS:Edit.
    expect(await h.provider.getRecords(z)).toEqual([]);
    const { error, ctx } = await push(h.provider, z, [rec(ZONE, 'a', 'A', '192.0.2.1')]);
    expect((error as ZonesmithError).code).toBe('cloudflare-access-denied');
    expect((error as Error).message).toContain('batch 1/1 was not applied (1 change(s)); 0 of 1 batch(es) (0 change(s)) were applied before it: Cloudflare dns_records.batch failed: HTTP 403: Authentication error (10000)');
    expect(ctx.batches).toEqual([]);
    await h.stop();
    h = await startHarness({ server: { apiToken: 'the-right-one' } });
    const denied = await h.provider.getRecords(z).catch((e: unknown) => e);
    expect((denied as ZonesmithError).code).toBe('cloudflare-access-denied');
    expect((denied as Error).message).toBe('Cloudflare zones.list failed: HTTP 401: Authentication error (10000)');
    const shown = [inspect(denied, { depth: 10 }), JSON.stringify(denied), ...h.logs, (denied as Error).stack ?? ''].join('\n');
    expect(shown).not.toContain(TEST_TOKEN);
  });
});
