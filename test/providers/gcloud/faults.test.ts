/**
 * Failures in the middle of a push: the report (ctx.applied) says exactly which changes Cloud DNS
 * committed, the zone holds exactly those, a re-run converges and nothing else is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { applyContext, manyA, pending, planChanges, push, startHarness, view, wanted, zoneRef, type Harness } from './support.js';
import { expectedAfterRrsets as expectedAfter } from '../../provider/support.js';

const ZONE = 'faults.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** 1,500 existing A records; the desired state deletes 500, changes 1,000 and adds 1,500: 3 Changes. */
async function mixedZone(): Promise<DnsRecord[]> {
  await h.provider.ensureZone!(z);
  await push(h.provider, z, manyA(ZONE, 'r', 1500, '192.0.2.1'));
  h.server.resetCounts();
  return [...manyA(ZONE, 'r', 1500, '192.0.2.2').slice(500), ...manyA(ZONE, 'n', 1500, '192.0.2.3')];
}

async function attempt(desired: readonly DnsRecord[], beforeApply?: () => void): Promise<{ error: unknown; existing: DnsRecord[]; changes: Change[]; reported: Change[]; lines: string[] }> {
  const existing = (await h.provider.getRecords(z))!;
  const want = wanted(h.provider, z, desired, existing);
  const changes = planChanges(ZONE, existing, want);
  const ctx = applyContext(existing, want);
  beforeApply?.();
  const error = await h.provider.apply(z, changes, ctx).then(() => undefined, (e: unknown) => e);
  return { error, existing, changes, reported: ctx.batches.flat(), lines: ctx.lines };
}

async function live(): Promise<string[]> {
  return view((await h.provider.getRecords(z))!);
}

describe('GCLOUD faults', () => {
  it('rides out throttling in the middle of a push, backing off each time', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.throttleFrom('changes.create', 2, 3);
    const { error, changes, reported } = await attempt(desired);
    expect(error).toBeUndefined();
    expect(reported).toHaveLength(changes.length);
    // 3 Changes + 3 throttled answers.
    expect(h.server.count('changes.create')).toBe(6);
    expect(h.server.committed).toHaveLength(3);
    const retries = h.logs.filter((l) => /changes\.create: 429 rateLimitExceeded; retry/.test(l));
    expect(retries).toHaveLength(3);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('gives up after max_attempts throttled answers, reporting the Changes that went through', async () => {
    h = await startHarness({ creds: { max_attempts: '3' } });
    const desired = await mixedZone();
    h.server.faults.throttleFrom('changes.create', 2, 3);
    const { error, existing, reported } = await attempt(desired);
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as ZonesmithError).code).toBe('gcloud-throttled');
    expect((error as Error).message).toMatch(/Change 2\/3 was not applied \(\d+ change\(s\)\); 1 of 3 Change\(s\) \(\d+ change\(s\)\) were applied before it/);
    expect(h.server.committed).toHaveLength(1);
    expect(await live()).toEqual(expectedAfter(existing, reported));
    await push(h.provider, z, desired);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a 5xx on the third Change: sent again, applied once, everything reported', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.failNth('changes.create', 3);
    const { error, changes, reported, lines } = await attempt(desired);
    expect(error).toBeUndefined();
    expect(h.server.count('changes.create')).toBe(4);
    expect(h.server.committed).toHaveLength(3);
    expect(reported).toHaveLength(changes.length);
    expect(lines.filter((l) => /changes\.create: 500; sending the Change again/.test(l))).toHaveLength(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a 5xx on the third Change that persists: two Changes reported, the zone holds exactly them, a re-run finishes the job', async () => {
    h = await startHarness({ creds: { max_attempts: '2' } });
    const desired = await mixedZone();
    h.server.faults.failNth('changes.create', 3, { status: 503, message: 'The service is currently unavailable.', times: 2 });
    const { error, existing, changes, reported, lines } = await attempt(desired);
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as Error).message).toContain('Change 3/3 was not applied');
    expect((error as Error).message).toContain('HTTP 503 backendError');
    expect(h.server.count('changes.create')).toBe(4);
    expect(h.server.committed).toHaveLength(2);
    expect(lines.filter((l) => /changes\.create: 503; sending the Change again \(attempt 2\/2\)/.test(l))).toHaveLength(1);
    // Whether the failed Change went in was checked by reading the zone.
    expect(h.server.count('resourceRecordSets.list')).toBeGreaterThan(2);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(changes.length);
    expect(await live()).toEqual(expectedAfter(existing, reported));
    h.server.resetCounts();
    const rerun = await push(h.provider, z, desired);
    expect(rerun.changes).toHaveLength(changes.length - reported.length);
    expect(h.server.count('changes.create')).toBe(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a Change applied but answered with a 5xx is found in the zone and reported once, not applied twice', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.applyThenFail(2);
    const { error, changes, reported, lines } = await attempt(desired);
    expect(error).toBeUndefined();
    // Change 2 was sent twice; the repeat was refused by its own preconditions.
    expect(h.server.count('changes.create')).toBe(4);
    expect(h.server.committed).toHaveLength(3);
    expect(reported).toHaveLength(changes.length);
    expect(new Set(reported)).toEqual(new Set(changes));
    expect(lines.filter((l) => l.includes('already holds the result of this Change'))).toHaveLength(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it("a Change applied whose connection dropped (the SDK's own re-send is refused) is found in the zone", async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.applyThenDrop(1);
    const { error, changes, reported, lines } = await attempt(desired);
    expect(error).toBeUndefined();
    expect(h.server.committed).toHaveLength(3);
    expect(reported).toHaveLength(changes.length);
    // The HTTP stack sent Change 1 again on its own; Cloud DNS refused the repeat (its deletions are gone).
    expect(h.server.requests.filter((r) => r.op === 'changes.create').map((r) => r.status)).toEqual([0, 404, 200, 200]);
    expect(lines.filter((l) => l.includes('already holds the result of this Change'))).toHaveLength(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  }, 30_000);

  it('a Change Cloud DNS rejects (409: a new name exists already) changes nothing; the report is exact and a re-run converges', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    const zone = h.server.state.byDnsName(ZONE)!;
    let before = new Map(zone.rrsets);
    // Someone creates one of the new names behind zonesmith's back between read and push.
    const { error, existing, changes, reported } = await attempt(desired, () => {
      h.server.state.put(zone, { name: `n00700.${ZONE}.`, type: 'A', ttl: 60, rrdatas: ['198.51.100.1'] });
      before = new Map(zone.rrsets);
    });
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as ZonesmithError).code).toBe('gcloud-already-exists');
    expect((error as Error).message).toContain(`named 'n00700.${ZONE}. (A)' already exists`);
    expect((error as Error).message).toContain('someone created it since the zone was read');
    const failed = h.server.committed.length + 1;
    expect((error as Error).message).toContain(`Change ${failed}/3 was not applied`);
    // Exactly the reported changes are in the zone; the rejected Change left no trace.
    const rejected = changes.filter((c) => !reported.includes(c));
    expect(rejected.some((c) => c.name === `n00700.${ZONE}`)).toBe(true);
    for (const c of rejected) {
      for (const [key, r] of zone.rrsets) if (r.name === `${c.name}.` && r.type === c.type) expect(before.get(key)).toBe(r);
    }
    const now = (await live()).filter((l) => !l.startsWith(`n00700.${ZONE} `));
    expect(now).toEqual(expectedAfter(existing, reported).filter((l) => !l.startsWith(`n00700.${ZONE} `)));
    // The re-run sees the stranger's record and replaces it.
    await push(h.provider, z, desired);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('412: a set changed since it was read stops the push with a clear error', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    const zone = h.server.state.byDnsName(ZONE)!;
    const { error, existing, reported } = await attempt(desired, () => {
      h.server.state.put(zone, { name: `r01400.${ZONE}.`, type: 'A', ttl: 300, rrdatas: ['203.0.113.9'] });
    });
    expect((error as ZonesmithError).code).toBe('gcloud-zone-changed');
    expect((error as Error).message).toContain('conditionNotMet');
    expect((error as Error).message).toContain('the zone changed since it was read');
    const now = (await live()).filter((l) => !l.startsWith(`r01400.${ZONE} `));
    expect(now).toEqual(expectedAfter(existing, reported).filter((l) => !l.startsWith(`r01400.${ZONE} `)));
    await push(h.provider, z, desired);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('retries reads on server errors and throttling', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    h.server.resetCounts();
    h.server.faults.failNth('resourceRecordSets.list', 1, { status: 503, message: 'The service is currently unavailable.' });
    h.server.faults.throttle(2, 'resourceRecordSets.list');
    expect((await h.provider.getRecords(z))!.length).toBe(4);
    expect(h.server.count('resourceRecordSets.list')).toBe(4);
  });

  it('waits for the last Change to be done, polling changes.get', async () => {
    h = await startHarness({ server: { pendingGets: 2 } });
    await h.provider.ensureZone!(z);
    h.server.resetCounts();
    const { ctx } = await push(h.provider, z, manyA(ZONE, 'p', 2500));
    expect(h.server.count('changes.create')).toBe(3);
    // Only the last Change is polled: Cloud DNS applies a zone's Changes in order.
    expect(h.server.count('changes.get')).toBe(3);
    expect(ctx.lines.at(-1)).toBe(`${ZONE}: Cloud DNS reports the changes done`);
  });

  it('refuses to delete the apex NS set before sending anything', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    const existing = (await h.provider.getRecords(z))!;
    const changes = planChanges(ZONE, existing, []);
    h.server.resetCounts();
    await expect(h.provider.apply(z, changes, applyContext(existing, []))).rejects.toMatchObject({ code: 'gcloud-apex-ns-required' });
    expect(h.server.count('changes.create')).toBe(0);
  });
});
