import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { ZonesmithError } from '../../../src/errors.js';
import { startBind, startKnot, nsupdate, type TestServer } from '../../servers/index.js';
import { applyContext, baseRecords, diffRecords, digRecords, lines, providerFor, push, rec } from './helpers.js';

const zone = 'conc.test';
const www1 = rec(zone, 'www', 'A', '192.0.2.1');
const gone = rec(zone, 'gone', 'TXT', '"delete me"');

describe.each([
  ['BIND', () => startBind({ zones: [{ name: zone, records: [www1, gone] }] })],
  ['Knot', () => startKnot({ zones: [{ name: zone, records: [www1, gone] }] })],
] as const)('optimistic concurrency on %s', (_n, start) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await start();
  });
  afterEach(async () => {
    await server?.stop();
  });

  /** Reads, lets `meddle` change the zone with nsupdate, then applies the diff computed from the read. */
  async function pushWithMeddling(desired: DnsRecord[], meddle: string[]) {
    const p = providerFor(server);
    const ref = { name: zone, meta: {} };
    const existing = (await p.getRecords(ref))!;
    const changes = diffRecords(existing, desired);
    const nu = await nsupdate(server, server.key, meddle);
    expect(nu.code, nu.stderr).toBe(0);
    const ctx = applyContext(existing, desired);
    const err = await p.apply(ref, changes, ctx).then(() => undefined, (e: unknown) => e);
    return { err: err as ZonesmithError, ctx, p, changes };
  }

  it('stops when an RRset it changes was modified meanwhile (NXRRSET), clobbering nothing', async () => {
    const desired = [...baseRecords(zone), rec(zone, 'www', 'A', '192.0.2.2'), gone];
    const { err, ctx } = await pushWithMeddling(desired, [`update add www.${zone}. 300 A 192.0.2.99`]);
    expect(err).toBeInstanceOf(ZonesmithError);
    expect(err.code).toBe('rfc2136-zone-changed');
    expect(err.message).toMatch(/zone changed since it was read/);
    expect(err.message).toContain(`127.0.0.1:${server.port}`);
    expect(err.message).toContain(`zone ${zone}`);
    expect(err.message).toContain(`www.${zone} A`); // names the RRset that changed
    expect(ctx.batches).toEqual([]);
    const now = lines(await digRecords(server, zone));
    expect(now).toContain(`www.${zone} 300 A 192.0.2.1`);
    expect(now).toContain(`www.${zone} 300 A 192.0.2.99`);
    expect(now).not.toContain(`www.${zone} 300 A 192.0.2.2`);
  });

  it('stops when an RRset it creates appeared meanwhile (YXRRSET)', async () => {
    const desired = [...baseRecords(zone), www1, gone, rec(zone, 'new', 'TXT', '"ours"')];
    const { err, ctx } = await pushWithMeddling(desired, [`update add new.${zone}. 300 TXT "theirs"`]);
    expect(err.code).toBe('rfc2136-zone-changed');
    expect(err.message).toMatch(/YXRRSET/);
    expect(ctx.batches).toEqual([]);
    const now = lines(await digRecords(server, zone));
    expect(now).toContain(`new.${zone} 300 TXT "theirs"`);
    expect(now).not.toContain(`new.${zone} 300 TXT "ours"`);
  });

  it('stops when a record it deletes was already deleted and replaced', async () => {
    const desired = [...baseRecords(zone), www1];
    const { err } = await pushWithMeddling(desired, [`update delete gone.${zone}. TXT`, `update add gone.${zone}. 300 TXT "rewritten"`]);
    expect(err.code).toBe('rfc2136-zone-changed');
    expect(lines(await digRecords(server, zone))).toContain(`gone.${zone} 300 TXT "rewritten"`);
  });

  it('in a multi-message push, reports the messages committed before the conflict; a re-run converges', async () => {
    const bulk = Array.from({ length: 4000 }, (_, i) => rec(zone, `bulk${i}`, 'TXT', `"${'b'.repeat(60)} ${i}"`));
    // `late` is created last in the diff's order, so its guard travels in the last message.
    const desired = [...baseRecords(zone), www1, gone, ...bulk, rec(zone, 'late', 'TXT', '"ours"')];
    const { err, ctx, p } = await pushWithMeddling(desired, [`update add late.${zone}. 300 TXT "theirs"`]);
    const stats = p.lastApply!;
    expect(stats.messages).toBeGreaterThanOrEqual(3);
    expect(err.code).toBe('rfc2136-zone-changed');
    expect(ctx.batches.length).toBe(stats.messages - 1);
    expect(err.message).toContain(`messages 1-${stats.messages - 1} applied (${ctx.batches.flat().length} of ${bulk.length + 1} changes)`);
    // What was reported applied is exactly what the server now holds of the bulk records.
    const held = new Set(lines(await digRecords(server, zone)));
    const reported = ctx.batches.flat().flatMap((c) => c.after);
    expect(reported.every((r) => held.has(lines([r])[0]!))).toBe(true);
    expect(held.has(`late.${zone} 300 TXT "theirs"`)).toBe(true);
    expect(held.has(`late.${zone} 300 TXT "ours"`)).toBe(false);
    // A re-run from a fresh read converges (the user reviewed the new state).
    const again = await push(p, zone, desired);
    expect(again.second).toEqual([]);
    expect(lines(await digRecords(server, zone))).toEqual(lines(desired));
  });
});
