/**
 * The local Cloud DNS server's own semantics, checked with plain HTTPS requests and a JWT this test
 * signs itself (independent of the SDK and of the provider): sign-in, bearer checks, atomic
 * Changes, exact deletions, conflicts, limits, paging and change status.
 */
import { sign } from 'node:crypto';
import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GcloudServer } from './server.js';
import type { StoredZone } from './state.js';
import { testTls } from './tls.js';

let s: GcloudServer;
let zone: StoredZone;
let token: string;

function call(method: string, path: string, body?: unknown, auth = token): Promise<{ status: number; json: any }> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const [host, port] = s.endpoint.split(':') as [string, string];
    const req = request(
      { host, port: Number(port), method, path, ca: testTls().caPem, headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(payload ? { 'content-type': path === '/token' ? 'application/x-www-form-urlencoded' : 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function assertion(email: string, key: string, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'RS256', typ: 'JWT' });
  const body = enc({ iss: email, scope: 'https://www.googleapis.com/auth/ndev.clouddns.readwrite', aud: 'https://oauth2.googleapis.com/token', iat: now, exp: now + 3600, ...claims });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}

async function getToken(email = s.account.email, key = s.account.privateKeyPem, claims: Record<string, unknown> = {}): Promise<{ status: number; json: any }> {
  const form = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: assertion(email, key, claims) });
  return call('POST', '/token', form.toString(), '');
}

const base = (): string => `/dns/v1/projects/${s.project}/managedZones`;
const changes = (): string => `${base()}/${zone.name}/changes`;
const rr = (name: string, type: string, rrdatas: string[], ttl = 300) => ({ name: `${name}.srv.example.`, type, ttl, rrdatas });

beforeEach(async () => {
  s = await GcloudServer.start();
  zone = s.seedZone('srv.example');
  token = (await getToken()).json.access_token;
});
afterEach(async () => {
  await s.stop();
});

describe('local Cloud DNS server: sign-in', () => {
  it('issues a token for a correctly signed assertion and refuses bad ones', async () => {
    expect(token).toMatch(/^ya29\./);
    const other = s.addAccount('other@zonesmith-test.iam.gserviceaccount.com');
    expect((await getToken(s.account.email, other.privateKeyPem)).json).toEqual({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    expect((await getToken('nobody@x.iam.gserviceaccount.com', other.privateKeyPem)).json.error_description).toContain('account not found');
    expect((await getToken(undefined, undefined, { exp: Math.floor(Date.now() / 1000) - 10 })).status).toBe(400);
    expect((await getToken(undefined, undefined, { scope: 'https://www.googleapis.com/auth/devstorage.read_only' })).json.error).toBe('invalid_scope');
  });

  it('answers 401 without a valid bearer token, in Google error JSON', async () => {
    const res = await call('GET', base(), undefined, 'ya29.forged');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe(401);
    expect(res.json.error.status).toBe('UNAUTHENTICATED');
    expect(res.json.error.errors[0].reason).toBe('authError');
    expect((await call('GET', base(), undefined, '')).status).toBe(401);
  });
});

describe('local Cloud DNS server: Changes', () => {
  it('applies deletions before additions, atomically (a CNAME replaced by an A at one name)', async () => {
    s.state.put(zone, rr('x', 'CNAME', ['t.example.net.']));
    const res = await call('POST', changes(), { deletions: [rr('x', 'CNAME', ['t.example.net.'])], additions: [rr('x', 'A', ['192.0.2.1'])] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ kind: 'dns#change', id: '1', status: 'pending' });
    expect([...zone.rrsets.values()].filter((r) => r.name === 'x.srv.example.').map((r) => r.type)).toEqual(['A']);
    const got = await call('GET', `${changes()}/1`);
    expect(got.json.status).toBe('done');
  });

  it('rejects a whole Change when one deletion does not match exactly (412), changing nothing', async () => {
    s.state.put(zone, rr('a', 'A', ['192.0.2.1', '192.0.2.2']));
    const before = new Map(zone.rrsets);
    for (const wrong of [rr('a', 'A', ['192.0.2.1']), rr('a', 'A', ['192.0.2.1', '192.0.2.2'], 60)]) {
      const res = await call('POST', changes(), { additions: [rr('new', 'A', ['192.0.2.9'])], deletions: [wrong] });
      expect(res.status).toBe(412);
      expect(res.json.error.errors[0].reason).toBe('conditionNotMet');
    }
    expect(zone.rrsets).toEqual(before);
    // rrdatas in another order still match.
    expect((await call('POST', changes(), { deletions: [rr('a', 'A', ['192.0.2.2', '192.0.2.1'])] })).status).toBe(200);
  });

  it('answers 404 for deleting what is not there and 409 for adding what is', async () => {
    s.state.put(zone, rr('b', 'A', ['192.0.2.1']));
    const missing = await call('POST', changes(), { deletions: [rr('nope', 'A', ['192.0.2.1'])] });
    expect(missing.status).toBe(404);
    expect(missing.json.error.errors[0].reason).toBe('notFound');
    const exists = await call('POST', changes(), { additions: [rr('ok', 'A', ['192.0.2.5']), rr('b', 'A', ['192.0.2.2'])] });
    expect(exists.status).toBe(409);
    expect(exists.json.error.message).toBe("The resource 'entity.change.additions[1]' named 'b.srv.example. (A)' already exists");
    expect([...zone.rrsets.values()].some((r) => r.name === 'ok.srv.example.')).toBe(false);
  });

  it('enforces the per-Change limits with 413 quotaExceeded', async () => {
    const adds = (n: number) => Array.from({ length: n }, (_v, i) => rr(`h${i}`, 'A', ['192.0.2.1']));
    const over = await call('POST', changes(), { additions: adds(1001) });
    expect(over.status).toBe(413);
    expect(over.json.error.errors[0].reason).toBe('quotaExceeded');
    expect(over.json.error.message).toBe('The change would exceed quota for additions per change.');
    expect((await call('POST', changes(), { additions: adds(1000) })).status).toBe(200);
    expect((await call('POST', changes(), { deletions: adds(1000) })).status).toBe(200);
    const dels = await call('POST', changes(), { deletions: Array.from({ length: 1001 }, (_v, i) => rr(`d${i}`, 'A', ['192.0.2.1'])) });
    expect(dels.json.error.message).toBe('The change would exceed quota for deletions per change.');
    // 100,000 bytes pass; one more byte does not (the TXT sets are 400 x 250 bytes).
    const txt = (n: number, extra = 0) => Array.from({ length: n }, (_v, i) => rr(`t${i}`, 'TXT', [`"${'x'.repeat(248 + (i === 0 ? extra : 0))}"`]));
    expect((await call('POST', changes(), { additions: txt(400, 1) })).json.error.message).toBe('The change would exceed quota for total rrdata size per change.');
    expect((await call('POST', changes(), { additions: txt(400) })).status).toBe(200);
    const wide = await call('POST', changes(), { additions: [rr('wide', 'A', Array.from({ length: 101 }, (_v, i) => `10.0.0.${i}`))] });
    expect(wide.status).toBe(413);
  });

  it('refuses malformed data and final states Cloud DNS forbids, with 400', async () => {
    s.state.put(zone, rr('c', 'A', ['192.0.2.1']));
    const codes = async (body: unknown) => (await call('POST', changes(), body)).status;
    expect(await codes({ additions: [rr('c', 'CNAME', ['t.example.net.'])] })).toBe(400);
    expect(await codes({ additions: [{ ...rr('x', 'CNAME', ['t.example.net.']), name: 'srv.example.' }] })).toBe(400);
    expect(await codes({ additions: [rr('x', 'CNAME', ['relative'])] })).toBe(400);
    expect(await codes({ additions: [rr('x', 'TXT', [`"${'x'.repeat(256)}"`])] })).toBe(400);
    expect(await codes({ additions: [rr('x', 'A', ['1.2.3.4']), rr('x', 'A', ['1.2.3.5'])] })).toBe(400);
    expect(await codes({ additions: [{ ...rr('x', 'A', ['1.2.3.4']), name: 'x.other.example.' }] })).toBe(400);
    expect(await codes({ deletions: [{ name: 'srv.example.', type: 'NS', ttl: 21600, rrdatas: [...zone.nameServers] }] })).toBe(400);
    expect(await codes({})).toBe(400);
    expect(await codes('{not json')).toBe(400);
    expect(zone.changes).toHaveLength(0);
  });
});

describe('local Cloud DNS server: lists', () => {
  it('pages record sets with maxResults and nextPageToken, and a page token stays valid when the zone changes', async () => {
    for (let i = 0; i < 25; i++) s.state.put(zone, rr(`n${String(i).padStart(2, '0')}`, 'A', ['192.0.2.1']));
    const first = await call('GET', `${base()}/${zone.name}/rrsets?maxResults=10`);
    expect(first.json.rrsets).toHaveLength(10);
    // A set added behind the cursor is not in the later pages (a cursor, not an offset): nothing is skipped or repeated.
    s.state.put(zone, rr('a0', 'A', ['192.0.2.1']));
    const seen = [...first.json.rrsets.map((r: { name: string; type: string }) => `${r.name}|${r.type}`)];
    let pageToken: string | undefined = first.json.nextPageToken;
    while (pageToken) {
      const page = await call('GET', `${base()}/${zone.name}/rrsets?maxResults=10&pageToken=${pageToken}`);
      seen.push(...page.json.rrsets.map((r: { name: string; type: string }) => `${r.name}|${r.type}`));
      pageToken = page.json.nextPageToken;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((k) => k.startsWith('n'))).toHaveLength(25);
    expect((await call('GET', `${base()}/${zone.name}/rrsets?pageToken=garbage`)).status).toBe(400);
  });

  it('creates zones with Cloud DNS defaults and refuses duplicates and bad names', async () => {
    const created = await call('POST', base(), { name: 'zone-two', dnsName: 'two.example.', description: '' });
    expect(created.status).toBe(200);
    expect(created.json.nameServers).toHaveLength(4);
    expect((await call('GET', `${base()}/zone-two/rrsets`)).json.rrsets.map((r: { type: string }) => r.type)).toEqual(['NS', 'SOA']);
    expect((await call('POST', base(), { name: 'zone-two', dnsName: 'two.example.', description: '' })).status).toBe(409);
    expect((await call('POST', base(), { name: 'Bad_Name', dnsName: 'x.example.', description: '' })).status).toBe(400);
    expect((await call('GET', `${base()}/no-such-zone`)).status).toBe(404);
  });
});
