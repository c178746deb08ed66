/**
 * Packing operations into batch requests (pure): the request count is the lower bound ceil(N/limit),
 * the engine's dependency order holds across requests, and at one name Cloudflare's batch order
 * (deletes → patches → posts) is never undone by a cut between requests.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { lowerBound, packChunks, type Chunk } from '../../../providers/cloudflare/batch.js';
import { idLookup, planOps } from '../../../providers/cloudflare/plan.js';
import { diff, manyA, rec, zoneRef } from './support.js';
import { cloudflareProvider } from '../../../providers/cloudflare/index.js';

const ZONE = 'pack.example';
const z = zoneRef(ZONE);
const OPTS = { proxyDefault: 'off', manageComments: false, manageTags: false } as const;
const provider = cloudflareProvider.create(cloudflareProvider.parseSettings({ apitoken: 'x-token-for-tests', baseurl: 'http://127.0.0.1:9/client/v4' }, {}), { log: () => undefined, configDir: '.' });

let nextId = 0;
/** Existing records as getRecords returns them: prepared, with a Cloudflare id. */
function existing(rs: DnsRecord[]): DnsRecord[] {
  return provider.prepareDesired!(rs, z).map((r) => ({ ...r, native: { id: (++nextId).toString(16).padStart(32, '0') } }));
}

function plan(before: DnsRecord[], after: DnsRecord[], limit: number): { changes: readonly Change[]; chunks: Chunk[] } {
  const { changes } = diff(provider, z, before, after);
  return { changes, chunks: packChunks(planOps(changes, idLookup(before), OPTS), limit) };
}

/** The request each change landed in, in the engine's order. */
function chunkOf(changes: readonly Change[], chunks: Chunk[]): number[] {
  const at = new Map<Change, number>();
  chunks.forEach((c, i) => c.changes.forEach((ch) => at.set(ch, i)));
  return changes.map((c) => at.get(c)!);
}

function label(c: Change): string {
  const d = c.details[0]!;
  return `${d.kind} ${c.name.replace(`.${ZONE}`, '')} ${c.type}`;
}

describe('CLOUDFLAREAPI batch packing', () => {
  it.each([1, 199, 200, 201, 10_000])('%i creations take ceil(N/200) requests', (n) => {
    const { changes, chunks } = plan([], manyA(ZONE, 'r', n), 200);
    expect(changes).toHaveLength(n);
    expect(chunks).toHaveLength(lowerBound(n, 200));
    expect(chunks.every((c) => c.ops.length <= 200 && c.body.posts.length === c.ops.length)).toBe(true);
    const order = chunkOf(changes, chunks);
    expect(order.every((k, i) => i === 0 || k >= order[i - 1]!)).toBe(true);
    expect(new Set(chunks.flatMap((c) => c.changes)).size).toBe(n);
  });

  it('packs 10,000 mixed deletions, updates and creations into ceil(N/limit) requests at 200 and at 3,500', () => {
    const before = existing(manyA(ZONE, 'r', 7500, '192.0.2.1'));
    const after = [...manyA(ZONE, 'r', 7500, '192.0.2.2').slice(2500, 5000), ...manyA(ZONE, 'r', 7500, '192.0.2.1', 600).slice(5000), ...manyA(ZONE, 'n', 5000, '192.0.2.3')];
    for (const limit of [200, 3500]) {
      const { changes, chunks } = plan(before, after, limit);
      expect(changes).toHaveLength(12_500);
      expect(chunks).toHaveLength(lowerBound(12_500, limit));
      const kinds = chunks.flatMap((c) => [c.body.deletes.length, c.body.patches.length, c.body.posts.length]).reduce((a, b) => a + b, 0);
      expect(kinds).toBe(12_500);
    }
  });

  it('keeps the dependency order across requests: a target is created before what points at it', () => {
    const after = [rec(ZONE, 'zz-target', 'A', '192.0.2.1'), rec(ZONE, 'aa-alias', 'CNAME', 'zz-target'), rec(ZONE, 'mm', 'MX', '10 zz-target'), rec(ZONE, 'bb', 'A', '192.0.2.9')];
    const { changes, chunks } = plan([], after, 1);
    expect(chunks).toHaveLength(4);
    const sent = chunks.map((c) => label(c.changes[0]!));
    expect(sent.indexOf('create zz-target A')).toBeLessThan(sent.indexOf('create aa-alias CNAME'));
    expect(sent.indexOf('create zz-target A')).toBeLessThan(sent.indexOf('create mm MX'));
    expect(chunkOf(changes, chunks)).toEqual([0, 1, 2, 3]);
  });

  it('keeps the dependency order when removing: what points at a target goes before the target', () => {
    const before = existing([rec(ZONE, 'aa-alias', 'CNAME', 'zz-target'), rec(ZONE, 'zz-target', 'A', '192.0.2.1')]);
    const { chunks } = plan(before, [], 1);
    expect(chunks.map((c) => label(c.changes[0]!))).toEqual(['delete aa-alias CNAME', 'delete zz-target A']);
  });

  it('can cut between a CNAME deletion and the A record replacing it (the engine orders them as the batch would)', () => {
    const before = existing([rec(ZONE, 'a0', 'A', '192.0.2.1'), rec(ZONE, 'www', 'CNAME', 'elsewhere.example.net.')]);
    const { changes, chunks } = plan(before, [rec(ZONE, 'a0', 'A', '192.0.2.2'), rec(ZONE, 'www', 'A', '192.0.2.7')], 2);
    expect(changes.map(label)).toEqual(['update a0 A', 'delete www CNAME', 'create www A']);
    expect(chunks.map((c) => c.changes.map(label))).toEqual([['update a0 A', 'delete www CNAME'], ['create www A']]);
  });

  it('keeps a name whose changes the engine lists out of batch order in one request', () => {
    // Pairing 192.0.2.1 → "192.0.2.2 proxied" before deleting the unproxied 192.0.2.2: run in the
    // engine's order across two requests, the first would hold two identical records.
    const before = existing([rec(ZONE, 'a0', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2')]);
    const after = [rec(ZONE, 'a0', 'A', '192.0.2.9'), rec(ZONE, 'www', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'on' })];
    const { changes, chunks } = plan(before, after, 2);
    expect(changes.map(label)).toEqual(['update a0 A', 'update www A', 'delete www A']);
    expect(chunks.map((c) => c.changes.map(label))).toEqual([['update a0 A'], ['update www A', 'delete www A']]);
    expect(chunks[1]!.ops.map((o) => o.kind)).toEqual(['delete', 'patch']);
    // Larger than a request: put in batch order (the deletion first), then cut.
    const one = plan(before, after, 1).chunks;
    expect(one.map((c) => c.ops[0]!.kind)).toEqual(['patch', 'delete', 'patch']);
    expect(one.map((c) => c.changes[0]!.name)).toEqual([`a0.${ZONE}`, `www.${ZONE}`, `www.${ZONE}`]);
  });

  it('orders patches so that one freeing a value goes before the one taking it', () => {
    const before = existing([rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2')]);
    const after = [rec(ZONE, 'www', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'on' }), rec(ZONE, 'www', 'A', '192.0.2.3')];
    const { changes, chunks } = plan(before, after, 2);
    const content = (c: Change): string => (c.details[0]!.kind === 'update' ? `${(c.details[0] as { before: DnsRecord }).before.rdata}→${(c.details[0] as { after: DnsRecord }).after.rdata}` : '');
    expect(changes.map(content)).toEqual(['192.0.2.1→192.0.2.2', '192.0.2.2→192.0.2.3']);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.body.patches.map((p) => p['content'])).toEqual(['192.0.2.3', '192.0.2.2']);
    const split = plan(before, after, 1).chunks;
    expect(split.map((c) => c.body.patches[0]!['content'])).toEqual(['192.0.2.3', '192.0.2.2']);
  });

  it('sends an NS before the DS that needs it, and removes the DS before its NS', () => {
    const ds = rec(ZONE, 'child', 'DS', `12345 13 2 ${'ab'.repeat(32)}`);
    const ns = rec(ZONE, 'child', 'NS', 'ns1.example.net.');
    const create = plan([], [ds, ns], 1).chunks;
    expect(create.map((c) => c.changes.map(label))).toEqual([['create child NS'], ['create child DS']]);
    expect(plan([], [ds, ns], 200).chunks[0]!.body.posts.map((p) => p['type'])).toEqual(['NS', 'DS']);
    const before = existing([ds, ns]);
    expect(plan(before, [], 1).chunks.map((c) => c.changes.map(label))).toEqual([['delete child DS'], ['delete child NS']]);
    expect(plan(before, [], 200).chunks[0]!.body.deletes).toHaveLength(2);
    expect(plan(before, [], 200).chunks[0]!.ops.map((o) => o.type)).toEqual(['DS', 'NS']);
  });

  it('refuses a change to a record it has no id for, naming the record', () => {
    const before = provider.prepareDesired!([rec(ZONE, 'gone', 'A', '192.0.2.1')], z);
    const { changes } = diff(provider, z, before, []);
    expect(() => planOps(changes, idLookup([]), OPTS)).toThrow(/gone\.pack\.example A 192\.0\.2\.1: no such record/);
  });

  it('finds ids by name, type and rdata when the plan was read back without them', () => {
    const before = existing([rec(ZONE, 'x', 'TXT', '"one"'), rec(ZONE, 'x', 'TXT', '"two"')]);
    const bare = before.map(({ native: _n, ...r }) => r);
    const { changes } = diff(provider, z, bare, [rec(ZONE, 'x', 'TXT', '"two"')]);
    const ops = planOps(changes, idLookup(before), OPTS);
    expect(ops.map((o) => o.body['id'])).toEqual([(before[0]!.native as { id: string }).id]);
  });
});
