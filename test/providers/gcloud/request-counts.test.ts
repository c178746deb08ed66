/**
 * The number of changes.create requests equals the lower bound Cloud DNS's limits allow: 1,000
 * additions, 1,000 deletions and 100,000 bytes of rrdata per Change. The bound is computed from what
 * the server received (the sets added and deleted, which the diff fixes whatever the packing), not
 * from the provider's own arithmetic.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { rrdataBytes } from '../../servers/gcloud/change.js';
import { boundFromServer, manyA, pending, push, rec, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'counts.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function setup(): Promise<void> {
  // 10,000 new sets beside the SOA and NS exceed Cloud DNS's default 10,000 per zone; Google
  // raises that limit on request, and the server plays such a project.
  h = await startHarness({ server: { rrsetsPerZone: 20_000 } });
  await h.provider.ensureZone!(z);
}

function zone() {
  return h.server.state.byDnsName(ZONE)!;
}

function seedA(n: number, ip: string, prefix = 'r'): void {
  for (let i = 0; i < n; i++) h.server.state.put(zone(), { name: `${prefix}${String(i).padStart(5, '0')}.${ZONE}.`, type: 'A', ttl: 300, rrdatas: [ip] });
}

/** Cloud DNS's TXT rrdata for ASCII text: 255-character quoted strings joined by spaces. */
function gTxt(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(`"${text.slice(i, i + 255)}"`);
  return parts.join(' ');
}

function seedTxt(n: number, text: (i: number) => string): void {
  for (let i = 0; i < n; i++) h.server.state.put(zone(), { name: `t${i}.${ZONE}.`, type: 'TXT', ttl: 300, rrdatas: [gTxt(text(i))] });
}

/** Changes a fill in list order would use (a new Change whenever the next set does not fit). */
function inOrderFill(sizes: readonly number[]): number {
  let changes = 1;
  let count = 0;
  let bytes = 0;
  for (const b of sizes) {
    if (count + 1 > 1000 || bytes + b > 100_000) {
      changes++;
      count = 0;
      bytes = 0;
    }
    count++;
    bytes += b;
  }
  return changes;
}

/** What every push must satisfy besides the count. */
function checkPush(changes: readonly Change[], reported: readonly Change[][]): void {
  // Every change reported exactly once, one report per committed Change.
  expect(reported.flat()).toHaveLength(changes.length);
  expect(new Set(reported.flat())).toEqual(new Set(changes));
  expect(reported).toHaveLength(h.server.committed.length);
  // One record set's deletion and addition never span two Changes; no Change is over a limit.
  const changeOf = new Map<string, number>();
  h.server.committed.forEach((c, i) => {
    expect(c.additions.length).toBeLessThanOrEqual(1000);
    expect(c.deletions.length).toBeLessThanOrEqual(1000);
    expect([...c.additions, ...c.deletions].reduce((n, r) => n + rrdataBytes(r), 0)).toBeLessThanOrEqual(100_000);
    for (const r of [...c.additions, ...c.deletions]) {
      const key = `${r.name}|${r.type}`;
      expect(changeOf.get(key) ?? i).toBe(i);
      changeOf.set(key, i);
    }
  });
}

async function run(desired: DnsRecord[], expected: number): Promise<void> {
  h.server.resetCounts();
  const { changes, ctx } = await push(h.provider, z, desired);
  expect(boundFromServer(h.server)).toBe(expected);
  expect(h.server.count('changes.create')).toBe(expected);
  checkPush(changes, ctx.batches);
  expect(await pending(h.provider, z, desired)).toEqual([]);
}

describe('GCLOUD request counts equal the lower bound', () => {
  for (const n of [1, 999, 1000, 1001, 10_000]) {
    it(`${n} creations of one A record each: ⌈${n}/1000⌉ Changes`, async () => {
      await setup();
      // Each is one addition of 9 bytes ("192.0.2.1"): additions decide.
      await run(manyA(ZONE, 'new', n), Math.ceil(n / 1000));
    });
  }

  for (const n of [1, 999, 1000, 1001, 10_000]) {
    it(`${n} updates of one A record each: a deletion and an addition apiece, ⌈${n}/1000⌉ Changes`, async () => {
      await setup();
      seedA(n, '192.0.2.1');
      await run(manyA(ZONE, 'r', n, '192.0.2.2'), Math.ceil(n / 1000));
    });
  }

  for (const n of [1, 1000, 1001, 10_000]) {
    it(`${n} deletions: ⌈${n}/1000⌉ Changes`, async () => {
      await setup();
      seedA(n, '192.0.2.1');
      await run([], Math.ceil(n / 1000));
    });
  }

  it('2,000 deletions, 500 updates and 1,000 creations: deletions decide (3 Changes)', async () => {
    await setup();
    seedA(2500, '192.0.2.1');
    const desired = [...manyA(ZONE, 'r', 2500, '192.0.2.2').slice(2000), ...manyA(ZONE, 'n', 1000)];
    // 2,500 deletions and 1,500 additions.
    await run(desired, 3);
  });

  it('400 TXT records of 1,500 characters among 600 A records: bytes decide (7 Changes)', async () => {
    await setup();
    const big = (i: number): string => `${String(i).padStart(4, '0')}${'x'.repeat(1496)}`;
    const desired = [...manyA(ZONE, 'a', 600), ...Array.from({ length: 400 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${big(i)}"`))];
    // A TXT of 1,500 characters is 6 quoted strings: 1,500 + 12 quotes + 5 spaces = 1,517 bytes.
    expect(Math.ceil((400 * 1517 + 600 * 9) / 100_000)).toBe(7);
    await run(desired, 7);
  });

  it('1,500 A records and 60 TXT records of 2,000 characters: 2 Changes, where filling Changes in order takes 3', async () => {
    await setup();
    const desired = [...manyA(ZONE, 'a', 1500), ...Array.from({ length: 60 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${String(i).padStart(4, '0')}${'x'.repeat(1996)}"`))];
    // A TXT of 2,000 characters is 8 quoted strings: 2,000 + 16 quotes + 7 spaces = 2,023 bytes.
    const sizes = [...Array(1500).fill(9), ...Array(60).fill(2023)] as number[];
    expect(Math.max(Math.ceil(1560 / 1000), Math.ceil((1500 * 9 + 60 * 2023) / 100_000))).toBe(2);
    expect(inOrderFill(sizes)).toBe(3);
    await run(desired, 2);
  });

  it('large TXT updates count their old and new data: 40 updates of 3,000 characters plus 500 deletions (3 Changes)', async () => {
    await setup();
    seedTxt(40, (i) => `old${i}`.padEnd(3000, 'o'));
    seedA(500, '192.0.2.1');
    const desired = Array.from({ length: 40 }, (_v, i) => rec(ZONE, `t${i}`, 'TXT', `"${`new${i}`.padEnd(3000, 'n')}"`));
    // 3,000 characters are 12 quoted strings: 3,000 + 24 quotes + 11 spaces = 3,035 bytes, old and new.
    expect(Math.ceil((40 * 2 * 3035 + 500 * 9) / 100_000)).toBe(3);
    await run(desired, 3);
  });

  it('a CNAME replaced by A records at the same name goes in one Change', async () => {
    await setup();
    h.server.state.put(zone(), { name: `swap.${ZONE}.`, type: 'CNAME', ttl: 300, rrdatas: ['target.example.net.'] });
    await run([rec(ZONE, 'swap', 'A', '192.0.2.7'), rec(ZONE, 'swap', 'A', '192.0.2.8')], 1);
    expect(h.server.committed[0]!.deletions.map((r) => r.type)).toEqual(['CNAME']);
    expect(h.server.committed[0]!.additions.map((r) => r.type)).toEqual(['A']);
  });

  it('random mixes of sizes and kinds: always the lower bound', async () => {
    await setup();
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 12; round++) {
      const desired: DnsRecord[] = [];
      const nA = Math.floor(rand() * 2500);
      const nT = Math.floor(rand() * 150);
      for (let i = 0; i < nA; i++) desired.push(rec(ZONE, `a${round}-${i}`, 'A', `10.${round}.${i >> 8}.${i & 255}`));
      for (let i = 0; i < nT; i++) desired.push(rec(ZONE, `t${round}-${i}`, 'TXT', `"${`${round}-${i}-`.padEnd(100 + Math.floor(rand() * 3900), 'q')}"`));
      h.server.resetCounts();
      const { changes, ctx } = await push(h.provider, z, desired);
      expect(h.server.count('changes.create'), `round ${round}: ${nA} A, ${nT} TXT`).toBe(boundFromServer(h.server));
      checkPush(changes, ctx.batches);
    }
  });
});
