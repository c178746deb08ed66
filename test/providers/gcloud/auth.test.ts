/**
 * Signing in and permissions through the SDK's real auth path: google-auth-library signs a JWT with
 * the service account key and posts it to token_uri (the local server), every API call carries the
 * bearer token, roles decide what it may do, and no credential reaches any output.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { makeServiceAccount } from '../../servers/gcloud/auth.js';
import { testTls } from '../../servers/gcloud/tls.js';
import { applyContext, manyA, planChanges, providerFor, startHarness, zoneRef, type Harness } from './support.js';

const ZONE = 'auth.example';
const z = zoneRef(ZONE);
let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function errorOf(p: Promise<unknown>): Promise<ZonesmithError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ZonesmithError);
  return e as ZonesmithError;
}

describe('GCLOUD sign-in', () => {
  it('signs a JWT with the key, gets a token from token_uri once and sends it with every call', async () => {
    h = await startHarness();
    h.server.seedZone(ZONE);
    await h.provider.listZones!();
    await h.provider.getRecords(z);
    await h.provider.nameservers!(z);
    expect(h.server.count('token')).toBe(1);
    expect(h.server.auth.claims).toHaveLength(1);
    const claims = h.server.auth.claims[0]!;
    expect(claims['iss']).toBe(h.server.account.email);
    expect(String(claims['scope'])).toContain('https://www.googleapis.com/auth/ndev.clouddns.readwrite');
    // Every API call was authorised (the server answers 401 otherwise).
    expect(h.server.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('a key that does not belong to the account is refused at sign-in, with a clear error and no key material', async () => {
    h = await startHarness();
    const impostor = makeServiceAccount('impostor@elsewhere.iam.gserviceaccount.com', h.server.project);
    const p = providerFor(h.server, { creds: { private_key: impostor.privateKeyPem } });
    const e = await errorOf(p.instance.listZones!());
    expect(e.code).toBe('gcloud-access-denied');
    expect(e.message).toContain('invalid_grant: Invalid JWT Signature.');
    const text = [inspect(e, { depth: 10 }), JSON.stringify(e), String(e), ...p.logs].join('\n');
    expect(text).not.toContain(impostor.privateKeyPem.split('\n')[2]!);
    expect(text).not.toContain(h.server.account.privateKeyPem.split('\n')[2]!);
    await p.instance.close?.();
  });

  it('an account the token endpoint does not know is refused', async () => {
    h = await startHarness();
    const stranger = makeServiceAccount('stranger@zonesmith-test.iam.gserviceaccount.com', h.server.project);
    const p = providerFor(h.server, { account: () => stranger });
    const e = await errorOf(p.instance.listZones!());
    expect(e.code).toBe('gcloud-access-denied');
    expect(e.message).toContain('account not found');
    await p.instance.close?.();
  });

  it('another project is refused by the API (403)', async () => {
    h = await startHarness();
    const p = providerFor(h.server, { creds: { project_id: 'not-mine' } });
    const e = await errorOf(p.instance.listZones!());
    expect(e.code).toBe('gcloud-access-denied');
    expect(e.message).toContain('HTTP 403 forbidden: Permission denied on resource project not-mine.');
    await p.instance.close?.();
  });
});

describe('GCLOUD read-only credential (roles/dns.reader)', () => {
  it('previews (lists, reads, plans) but cannot push or create zones; nothing changes', async () => {
    h = await startHarness();
    h.server.seedZone(ZONE);
    const reader = providerFor(h.server, { account: (s) => s.addAccount(`reader@${s.project}.iam.gserviceaccount.com`, 'roles/dns.reader') });
    expect(await reader.instance.listZones!()).toEqual([ZONE]);
    const existing = (await reader.instance.getRecords(z))!;
    const desired = [...manyA(ZONE, 'x', 3), ...existing.map(({ native: _n, ...r }) => r)];
    const changes = planChanges(ZONE, existing, desired);
    expect(changes).toHaveLength(3);
    const ctx = applyContext(existing, desired);
    const e = await errorOf(reader.instance.apply(z, changes, ctx));
    expect(e.code).toBe('gcloud-access-denied');
    expect(e.message).toContain('Change 1/1 was not applied');
    expect(ctx.batches).toEqual([]);
    expect((await errorOf(reader.instance.ensureZone!(zoneRef('other.example')))).code).toBe('gcloud-access-denied');
    expect(h.server.committed).toEqual([]);
    expect(h.server.state.zones.size).toBe(1);
    await reader.instance.close?.();
  });
});

describe('GCLOUD credentials stay secret', () => {
  it('are scrubbed from a server message that echoes them, and bearer tokens too', async () => {
    h = await startHarness();
    const keyLine = h.server.account.privateKeyPem.split('\n')[3]!;
    h.server.faults.failNth('managedZones.list', 1, { status: 403, reason: 'forbidden', message: `key ${h.server.account.keyId} line ${keyLine} token Bearer ya29.abcdef is not authorized` });
    const e = await errorOf(h.provider.listZones!());
    const text = [inspect(e, { depth: 10 }), String(e), JSON.stringify(e)].join('\n');
    expect(text).toContain('is not authorized');
    expect(text).not.toContain(keyLine);
    expect(text).not.toContain(h.server.account.keyId);
    expect(text).not.toContain('ya29.abcdef');
  });

  it('a second ca_file in the same process is refused clearly (the SDK shares one connection pool)', async () => {
    h = await startHarness();
    await h.provider.listZones!();
    const other = join(tmpdir(), `zonesmith-other-ca-${process.pid}.pem`);
    writeFileSync(other, testTls().cert);
    const p = providerFor(h.server, { creds: { ca_file: other } });
    const e = await errorOf(p.instance.listZones!());
    expect(e.code).toBe('gcloud-ca-conflict');
    await p.instance.close?.();
  });
});
