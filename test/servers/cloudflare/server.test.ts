/**
 * The local Cloudflare server, driven by the official SDK and by plain fetch: the v4 envelope,
 * pagination, the batch transaction and its order, the per-batch limit, the record rules, auth,
 * and injected throttling and server errors.
 */
import Cloudflare, { APIError } from 'cloudflare';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudflareServer } from './server.js';
import type { StoredZone } from './state.js';

let s: CloudflareServer;
let cf: Cloudflare;
let zone: StoredZone;
const ZONE = 'server.example';

async function refused(p: Promise<unknown>): Promise<APIError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(APIError);
    return e as APIError;
  }
  throw new Error('expected the request to be refused');
}

function names(): string[] {
  return s.records(zone).map((r) => `${String(r['name'])} ${String(r['type'])} ${String(r['content'])}`).sort();
}

beforeAll(async () => {
  s = await CloudflareServer.start({ batchLimit: 5, recordPageLimit: 3, apiKey: { email: 'ops@example.com', key: 'legacy-key' } });
  cf = new Cloudflare({ apiToken: 'test-token', apiKey: null, apiEmail: null, baseURL: s.baseURL, maxRetries: 0, logLevel: 'off' });
});
afterAll(async () => {
  await s.stop();
});
beforeEach(() => {
  zone = s.seedZone(`${s.state.zones.size}.${ZONE}`);
  s.faults.clear();
  s.resetCounts();
});

describe('local Cloudflare server', () => {
  it('answers in the v4 envelope with result_info on lists', async () => {
    const res = await fetch(`${s.baseURL}/zones?per_page=5`, { headers: { authorization: 'Bearer test-token' } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['errors', 'messages', 'result', 'result_info', 'success']);
    expect(body['success']).toBe(true);
    expect(body['result_info']).toMatchObject({ page: 1, per_page: 5 });
    const bad = await fetch(`${s.baseURL}/zones/nope/dns_records`, { headers: { authorization: 'Bearer test-token' } });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ success: false, errors: [{ code: 7003, message: 'Could not route to /zones/nope, perhaps your object identifier is invalid?' }], messages: [], result: null });
  });

  it('pages DNS records with page/per_page and result_info totals', async () => {
    await cf.dns.records.batch({ zone_id: zone.id, posts: [1, 2, 3, 4, 5].map((i) => ({ name: `r${i}.${zone.name}`, type: 'A' as const, content: `192.0.2.${i}`, ttl: 1 })) });
    const p2 = await cf.dns.records.list({ zone_id: zone.id, page: 2, per_page: 100 });
    expect(p2.result.map((r) => r.name)).toEqual([`r4.${zone.name}`, `r5.${zone.name}`]);
    expect(p2.result_info).toEqual({ page: 2, per_page: 3, count: 2, total_count: 5, total_pages: 2 });
    const exact = await cf.dns.records.list({ zone_id: zone.id, name: { exact: `r2.${zone.name}` }, type: 'A' });
    expect(exact.result.map((r) => r.content)).toEqual(['192.0.2.2']);
  });

  it('runs a batch as deletes, patches, puts, posts: a CNAME can replace an A in one request', async () => {
    const [a] = (await cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `www.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 }] })).posts!;
    // Listed first, the post would clash with the A; the batch order deletes the A before.
    const out = await cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `www.${zone.name}`, type: 'CNAME', content: 'x.example.net', ttl: 1 }], deletes: [{ id: a!.id }] });
    expect(out.deletes!.map((r) => r.id)).toEqual([a!.id]);
    expect(names()).toEqual([`www.${zone.name} CNAME x.example.net`]);
    const e = await refused(cf.dns.records.create({ zone_id: zone.id, name: `www.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 }));
    expect(e.status).toBe(400);
    expect(e.errors[0]).toMatchObject({ code: 81053 });
  });

  it('applies nothing when any operation fails, and points at the first failing one', async () => {
    await cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `keep.${zone.name}`, type: 'TXT', content: '"keep"', ttl: 1 }] });
    const before = names();
    const e = await refused(cf.dns.records.batch({
      zone_id: zone.id,
      posts: [
        { name: `new.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 },
        { name: `bad.${zone.name}`, type: 'A', content: '300.1.1.1', ttl: 1 },
        { name: `keep.${zone.name}`, type: 'TXT', content: '"keep"', ttl: 1 },
      ],
      deletes: [{ id: s.records(zone)[0]!['id'] as string }],
    }));
    expect(e.errors).toEqual([{ code: 9005, message: 'Content for A record must be a valid IPv4 address.', source: { pointer: '/posts/1' } }]);
    expect(names()).toEqual(before);
    expect(s.committed).toEqual([1]);
  });

  it('refuses a batch over the plan limit before running any of it', async () => {
    const posts = [1, 2, 3, 4, 5, 6].map((i) => ({ name: `r${i}.${zone.name}`, type: 'A' as const, content: `192.0.2.${i}`, ttl: 1 }));
    const e = await refused(cf.dns.records.batch({ zone_id: zone.id, posts }));
    expect(e.status).toBe(400);
    expect(e.errors[0]!.message).toContain('at most 5');
    expect(names()).toEqual([]);
    await cf.dns.records.batch({ zone_id: zone.id, posts: posts.slice(0, 5) });
    expect(s.committed).toEqual([5]);
  });

  it('enforces Cloudflare\'s record rules', async () => {
    const post = (r: Record<string, unknown>) => cf.dns.records.batch({ zone_id: zone.id, posts: [{ ttl: 1, ...r } as never] });
    await post({ name: `a.${zone.name}`, type: 'A', content: '192.0.2.1' });
    expect((await refused(post({ name: `a.${zone.name}`, type: 'A', content: '192.0.2.1' }))).errors[0]).toMatchObject({ code: 81058, message: 'An identical record already exists.' });
    await post({ name: `c.${zone.name}`, type: 'CNAME', content: 'x.example.net' });
    expect((await refused(post({ name: `c.${zone.name}`, type: 'TXT', content: '"t"' }))).errors[0]!.message).toContain('CNAME');
    await post({ name: `p.${zone.name}`, type: 'CNAME', content: 'x.example.net', proxied: true });
    await post({ name: `p.${zone.name}`, type: 'TXT', content: '"allowed beside a proxied CNAME"' });
    await post({ name: `d.${zone.name}`, type: 'NS', content: 'ns1.example.net' });
    expect((await refused(post({ name: `d.${zone.name}`, type: 'A', content: '192.0.2.1' }))).errors[0]!.message).toContain('NS records cannot exist');
    expect((await refused(post({ name: `e.${zone.name}`, type: 'DS', data: { key_tag: 1, algorithm: 13, digest_type: 2, digest: 'ab'.repeat(32) } }))).errors[0]!.message).toContain('need NS');
    await post({ name: `d.${zone.name}`, type: 'DS', data: { key_tag: 1, algorithm: 13, digest_type: 2, digest: 'ab'.repeat(32) } });
    const ns = s.records(zone).find((r) => r['type'] === 'NS')!;
    expect((await refused(cf.dns.records.batch({ zone_id: zone.id, deletes: [{ id: ns['id'] as string }] }))).errors[0]!.message).toContain('need NS');
    expect((await refused(post({ name: `t.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 30 }))).errors[0]).toMatchObject({ code: 9021 });
    expect((await refused(post({ name: `t.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 300, proxied: true }))).errors[0]).toMatchObject({ code: 9021 });
    expect((await refused(post({ name: `t.${zone.name}`, type: 'MX', content: 'mx.example.net', priority: 1, proxied: true }))).errors[0]!.message).toContain('cannot be proxied');
    expect((await refused(post({ name: `t.${zone.name}`, type: 'TXT', content: 'unquoted' }))).errors[0]!.message).toContain('quoted');
    expect((await refused(post({ name: `t.${zone.name}`, type: 'TXT', content: '"x"', comment: 'c'.repeat(101) }))).errors[0]!.message).toContain('comment');
    expect((await refused(post({ name: `t.${zone.name}`, type: 'TXT', content: '"x"', tags: ['bad tag'] }))).errors[0]!.message).toContain('tags');
  });

  it('splits TXT strings over 255 octets and keeps a PATCH\'s unnamed fields, while PUT resets them', async () => {
    const [r] = (await cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `t.${zone.name}`, type: 'TXT', content: `"${'a'.repeat(300)}"`, ttl: 600, comment: 'keep me', tags: ['team:dns'] }] })).posts!;
    expect(r!.content).toBe(`"${'a'.repeat(255)}" "${'a'.repeat(45)}"`);
    const [patched] = (await cf.dns.records.batch({ zone_id: zone.id, patches: [{ id: r!.id, ttl: 900 } as never] })).patches!;
    expect(patched).toMatchObject({ ttl: 900, comment: 'keep me', tags: ['team:dns'] });
    const [put] = (await cf.dns.records.batch({ zone_id: zone.id, puts: [{ id: r!.id, name: `t.${zone.name}`, type: 'TXT', content: '"b"', ttl: 1 }] })).puts!;
    expect(put).toMatchObject({ ttl: 1, comment: null, tags: [] });
  });

  it('checks credentials: the token, or the legacy e-mail and key', async () => {
    const wrong = new Cloudflare({ apiToken: 'nope', apiKey: null, apiEmail: null, baseURL: s.baseURL, maxRetries: 0, logLevel: 'off' });
    const e = await refused(wrong.zones.list());
    expect(e.status).toBe(401);
    expect(e.errors[0]).toMatchObject({ code: 10000, message: 'Authentication error' });
    const legacy = new Cloudflare({ apiToken: null, apiKey: 'legacy-key', apiEmail: 'ops@example.com', baseURL: s.baseURL, maxRetries: 0, logLevel: 'off' });
    expect((await legacy.zones.list({ per_page: 50 })).result.length).toBeGreaterThan(0);
    expect([...s.authSeen].sort()).toEqual(['key', 'token']);
  });

  it('injects 429 with retry-after, and 5xx before or after doing the work', async () => {
    s.faults.throttle('records.batch', 1, 1, '9');
    const t = await refused(cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `a.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 }] }));
    expect(t.status).toBe(429);
    expect(t.headers?.get('retry-after')).toBe('9');
    expect(t.errors[0]).toMatchObject({ code: 971 });
    s.faults.failNth('records.batch', 1, 503);
    expect((await refused(cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `a.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 }] }))).status).toBe(503);
    expect(names()).toEqual([]);
    s.faults.failAfterWork('records.batch', 1, 502);
    expect((await refused(cf.dns.records.batch({ zone_id: zone.id, posts: [{ name: `a.${zone.name}`, type: 'A', content: '192.0.2.1', ttl: 1 }] }))).status).toBe(502);
    expect(names()).toEqual([`a.${zone.name} A 192.0.2.1`]);
    expect(s.requests.map((r) => r.status)).toEqual([429, 503, 502]);
  });
});
