/**
 * The Route 53 test server, driven through the real SDK: it must refuse what Route 53 refuses and
 * apply batches all-or-nothing, or the provider tests prove nothing.
 */
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type Change,
} from '@aws-sdk/client-route-53';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route53Server } from './server.js';

let server: Route53Server;
let client: Route53Client;
let zoneId: string;

beforeEach(async () => {
  server = await Route53Server.start({ recordPageLimit: 300 });
  client = new Route53Client({ region: 'us-east-1', endpoint: server.endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
  const out = await client.send(new CreateHostedZoneCommand({ Name: 'srv.example', CallerReference: 'ref-1' }));
  zoneId = out.HostedZone!.Id!;
});
afterEach(async () => {
  client.destroy();
  await server.stop();
});

const a = (name: string, ip: string, action: Change['Action'] = 'CREATE', ttl = 300): Change => ({
  Action: action,
  ResourceRecordSet: { Name: name, Type: 'A', TTL: ttl, ResourceRecords: [{ Value: ip }] },
});

async function send(changes: Change[]): Promise<unknown> {
  return client.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } })).then(() => undefined, (e: unknown) => e);
}

function names(): string[] {
  return [...[...server.state.zones.values()][0]!.rrsets.values()].map((r) => `${r.name} ${r.type}`).sort();
}

describe('Route 53 test server', () => {
  it('applies a batch with an invalid change not at all, and says why in InvalidChangeBatch', async () => {
    await send([a('x.srv.example', '192.0.2.1')]);
    const err = (await send([a('y.srv.example', '192.0.2.2'), a('x.srv.example', '192.0.2.3'), a('z.srv.example', '192.0.2.4')])) as Error & { $metadata: { httpStatusCode: number } };
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe("[Tried to create resource record set [name='x.srv.example.', type='A'] but it already exists]");
    expect(names()).toEqual(['srv.example. NS', 'srv.example. SOA', 'x.srv.example. A']);
  });

  it('deletes only on an exact match of values and TTL', async () => {
    await send([a('x.srv.example', '192.0.2.1')]);
    const wrongTtl = (await send([a('x.srv.example', '192.0.2.1', 'DELETE', 60)])) as Error;
    expect(wrongTtl.message).toContain('but the values provided do not match the current values');
    const wrongValue = (await send([a('x.srv.example', '192.0.2.9', 'DELETE')])) as Error;
    expect(wrongValue.message).toContain('do not match');
    const missing = (await send([a('nope.srv.example', '192.0.2.1', 'DELETE')])) as Error;
    expect(missing.message).toContain('but it was not found');
    expect(await send([a('X.Srv.Example.', '192.0.2.1', 'DELETE')])).toBeUndefined();
    expect(names()).toEqual(['srv.example. NS', 'srv.example. SOA']);
  });

  it('counts UPSERT twice against 1,000 records (500 UPSERTs pass, 501 do not)', async () => {
    const ups = (n: number): Change[] => Array.from({ length: n }, (_v, i) => a(`u${i}.srv.example`, '192.0.2.1', 'UPSERT'));
    expect(await send(ups(500))).toBeUndefined();
    const err = (await send(ups(501))) as Error;
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.message).toContain('Number of records limit of 1000 exceeded.');
    const creates = Array.from({ length: 1000 }, (_v, i) => a(`c${i}.srv.example`, '192.0.2.1'));
    expect(await send(creates)).toBeUndefined();
    expect(await send([...Array.from({ length: 1001 }, (_v, i) => a(`d${i}.srv.example`, '192.0.2.1'))])).toMatchObject({ name: 'InvalidChangeBatch' });
  });

  it('counts UPSERT twice against 32,000 value characters', async () => {
    const txt = (name: string, action: Change['Action']): Change => ({
      Action: action,
      ResourceRecordSet: { Name: name, Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: value3999 }] },
    });
    // 15 strings of 255 + one of 127, quoted, joined by spaces: 15 × 257 + 129 + 15 = 3,999 characters.
    const value3999 = [...Array.from({ length: 15 }, () => `"${'x'.repeat(255)}"`), `"${'y'.repeat(127)}"`].join(' ');
    expect(value3999).toHaveLength(3999);
    const eight = Array.from({ length: 8 }, (_v, i) => txt(`t${i}.srv.example`, 'CREATE'));
    expect(await send(eight)).toBeUndefined(); // 8 × 3,999 = 31,992
    const fourUpserts = Array.from({ length: 4 }, (_v, i) => txt(`t${i}.srv.example`, 'UPSERT'));
    expect(await send(fourUpserts)).toBeUndefined(); // 2 × 4 × 3,999 = 31,992
    const err = (await send([...fourUpserts, a('t9.srv.example', '192.0.2.1')])) as Error; // 31,992 + 9
    expect(err.message).toContain('Number of characters limit of 32000 exceeded.');
    expect(await send([...fourUpserts, a('t9.srv.example', '1.2.3.4')])).toBeUndefined(); // 31,992 + 7
  });

  it('refuses the same record set twice in a batch, but allows DELETE then CREATE', async () => {
    await send([a('x.srv.example', '192.0.2.1')]);
    const dup = (await send([a('x.srv.example', '192.0.2.1', 'DELETE'), a('x.srv.example', '192.0.2.1', 'DELETE')])) as Error;
    expect(dup.message).toContain("The request contains an invalid set of changes for a resource record set 'A x.srv.example.'");
    expect(await send([a('x.srv.example', '192.0.2.1', 'DELETE'), a('x.srv.example', '192.0.2.2')])).toBeUndefined();
  });

  it('refuses a CNAME beside other records and at the apex, and keeps the apex SOA and NS', async () => {
    await send([a('x.srv.example', '192.0.2.1')]);
    const cname = (name: string): Change => ({ Action: 'CREATE', ResourceRecordSet: { Name: name, Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: 'elsewhere.example.' }] } });
    expect(((await send([cname('x.srv.example')])) as Error).message).toContain('conflicts with other records');
    expect(((await send([cname('srv.example')])) as Error).message).toContain('is not permitted at apex');
    expect(await send([a('x.srv.example', '192.0.2.1', 'DELETE'), cname('x.srv.example')])).toBeUndefined();
    const zone = [...server.state.zones.values()][0]!;
    const ns = [...zone.rrsets.values()].find((r) => r.type === 'NS')!;
    const delNs = (await send([{ Action: 'DELETE', ResourceRecordSet: { Name: 'srv.example.', Type: 'NS', TTL: ns.ttl!, ResourceRecords: ns.values.map((Value) => ({ Value })) } }])) as Error;
    expect(delNs.message).toContain('must contain at least one NS record');
  });

  it('checks TXT strings: quoted, at most 255 characters each', async () => {
    const txt = (v: string): Change => ({ Action: 'UPSERT', ResourceRecordSet: { Name: 't.srv.example', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: v }] } });
    expect(((await send([txt('unquoted')])) as Error).message).toContain('InvalidTXTRDATA');
    expect(((await send([txt(`"${'x'.repeat(256)}"`)])) as Error).message).toContain('TXTRDATATooLong');
    expect(await send([txt(`"${'x'.repeat(255)}" "\\303\\251\\""`)])).toBeUndefined();
  });

  it('lists in Route 53 order (labels reversed, then type) with NextRecordName/Type continuation', async () => {
    await send([a('b.srv.example', '192.0.2.1'), a('a.b.srv.example', '192.0.2.1'), a('*.srv.example', '192.0.2.1'), a('Z.srv.example', '192.0.2.1')]);
    await send([{ Action: 'CREATE', ResourceRecordSet: { Name: 'b.srv.example', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"t"' }] } }]);
    const seen: string[] = [];
    let start: { StartRecordName?: string; StartRecordType?: 'A' } = {};
    let pages = 0;
    for (;;) {
      const out = await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, MaxItems: 2, ...start }));
      pages++;
      seen.push(...out.ResourceRecordSets!.map((r) => `${r.Name} ${r.Type}`));
      if (!out.IsTruncated) break;
      start = { StartRecordName: out.NextRecordName!, StartRecordType: out.NextRecordType as 'A' };
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(['srv.example. NS', 'srv.example. SOA', '\\052.srv.example. A', 'b.srv.example. A', 'b.srv.example. TXT', 'a.b.srv.example. A', 'z.srv.example. A']);
    await expect(client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordType: 'A' }))).rejects.toMatchObject({ name: 'InvalidInput' });
  });

  it('reports a change PENDING, then INSYNC', async () => {
    const out = await client.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: [a('x.srv.example', '192.0.2.1')] } }));
    expect(out.ChangeInfo!.Status).toBe('PENDING');
    expect((await client.send(new GetChangeCommand({ Id: out.ChangeInfo!.Id! }))).ChangeInfo!.Status).toBe('PENDING');
    expect((await client.send(new GetChangeCommand({ Id: out.ChangeInfo!.Id! }))).ChangeInfo!.Status).toBe('INSYNC');
  });

  it('refuses unsigned requests and unknown zones', async () => {
    const res = await fetch(`${server.endpoint}/2013-04-01/hostedzone`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    await expect(client.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'ZNOSUCH' }))).rejects.toMatchObject({ name: 'NoSuchHostedZone' });
  });
});
