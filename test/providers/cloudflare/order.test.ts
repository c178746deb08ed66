/**
 * Order across batch requests, against the local server (which checks every operation against the
 * state the earlier ones left): with one operation per request every cut is exercised, and each
 * reconcile must still be accepted and converge.
 */
import Cloudflare, { APIError } from 'cloudflare';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/types.js';
import type { DnsRecord } from '../../../src/records/types.js';
import { pending, push, rec, startHarness, TEST_TOKEN, zoneRef, type Harness } from './support.js';

const ZONE = 'order.example';
const z = zoneRef(ZONE);
const HEX64 = 'ab'.repeat(32);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function start(limit = '1') {
  h = await startHarness({ creds: { batch_limit: limit } });
  return h.server.seedZone(ZONE);
}

function label(c: Change): string {
  return `${c.details[0]!.kind} ${c.name.replace(`.${ZONE}`, '').replace(ZONE, '@')} ${c.type}`;
}

async function reconcile(steps: DnsRecord[][]): Promise<string[][]> {
  const sent: string[][] = [];
  for (const desired of steps) {
    const out = await push(h.provider, z, desired);
    expect(out.error).toBeUndefined();
    sent.push(out.ctx.batches.map((b) => b.map(label).join(' + ')));
    expect(await pending(h.provider, z, desired)).toEqual([]);
  }
  return sent;
}

describe('CLOUDFLAREAPI order across batches', () => {
  it('swaps an A for a CNAME and back, one operation per request', async () => {
    await start();
    const sent = await reconcile([
      [rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2')],
      [rec(ZONE, 'www', 'CNAME', 'edge.example.net.')],
      [rec(ZONE, 'www', 'A', '192.0.2.3')],
    ]);
    expect(sent[1]).toEqual(['delete www A', 'delete www A', 'create www CNAME']);
    expect(sent[2]).toEqual(['delete www CNAME', 'create www A']);
  });

  it('deletes before patching when the patch takes the deleted record\'s value (the server refuses the other order)', async () => {
    const zone = await start();
    await reconcile([[rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2')]]);
    // What the engine lists first, sent alone, is refused: it would make two identical records.
    const one = h.server.records(zone).find((r) => r['content'] === '192.0.2.1')!;
    const cf = new Cloudflare({ apiToken: TEST_TOKEN, apiKey: null, apiEmail: null, baseURL: h.server.baseURL, maxRetries: 0, logLevel: 'off' });
    const refused = await cf.dns.records.batch({ zone_id: zone.id, patches: [{ id: one['id'] as string, name: `www.${ZONE}`, type: 'A', content: '192.0.2.2', ttl: 1, proxied: true }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).errors[0]).toMatchObject({ code: 81058 });
    const sent = await reconcile([[rec(ZONE, 'www', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'on' })]]);
    expect(sent[0]).toEqual(['delete www A', 'update www A']);
  });

  it('patches the record freeing a value before the one taking it', async () => {
    await start();
    await reconcile([[rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2')]]);
    const sent = await reconcile([[rec(ZONE, 'www', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'on' }), rec(ZONE, 'www', 'A', '192.0.2.3')]]);
    expect(sent[0]).toHaveLength(2);
  });

  it('creates a delegation\'s NS before its DS and removes the DS first', async () => {
    await start();
    const ns = rec(ZONE, 'child', 'NS', 'ns1.example.net.');
    const ds = rec(ZONE, 'child', 'DS', `12345 13 2 ${HEX64}`);
    const sent = await reconcile([[ns, ds], [rec(ZONE, 'child', 'NS', 'ns2.example.net.'), rec(ZONE, 'child', 'DS', `54321 13 2 ${HEX64}`)], []]);
    expect(sent[0]).toEqual(['create child NS', 'create child DS']);
    expect(sent[2]).toEqual(['delete child DS', 'delete child NS']);
  });

  it('creates in-zone targets in an earlier request than what points at them, and removes them later', async () => {
    await start();
    const desired = [rec(ZONE, 'aa', 'CNAME', 'zz'), rec(ZONE, 'mx', 'MX', '10 zz'), rec(ZONE, '_s._tcp', 'SRV', '1 1 1 zz'), rec(ZONE, 'zz', 'A', '192.0.2.1')];
    const sent = await reconcile([desired, []]);
    expect(sent[0]![0]).toBe('create zz A');
    expect(sent[1]!.at(-1)).toBe('delete zz A');
  });

  it('with two operations per request, still converges through every step of a busy zone', async () => {
    await start('2');
    await reconcile([
      [rec(ZONE, 'www', 'A', '192.0.2.1'), rec(ZONE, 'www', 'A', '192.0.2.2'), rec(ZONE, 'x', 'CNAME', 'www'), rec(ZONE, 'child', 'NS', 'ns1.example.net.'), rec(ZONE, 'child', 'DS', `1 13 2 ${HEX64}`)],
      [rec(ZONE, 'www', 'A', '192.0.2.2', 300, { cloudflare_proxy: 'on' }), rec(ZONE, 'x', 'A', '192.0.2.5'), rec(ZONE, 'child', 'NS', 'ns1.example.net.')],
      [rec(ZONE, 'www', 'CNAME', 'x'), rec(ZONE, 'x', 'A', '192.0.2.5', 600)],
      [],
    ]);
  });
});
