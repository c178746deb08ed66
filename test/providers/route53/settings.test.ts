import { afterEach, describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { route53Provider } from '../../../providers/route53/index.js';
import { Route53Server } from '../../servers/route53/server.js';
import { applyContext, push, rec, startHarness, zoneRef, type Harness } from './support.js';

const parse = (creds: Record<string, string>) => route53Provider.parseSettings(creds, {});

describe('ROUTE53 settings', () => {
  it('reads DNSControl keys and the extra settings', () => {
    const s = parse({ KeyId: 'AKID1', SecretKey: 'sekrit', Token: 'tok', endpoint: 'http://127.0.0.1:9', DelegationSet: '/delegationset/N1', wait_for_insync: 'true', max_attempts: '4' });
    expect(s.credentials?.identity()).toEqual({ accessKeyId: 'AKID1', secretAccessKey: 'sekrit', sessionToken: 'tok' });
    expect(s).toMatchObject({ endpoint: 'http://127.0.0.1:9', delegationSetId: 'N1', waitForInsync: true, maxAttempts: 4 });
  });

  it('uses the SDK default credentials when KeyId and SecretKey are both absent or empty', () => {
    expect(parse({}).credentials).toBeUndefined();
    expect(parse({ KeyId: '', SecretKey: '' }).credentials).toBeUndefined();
    expect(parse({}).waitForInsync).toBe(false);
  });

  it('names the bad key and never echoes a value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ KeyId: 'AKIDVALUE' }, '"SecretKey" is missing'],
      [{ SecretKey: 'SECRETVALUE' }, '"KeyId" is missing'],
      [{ Token: 'TOKENVALUE' }, '"Token" needs KeyId'],
      [{ endpoint: 'ftp://HOSTVALUE' }, '"endpoint" must be'],
      [{ wait_for_insync: 'YESVALUE' }, '"wait_for_insync"'],
      [{ max_attempts: '0' }, '"max_attempts"'],
      [{ RoleArn: 'arn:aws:iam::1:role/ROLEVALUE' }, '"RoleArn" is not supported'],
    ];
    for (const [creds, msg] of cases) {
      let err: unknown;
      try {
        parse(creds);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ZonesmithError);
      expect((err as Error).message).toContain(msg);
      expect((err as Error).message).not.toMatch(/VALUE/);
    }
  });

  it('declares its type, granularity and the meta that is part of a record', () => {
    expect(route53Provider.type).toBe('ROUTE53');
    expect(route53Provider.granularity).toBe('rrset');
    expect(route53Provider.comparedMeta).toEqual(['r53_alias_zone_id', 'r53_alias_evaluate_target_health']);
    const caps = route53Provider.capabilities;
    for (const t of ['CAA', 'PTR', 'SRV', 'SSHFP', 'TLSA', 'HTTPS', 'SVCB', 'R53_ALIAS', 'NAPTR']) expect(caps.records[t]?.can).toBe(true);
    for (const t of ['ALIAS', 'LOC', 'SOA', 'DNAME']) expect(caps.records[t]?.can).toBe(false);
    for (const f of ['getZones', 'createZones', 'concurrency', 'dualHost', 'dsForChildren'] as const) expect(caps.features[f]?.can).toBe(true);
  });
});

describe('ROUTE53 endpoint and INSYNC', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
    delete process.env['AWS_ENDPOINT_URL_ROUTE_53'];
  });

  it('honours AWS_ENDPOINT_URL_ROUTE_53 when no endpoint is set', async () => {
    const server = await Route53Server.start();
    server.seedZone('env.example');
    process.env['AWS_ENDPOINT_URL_ROUTE_53'] = server.endpoint;
    const p = route53Provider.create(parse({ KeyId: 'AKIDENV', SecretKey: 'x-secret' }), { log: () => {}, configDir: '.' });
    try {
      expect(await p.listZones!()).toEqual(['env.example']);
      expect(server.count('ListHostedZones')).toBe(1);
    } finally {
      await p.close?.();
      await server.stop();
    }
  });

  it('waits for INSYNC after the last batch when wait_for_insync is true', async () => {
    h = await startHarness({ creds: { wait_for_insync: 'true' }, server: { pendingPolls: 2 } });
    const z = zoneRef('sync.example');
    await h.provider.ensureZone!(z);
    const { ctx } = await push(h.provider, z, [rec('sync.example', 'a', 'A', '192.0.2.1')]);
    expect(h.server.count('GetChange')).toBe(3);
    expect(ctx.lines.at(-1)).toContain('INSYNC');
  });

  it('does not poll GetChange by default, and an empty change list makes no request', async () => {
    h = await startHarness();
    const z = zoneRef('nosync.example');
    await h.provider.ensureZone!(z);
    await push(h.provider, z, [rec('nosync.example', 'a', 'A', '192.0.2.1')]);
    expect(h.server.count('ChangeResourceRecordSets')).toBe(1);
    expect(h.server.count('GetChange')).toBe(0);
    h.server.resetCounts();
    await h.provider.apply(z, [], applyContext([], []));
    expect(h.server.requests).toEqual([]);
  });
});
