/**
 * The provider driven by the project's own diff engine (src/diff), not the test helper's: every
 * step is applied, then diffed again, and the second diff must be empty.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { diffZone } from '../../../src/diff/diff-zone.js';
import type { ZoneDiff } from '../../../src/diff/types.js';
import type { ProviderInstance, ZoneRef } from '../../../src/provider/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { route53Provider } from '../../../providers/route53/index.js';
import { applyContext, manyA, rec, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'engine.example';
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function diff(p: ProviderInstance, z: ZoneRef, desired: readonly DnsRecord[]): Promise<{ d: ZoneDiff; existing: DnsRecord[] }> {
  const existing = (await p.getRecords(z)) ?? [];
  const apexNs = (await p.nameservers!(z)).map((ns) => ({ name: ZONE, type: 'NS', ttl: 172800, rdata: ns }));
  const wanted = p.prepareDesired!([...desired, ...apexNs], z);
  const { diff: d, diagnostics } = diffZone({
    zone: ZONE, desired: wanted, existing, absent: [],
    handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false },
    granularity: route53Provider.granularity, comparedMeta: route53Provider.comparedMeta ?? [],
  });
  expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  return { d, existing };
}

async function step(desired: readonly DnsRecord[]): Promise<number> {
  const z = zoneRef(ZONE);
  const { d, existing } = await diff(h.provider, z, desired);
  const ctx = applyContext(existing, d.desiredPlus);
  await h.provider.apply(z, d.changes, ctx);
  expect(ctx.batches.flat()).toHaveLength(d.changes.length);
  const again = await diff(h.provider, z, desired);
  expect(again.d.changes).toEqual([]);
  return d.changes.length;
}

describe('ROUTE53 with the diff engine', () => {
  it('converges through a sequence of steps, aliases and swaps included', async () => {
    h = await startHarness();
    await h.provider.ensureZone!(zoneRef(ZONE));
    expect(await step([rec(ZONE, 'www', 'CNAME', 'web.example.net.'), rec(ZONE, '@', 'MX', '10 mx'), rec(ZONE, 'mx', 'A', '192.0.2.25'), rec(ZONE, '@', 'TXT', `"${'k'.repeat(600)}"`)])).toBeGreaterThan(0);
    expect(await step([rec(ZONE, 'www', 'A', '192.0.2.80'), rec(ZONE, '@', 'MX', '10 mx'), rec(ZONE, 'mx', 'A', '192.0.2.26'), rec(ZONE, 'api', 'R53_ALIAS', 'A www'), rec(ZONE, '@', 'TXT', '"short"', 600)])).toBeGreaterThan(0);
    expect(await step([rec(ZONE, 'www', 'R53_ALIAS', 'A lb.example.net.', 300, { r53_alias_zone_id: 'Z35SXDOTRQ7X7K' }), rec(ZONE, 'lb', 'A', '192.0.2.90'), rec(ZONE, '*', 'A', '192.0.2.1')])).toBeGreaterThan(0);
    expect(await step([...manyA(ZONE, 'bulk', 1500)])).toBeGreaterThan(0);
    expect(await step([])).toBeGreaterThan(0);
    const left = (await h.provider.getRecords(zoneRef(ZONE)))!;
    expect(left.map((r) => r.type)).toEqual(['NS', 'NS', 'NS', 'NS']);
  });
});
