// RECORD_VERSION(): the version TXT is hidden from the diff and written only with other changes, at
// every granularity, through the engine's own preview and push (with an in-memory provider that
// implements the provider contract and applies changes the way its granularity says).
import { describe, expect, it } from 'vitest';
import type { Change, Granularity } from '../../src/diff/types.js';
import { runPreview } from '../../src/gitops/run-preview.js';
import { checkRecordVersions, versionOwner, withVersionRecord } from '../../src/gitops/record-version.js';
import type { IrConfig, IrDomain } from '../../src/ir/types.js';
import type { ResolvedProvider } from '../../src/provider/resolve.js';
import type { ProviderDefinition } from '../../src/provider/types.js';
import { pushWork } from '../../src/reconcile/push.js';
import type { DnsRecord } from '../../src/records/types.js';

const Z = 'v.example';
const r = (label: string, type: string, rdata: string, ttl = 300): DnsRecord => ({ name: label === '@' ? Z : `${label}.${Z}`, type, ttl, rdata });

/** A provider holding one zone in memory; apply follows the changes' before/after sets (or desired, at zone granularity). */
function memory(granularity: Granularity, initial: DnsRecord[]) {
  let zone = [...initial];
  const received: Change[][] = [];
  const key = (x: DnsRecord) => `${x.name} ${x.type} ${x.ttl} ${x.rdata}`;
  const def: ProviderDefinition = {
    type: 'MEMORY',
    capabilities: { records: { A: { can: true }, TXT: { can: true }, NS: { can: true } }, features: {} },
    granularity,
    parseSettings: () => ({}),
    create: () => ({
      getRecords: async () => zone.map((x) => ({ ...x })),
      apply: async (_ref, changes, ctx) => {
        received.push([...changes]);
        if (granularity === 'zone') zone = [...ctx.desired];
        else
          for (const c of changes) {
            const gone = new Set(c.before.map(key));
            zone = [...zone.filter((x) => !gone.has(key(x))), ...c.after];
          }
        ctx.applied(changes);
      },
    }),
  };
  return { def, received, zone: () => zone };
}

function ir(records: DnsRecord[], meta: Record<string, string> = { zonesmith_record_version: '_zonesmith-version' }): IrConfig {
  const domain: IrDomain = {
    name: Z, unicodeName: Z, tag: '', uniqueName: Z, registrar: 'none', dnsProviders: [{ name: 'mem', nameserverCount: -1 }],
    nameservers: [], nameserverTtl: 300, records, absent: [], handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, meta,
  };
  return { version: 1, registrars: [], dnsProviders: [{ name: 'mem', type: 'MEMORY', meta: {} }], domains: [domain] };
}

async function cycle(granularity: Granularity, existing: DnsRecord[], desired: DnsRecord[], commit: string) {
  const mem = memory(granularity, existing);
  const providers = new Map<string, ResolvedProvider>([['mem', { name: 'mem', definition: mem.def, creds: {}, meta: {}, excludeFromDefaults: false }]]);
  const opts = { concurrency: 2, force: false, env: { log: () => undefined, configDir: '.' } };
  const first = await runPreview(ir(desired), providers, opts);
  const items = first.work.map((w) => withVersionRecord(w, commit, first.session));
  const results = await pushWork(items, { concurrency: 2, log: () => undefined });
  await first.session.close();
  const again = await runPreview(ir(desired), providers, opts);
  await again.session.close();
  return { plan: first.plan, items, results, mem, again: again.plan };
}

const NS = r('@', 'NS', 'ns1.example.net.');

describe('RECORD_VERSION() in the engine', () => {
  for (const g of ['record', 'rrset', 'label', 'zone'] as const) {
    it(`${g} granularity: hidden from the plan, written with the other changes, converged after`, async () => {
      const existing = [NS, r('www', 'A', '192.0.2.1'), r('_zonesmith-version', 'TXT', '"old1"')];
      const desired = [NS, r('www', 'A', '192.0.2.2')];
      const { plan, items, results, mem, again } = await cycle(g, existing, desired, 'new2');
      expect(plan.zones[0]!.changes.flatMap((c) => c.details).map((d) => d.kind)).toEqual(['update']);
      expect(plan.zones[0]!.messages).toEqual([]);
      expect(items[0]!.plan.counts).toEqual({ create: 0, update: 2, delete: 0 });
      expect(results[0]).toMatchObject({ status: 'applied', notApplied: [] });
      expect(results[0]!.applied.map((d) => d.kind === 'update' && `${d.before.rdata} -> ${d.after.rdata}`)).toEqual(['192.0.2.1 -> 192.0.2.2', '"old1" -> "new2"']);
      expect(mem.zone().filter((x) => x.type === 'TXT')).toEqual([r('_zonesmith-version', 'TXT', '"new2"')]);
      expect(again.zones[0]!.changes).toEqual([]);
    });
  }

  it('leaves the record alone when nothing else changes', async () => {
    const existing = [NS, r('www', 'A', '192.0.2.1'), r('_zonesmith-version', 'TXT', '"old1"')];
    const { plan, items, results, mem } = await cycle('record', existing, [NS, r('www', 'A', '192.0.2.1')], 'new2');
    expect(plan.zones[0]!.changes).toEqual([]);
    expect(items[0]!.plan.changes).toEqual([]);
    expect(results[0]!.status).toBe('skipped');
    expect(mem.received).toEqual([]);
  });

  it('creates it with the first change, and cleans up duplicates someone else left', async () => {
    const created = await cycle('record', [NS], [NS, r('www', 'A', '192.0.2.1')], 'abc');
    expect(created.mem.zone()).toContainEqual(r('_zonesmith-version', 'TXT', '"abc"'));
    const dup = await cycle('record', [NS, r('_zonesmith-version', 'TXT', '"x"'), r('_zonesmith-version', 'TXT', '"y"')], [NS, r('www', 'A', '192.0.2.1')], 'abc');
    expect(dup.results[0]!.applied.map((d) => d.kind)).toEqual(['create', 'delete', 'update']);
    expect(dup.mem.zone().filter((x) => x.type === 'TXT')).toEqual([r('_zonesmith-version', 'TXT', '"abc"')]);
  });

  it('is absent without RECORD_VERSION(): a TXT there is an ordinary record', async () => {
    const mem = memory('record', [NS, r('_zonesmith-version', 'TXT', '"old1"')]);
    const providers = new Map<string, ResolvedProvider>([['mem', { name: 'mem', definition: mem.def, creds: {}, meta: {}, excludeFromDefaults: false }]]);
    const run = await runPreview(ir([NS], {}), providers, { concurrency: 1, force: false, env: { log: () => undefined, configDir: '.' } });
    await run.session.close();
    expect(run.plan.zones[0]!.changes.flatMap((c) => c.details).map((d) => d.kind)).toEqual(['delete']);
  });
});

describe('the version label', () => {
  it('is relative to the zone, or absolute inside it; never the apex or outside', () => {
    expect(versionOwner({ zonesmith_record_version: '_zonesmith-version' }, Z)).toBe(`_zonesmith-version.${Z}`);
    expect(versionOwner({ zonesmith_record_version: '_Deployed.Info' }, Z)).toBe(`_deployed.info.${Z}`);
    expect(versionOwner({ zonesmith_record_version: `_v.${Z}.` }, Z)).toBe(`_v.${Z}`);
    expect(versionOwner({}, Z)).toBeUndefined();
    for (const bad of ['@', `${Z}.`, '_v.other.example.', 'a b', '*', '-x']) {
      expect(versionOwner({ zonesmith_record_version: bad }, Z), bad).toHaveProperty('problem');
    }
  });

  it('is checked in the config: a bad label and a TXT the config writes there', () => {
    const good = ir([r('www', 'A', '192.0.2.1')]);
    expect(checkRecordVersions(good)).toEqual([]);
    const clash = ir([{ ...r('_zonesmith-version', 'TXT', '"mine"'), source: { file: 'dnsconfig.ts', line: 9, column: 3 } }]);
    expect(checkRecordVersions(clash)).toMatchObject([{ code: 'record-version-conflict', severity: 'error', source: { line: 9 } }]);
    expect(checkRecordVersions(ir([], { zonesmith_record_version: '@' }))).toMatchObject([{ code: 'record-version-label' }]);
  });
});
