/**
 * Preview, then someone else edits the zone with nsupdate, then push: through the same reconcile
 * code the CLI uses (gatherZone, pushWork). The push must stop and clobber nothing.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { IrDomain } from '../../../src/ir/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import type { ResolvedProvider } from '../../../src/provider/resolve.js';
import { ProviderSession } from '../../../src/reconcile/session.js';
import { gatherZone } from '../../../src/reconcile/gather.js';
import { pushWork } from '../../../src/reconcile/push.js';
import { rfc2136Provider } from '../../../providers/rfc2136/index.js';
import { startBind, startKnot, nsupdate, type TestServer } from '../../servers/index.js';
import { credsFor, digRecords, lines, rec } from './helpers.js';

const zone = 'pp.test';

function domain(records: DnsRecord[]): IrDomain {
  return {
    name: zone, unicodeName: zone, tag: '', uniqueName: zone, registrar: 'none',
    dnsProviders: [{ name: 'dns', nameserverCount: -1 }], nameservers: [], nameserverTtl: 300,
    records, absent: [],
    handsOff: { purge: true, ignores: [{ label: 'dummy-ns', types: 'A', target: '*' }], disableIgnoreSafetyCheck: false },
    meta: {},
  };
}

describe.each([
  ['BIND', () => startBind({ zones: [{ name: zone, records: [rec(zone, 'www', 'A', '192.0.2.1')] }] })],
  ['Knot', () => startKnot({ zones: [{ name: zone, records: [rec(zone, 'www', 'A', '192.0.2.1')] }] })],
] as const)('preview → concurrent nsupdate → push on %s', (_n, start) => {
  let server: TestServer;
  let session: ProviderSession;
  beforeEach(async () => {
    server = await start();
    const resolved: ResolvedProvider = { name: 'dns', definition: rfc2136Provider, creds: credsFor(server), meta: {}, excludeFromDefaults: false };
    session = new ProviderSession(new Map([['dns', resolved]]), { log: () => undefined, configDir: process.cwd() }, 1);
  });
  afterEach(async () => {
    await session?.close();
    await server?.stop();
  });

  const preview = (records: DnsRecord[]) => gatherZone(domain(records), session.get('dns'), [], { force: true });

  it('stops with "zone changed since it was read"; the other writer\'s record survives; nothing applied', async () => {
    const work = await preview([rec(zone, 'www', 'A', '192.0.2.2'), rec(zone, 'new', 'TXT', '"ours"')]);
    expect(work.plan.changes.length).toBeGreaterThan(0);
    expect((await nsupdate(server, server.key, [`update add www.${zone}. 300 A 192.0.2.99`])).code).toBe(0);
    const [result] = await pushWork([work], { concurrency: 1, log: () => undefined });
    expect(result!.status).toBe('failed');
    expect(result!.error).toMatch(/zone changed since it was read/);
    expect(result!.applied).toEqual([]);
    const now = lines(await digRecords(server, zone));
    expect(now).toContain(`www.${zone} 300 A 192.0.2.1`);
    expect(now).toContain(`www.${zone} 300 A 192.0.2.99`);
    expect(now.some((l) => l.startsWith(`new.${zone}`))).toBe(false);
    // Preview again (the user sees the other writer's record) and push: converges.
    const again = await preview([rec(zone, 'www', 'A', '192.0.2.2'), rec(zone, 'new', 'TXT', '"ours"')]);
    const [ok] = await pushWork([again], { concurrency: 1, log: () => undefined });
    expect(ok!.status).toBe('applied');
    expect((await preview([rec(zone, 'www', 'A', '192.0.2.2'), rec(zone, 'new', 'TXT', '"ours"')])).plan.changes).toEqual([]);
  });

  it('in a multi-message push, reports exactly the committed part as applied (partial)', async () => {
    const bulk = Array.from({ length: 3000 }, (_, i) => rec(zone, `b${String(i).padStart(4, '0')}`, 'TXT', `"${'x'.repeat(80)} ${i}"`));
    const desired = [rec(zone, 'www', 'A', '192.0.2.1'), ...bulk, rec(zone, 'zzz', 'TXT', '"ours"')];
    const work = await preview(desired);
    expect((await nsupdate(server, server.key, [`update add zzz.${zone}. 300 TXT "theirs"`])).code).toBe(0);
    const [result] = await pushWork([work], { concurrency: 1, log: () => undefined });
    expect(result!.status).toBe('partial');
    expect(result!.error).toMatch(/zone changed since it was read/);
    const held = new Set(lines(await digRecords(server, zone)));
    expect(result!.applied.length).toBeGreaterThan(0);
    for (const d of result!.applied) if (d.kind === 'create') expect(held.has(lines([d.after])[0]!)).toBe(true);
    expect(held.has(`zzz.${zone} 300 TXT "theirs"`)).toBe(true);
    expect(result!.applied.length + result!.notApplied.length + result!.failed.length).toBe(bulk.length + 1);
  });
});
