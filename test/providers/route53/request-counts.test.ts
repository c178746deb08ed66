/**
 * The number of ChangeResourceRecordSets requests equals the lower bound that Route 53's limits
 * allow: 1,000 ResourceRecord elements and 32,000 value characters per request, UPSERT counting
 * twice for both. The bounds here are computed from first principles for each scenario (what each
 * change needs at the least), not from the provider's own arithmetic.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import type { Route53Server } from '../../servers/route53/server.js';
import { manyA, pending, push, rec, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'counts.example';
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** The bound: every request carries at most 1,000 elements and 32,000 characters. */
function bound(records: number, chars: number): number {
  return Math.max(Math.ceil(records / 1000), Math.ceil(chars / 32000));
}

async function setup(): Promise<void> {
  h = await startHarness();
  await h.provider.ensureZone!(zoneRef(ZONE));
}

function seedA(n: number, ip: string): void {
  const zone = h.server.state.zone([...h.server.state.zones.keys()][0]!)!;
  for (let i = 0; i < n; i++) h.server.state.put(zone, { name: `r${String(i).padStart(5, '0')}.${ZONE}`, type: 'A', ttl: 300, values: [ip] });
}

function seedTxt(n: number, text: (i: number) => string): void {
  const zone = h.server.state.zone([...h.server.state.zones.keys()][0]!)!;
  for (let i = 0; i < n; i++) h.server.state.put(zone, { name: `t${i}.${ZONE}`, type: 'TXT', ttl: 300, values: [r53Txt(text(i))] });
}

/** Route 53's TXT value for ASCII text: 255-character quoted strings joined by spaces. */
function r53Txt(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(`"${text.slice(i, i + 255)}"`);
  return parts.length ? parts.join(' ') : '""';
}

function desiredA(n: number, ip: string): DnsRecord[] {
  return Array.from({ length: n }, (_v, i) => rec(ZONE, `r${String(i).padStart(5, '0')}`, 'A', ip));
}

/** Checks what every push must satisfy besides the count. */
function checkPush(server: Route53Server, changes: readonly Change[], reported: readonly Change[][]): void {
  // Every change reported exactly once, in as many reports as requests were committed.
  expect(reported.flat()).toHaveLength(changes.length);
  expect(new Set(reported.flat())).toEqual(new Set(changes));
  expect(reported).toHaveLength(server.committed.length);
  // One record set's changes never span two requests.
  const batchOf = new Map<string, number>();
  server.committed.forEach((batch, i) => {
    for (const c of batch) {
      const key = `${c.rrset.name}|${c.rrset.type}`;
      expect(batchOf.get(key) ?? i).toBe(i);
      batchOf.set(key, i);
    }
  });
}

describe('ROUTE53 request counts equal the lower bound', () => {
  for (const n of [1, 999, 1000, 1001, 10_000]) {
    it(`${n} creations of one A record each: CREATE counts once, so ⌈${n}/1000⌉ requests`, async () => {
      await setup();
      const desired = manyA(ZONE, 'new', n);
      h.server.resetCounts();
      const { changes, ctx } = await push(h.provider, zoneRef(ZONE), desired);
      // Each needs one ResourceRecord element ("192.0.2.1": 9 characters).
      expect(h.server.count('ChangeResourceRecordSets')).toBe(bound(n, 9 * n));
      checkPush(h.server, changes, ctx.batches);
      expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
    });
  }

  for (const n of [1, 999, 1000, 1001, 10_000]) {
    it(`${n} updates of one A record each: two elements apiece either way, so ⌈${2 * n}/1000⌉ requests`, async () => {
      await setup();
      seedA(n, '192.0.2.1');
      h.server.resetCounts();
      const desired = desiredA(n, '192.0.2.2');
      const { changes, ctx } = await push(h.provider, zoneRef(ZONE), desired);
      // UPSERT counts its record twice; DELETE old + CREATE new is also two elements.
      expect(h.server.count('ChangeResourceRecordSets')).toBe(bound(2 * n, 18 * n));
      checkPush(h.server, changes, ctx.batches);
      expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
    });
  }

  for (const n of [1, 1000, 1001, 10_000]) {
    it(`${n} deletions: ⌈${n}/1000⌉ requests`, async () => {
      await setup();
      seedA(n, '192.0.2.1');
      h.server.resetCounts();
      const { changes, ctx } = await push(h.provider, zoneRef(ZONE), []);
      expect(h.server.count('ChangeResourceRecordSets')).toBe(bound(n, 9 * n));
      checkPush(h.server, changes, ctx.batches);
      expect(await pending(h.provider, zoneRef(ZONE), [])).toEqual([]);
    });
  }

  it('a mix of 3,000 A creations and 60 TXT creations of 2,000 characters: 5 requests, not the 7 a greedy fill makes', async () => {
    await setup();
    const big = (i: number): string => `${String(i).padStart(4, '0')}${'x'.repeat(1996)}`;
    const desired = [...manyA(ZONE, 'a', 3000), ...Array.from({ length: 60 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${big(i)}"`))];
    h.server.resetCounts();
    const { changes, ctx } = await push(h.provider, zoneRef(ZONE), desired);
    // A TXT of 2,000 characters is 8 quoted strings: 2,000 + 16 quotes + 7 spaces = 2,023 characters.
    const chars = 3000 * 9 + 60 * 2023;
    expect(bound(3060, chars)).toBe(5);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(5);
    checkPush(h.server, changes, ctx.batches);
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });

  it('large TXT updates plus deletions: UPSERT counts the 3,000-character values twice', async () => {
    await setup();
    seedTxt(40, (i) => `old${i}`.padEnd(3000, 'o'));
    seedA(500, '192.0.2.1');
    h.server.resetCounts();
    const desired = Array.from({ length: 40 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${`new${i}`.padEnd(3000, 'n')}"`));
    const { changes, ctx } = await push(h.provider, zoneRef(ZONE), desired);
    // 3,000 characters are 12 quoted strings: 3,000 + 24 quotes + 11 spaces = 3,035 characters.
    // Either way an update weighs 2 × 3,035 characters (UPSERT, or DELETE 3,035 + CREATE 3,035).
    const chars = 40 * 2 * 3035 + 500 * 9;
    expect(bound(40 * 2 + 500, chars)).toBe(8);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(8);
    checkPush(h.server, changes, ctx.batches);
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });

  it('short TXT values growing to 3,000 characters go as DELETE + CREATE, half the weight of an UPSERT', async () => {
    await setup();
    seedTxt(30, (i) => `s${String(i).padStart(7, '0')}`);
    h.server.resetCounts();
    const desired = Array.from({ length: 30 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${`g${i}`.padEnd(3000, 'g')}"`));
    const { changes, ctx } = await push(h.provider, zoneRef(ZONE), desired);
    // DELETE "s0000000" (10 characters) + CREATE (3,035) = 3,045 per change; an UPSERT would be 6,070.
    const chars = 30 * (10 + 3035);
    expect(bound(60, chars)).toBe(3);
    expect(bound(60, 30 * 6070)).toBe(6);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(3);
    checkPush(h.server, changes, ctx.batches);
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });

  it('a record set growing from 300 to 600 values, too big for an UPSERT (1,200), goes as DELETE + CREATE in one request', async () => {
    await setup();
    const zone = h.server.state.zone([...h.server.state.zones.keys()][0]!)!;
    h.server.state.put(zone, { name: `big.${ZONE}`, type: 'A', ttl: 300, values: Array.from({ length: 300 }, (_v, i) => `10.0.${i >> 8}.${i & 255}`) });
    h.server.resetCounts();
    const desired = Array.from({ length: 600 }, (_v, i) => rec(ZONE, 'big', 'A', `10.1.${i >> 8}.${i & 255}`));
    await push(h.provider, zoneRef(ZONE), desired);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(1);
    expect(h.server.committed[0]!.map((c) => c.action)).toEqual(['DELETE', 'CREATE']);
    expect(await pending(h.provider, zoneRef(ZONE), desired)).toEqual([]);
  });
});
