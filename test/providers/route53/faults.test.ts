/**
 * Failures in the middle of a push: the report (ctx.applied) says exactly which changes Route 53
 * committed, the zone holds exactly those, a re-run converges and nothing else is lost.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import { ZonesmithError } from '../../../src/errors.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { route53Provider } from '../../../providers/route53/index.js';
import { applyContext, diffRrsets, manyA, pending, push, rec, startHarness, TEST_KEY_ID, TEST_SECRET, zoneRef, type Harness } from './support.js';
import { expectedAfterRrsets as expectedAfter, view } from '../../provider/support.js';

const ZONE = 'faults.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** 1,500 existing A records; the desired state deletes 500, changes 500 and adds 1,000 (3 requests). */
async function mixedZone(): Promise<DnsRecord[]> {
  await h.provider.ensureZone!(z);
  await push(h.provider, z, manyA(ZONE, 'r', 1500, '192.0.2.1'));
  const desired = [
    ...manyA(ZONE, 'r', 1500, '192.0.2.1').slice(500, 1000),
    ...manyA(ZONE, 'r', 1500, '192.0.2.2').slice(1000),
    ...manyA(ZONE, 'n', 1000, '192.0.2.3'),
  ];
  h.server.resetCounts();
  return desired;
}

async function attempt(desired: readonly DnsRecord[]): Promise<{ error: unknown; existing: DnsRecord[]; changes: Change[]; reported: Change[] }> {
  const existing = (await h.provider.getRecords(z))!;
  const wanted = [...desired, ...existing.filter((r) => r.name === ZONE && r.type === 'NS')];
  const changes = diffRrsets(existing, wanted);
  const ctx = applyContext(existing, wanted);
  let error: unknown;
  try {
    await h.provider.apply(z, changes, ctx);
  } catch (e) {
    error = e;
  }
  return { error, existing, changes, reported: ctx.batches.flat() };
}

describe('ROUTE53 faults', () => {
  it('rides out throttling in the middle of a push, backing off each time', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.throttleFrom('ChangeResourceRecordSets', 2, 3);
    h.server.faults.priorRequestNotComplete(1, 2);
    const { error, changes, reported } = await attempt(desired);
    expect(error).toBeUndefined();
    expect(reported).toHaveLength(changes.length);
    // 3 batches + 3 throttled + 1 PriorRequestNotComplete.
    expect(h.server.count('ChangeResourceRecordSets')).toBe(7);
    expect(h.server.committed).toHaveLength(3);
    expect(h.sleeps).toHaveLength(4);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]! / 2);
    expect(h.logs.filter((l) => /Throttling; retry/.test(l))).toHaveLength(3);
    expect(h.logs.filter((l) => /PriorRequestNotComplete; retry/.test(l))).toHaveLength(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('gives up after max_attempts throttled answers, reporting the batches that went through', async () => {
    h = await startHarness({ creds: { max_attempts: '3' } });
    const desired = await mixedZone();
    h.server.faults.throttleFrom('ChangeResourceRecordSets', 2, 3);
    const { error, existing, reported } = await attempt(desired);
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as ZonesmithError).code).toBe('route53-throttled');
    expect((error as Error).message).toMatch(/batch 2\/3 was not applied .* 1 of 3 batch\(es\) \(\d+ change\(s\)\) were applied before it/);
    expect(h.server.committed).toHaveLength(1);
    expect(view((await h.provider.getRecords(z))!)).toEqual(expectedAfter(existing, reported));
    h.server.resetCounts();
    await push(h.provider, z, desired);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a 5xx on the third batch: two batches reported, the zone holds exactly them, a re-run finishes the job', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    h.server.faults.failNth('ChangeResourceRecordSets', 3, 500);
    const { error, existing, changes, reported } = await attempt(desired);
    expect(error).toBeInstanceOf(ZonesmithError);
    expect((error as Error).message).toContain('batch 3/3 was not applied');
    expect((error as Error).message).toContain('InternalFailure');
    // A failed write is not retried blind: exactly one attempt at batch 3.
    expect(h.server.count('ChangeResourceRecordSets')).toBe(3);
    expect(h.server.committed).toHaveLength(2);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(changes.length);
    const after = (await h.provider.getRecords(z))!;
    expect(view(after)).toEqual(expectedAfter(existing, reported));
    h.server.resetCounts();
    const rerun = await push(h.provider, z, desired);
    expect(rerun.changes).toHaveLength(changes.length - reported.length);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(1);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('a batch Route 53 rejects changes nothing; the report is exact and a re-run converges', async () => {
    h = await startHarness();
    const desired = await mixedZone();
    const existing = (await h.provider.getRecords(z))!;
    const wanted = [...desired, ...existing.filter((r) => r.name === ZONE && r.type === 'NS')];
    const changes = diffRrsets(existing, wanted);
    // Someone creates one of the new names behind zonesmith's back between read and push.
    const zone = [...h.server.state.zones.values()][0]!;
    h.server.state.put(zone, { name: `n00500.${ZONE}`, type: 'A', ttl: 60, values: ['198.51.100.1'] });
    const before = new Map(zone.rrsets);
    const ctx = applyContext(existing, wanted);
    const err = await h.provider.apply(z, changes, ctx).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ZonesmithError);
    expect((err as ZonesmithError).code).toBe('route53-invalid-change-batch');
    expect((err as Error).message).toContain("Tried to create resource record set [name='n00500.faults.example.', type='A'] but it already exists");
    const reported = ctx.batches.flat();
    const failedBatch = h.server.committed.length + 1;
    expect((err as Error).message).toContain(`batch ${failedBatch}/3 was not applied`);
    // Exactly the reported changes are in the zone; the rejected batch left no trace.
    const rejected = changes.filter((c) => !reported.includes(c));
    expect(rejected.some((c) => c.name === `n00500.${ZONE}`)).toBe(true);
    for (const c of rejected) {
      for (const [key, r] of zone.rrsets) if (r.name === `${c.name}.` && r.type === c.type) expect(before.get(key)).toBe(r);
    }
    const live = (await h.provider.getRecords(z))!.filter((r) => r.name !== `n00500.${ZONE}`);
    expect(view(live)).toEqual(expectedAfter(existing, reported).filter((l) => !l.startsWith(`n00500.${ZONE} `)));
    // The re-run sees the stranger's record and updates it instead of creating it.
    await push(h.provider, z, desired);
    expect(await pending(h.provider, z, desired)).toEqual([]);
  });

  it('retries reads on server errors and throttling', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    h.server.faults.failNth('ListResourceRecordSets', 1, 503, 'ServiceUnavailable', 'Service Unavailable');
    h.server.faults.throttle(2, 'ListHostedZones');
    const zoneless = await startHarness();
    zoneless.server.faults.throttle(2, 'ListHostedZones');
    expect(await zoneless.provider.listZones!()).toEqual([]);
    expect(zoneless.server.count('ListHostedZones')).toBe(3);
    await zoneless.stop();
    expect((await h.provider.getRecords(z))!.length).toBe(4);
    expect(h.server.count('ListResourceRecordSets')).toBe(2);
  });

  it('an alias refused by Route 53 at the end of a request takes the whole request back', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(z);
    const zone = [...h.server.state.zones.values()][0]!;
    h.server.state.put(zone, { name: `al.${ZONE}`, type: 'A', ttl: 300, values: ['192.0.2.1'] });
    const existing = (await h.provider.getRecords(z))!;
    // A desired alias at a name whose A record the diff does not know to delete: CREATE must fail.
    const desired = [rec(ZONE, 'x', 'A', '192.0.2.9'), rec(ZONE, 'al', 'R53_ALIAS', 'A x')];
    const changes = diffRrsets(existing, [...existing, ...desired]);
    const ctx = applyContext(existing, desired);
    await expect(h.provider.apply(z, changes, ctx)).rejects.toMatchObject({ code: 'route53-invalid-change-batch' });
    expect(ctx.batches).toEqual([]);
    expect([...zone.rrsets.values()].some((r) => r.name === `x.${ZONE}.`)).toBe(false);
  });
});

describe('ROUTE53 credentials stay secret', () => {
  it('never appear in errors, logs or the settings object', async () => {
    h = await startHarness({ server: { accessKeyId: 'AKIDSOMEONEELSE' } });
    const err = await h.provider.listZones!().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ZonesmithError);
    expect((err as ZonesmithError).code).toBe('route53-access-denied');
    const text = [inspect(err, { depth: 10 }), JSON.stringify(err), String(err), ...h.logs].join('\n');
    expect(text).not.toContain(TEST_SECRET);
    const settings = route53Provider.parseSettings({ KeyId: TEST_KEY_ID, SecretKey: TEST_SECRET, Token: 'tok-Zq1secretsession' }, {});
    const shown = [inspect(settings, { depth: 10 }), JSON.stringify(settings), String(settings.credentials)].join('\n');
    expect(shown).not.toContain(TEST_SECRET);
    expect(shown).not.toContain('tok-Zq1secretsession');
    expect(shown).not.toContain(TEST_KEY_ID);
  });

  it('are scrubbed from a server message that echoes them', async () => {
    h = await startHarness();
    h.server.faults.failNth('ListHostedZones', 1, 403, 'AccessDenied', `User ${TEST_KEY_ID} with secret ${TEST_SECRET} is not authorized`);
    const err = await h.provider.listZones!().then(() => undefined, (e: unknown) => e);
    const text = [inspect(err, { depth: 10 }), String(err)].join('\n');
    expect(text).toContain('not authorized');
    expect(text).not.toContain(TEST_SECRET);
    expect(text).not.toContain(TEST_KEY_ID);
  });
});
