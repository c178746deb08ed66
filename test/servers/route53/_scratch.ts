import { Route53Client, ListHostedZonesCommand, CreateHostedZoneCommand, ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand, GetChangeCommand, GetHostedZoneCommand } from '@aws-sdk/client-route-53';
import { Route53Server } from './server.js';
const s = await Route53Server.start({ recordPageLimit: 2 });
const c = new Route53Client({ region: 'us-east-1', endpoint: s.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });
const cz = await c.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'x1' }));
console.log(JSON.stringify(cz.HostedZone), cz.DelegationSet, cz.Location);
const id = cz.HostedZone!.Id!;
const ch = await c.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: [
  { Action: 'CREATE', ResourceRecordSet: { Name: '*.example.com', Type: 'A', TTL: 300, ResourceRecords: [{ Value: '1.2.3.4' }] } },
  { Action: 'CREATE', ResourceRecordSet: { Name: 'www.example.com.', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"a & <b>"' }] } },
  { Action: 'CREATE', ResourceRecordSet: { Name: 'al.example.com.', Type: 'A', AliasTarget: { HostedZoneId: 'Z2', DNSName: 'Foo.Example.com', EvaluateTargetHealth: false } } },
]}}));
console.log(ch.ChangeInfo);
let next: any = {};
do {
  const r = await c.send(new ListResourceRecordSetsCommand({ HostedZoneId: id, StartRecordName: next.n, StartRecordType: next.t }));
  console.log(JSON.stringify(r.ResourceRecordSets), r.IsTruncated, r.NextRecordName, r.NextRecordType);
  next = r.IsTruncated ? { n: r.NextRecordName, t: r.NextRecordType } : null;
} while (next);
console.log((await c.send(new GetChangeCommand({ Id: ch.ChangeInfo!.Id! }))).ChangeInfo);
console.log((await c.send(new GetChangeCommand({ Id: ch.ChangeInfo!.Id! }))).ChangeInfo);
console.log(JSON.stringify((await c.send(new ListHostedZonesCommand({}))).HostedZones));
console.log(JSON.stringify((await c.send(new GetHostedZoneCommand({ Id: id }))).DelegationSet));
try {
  await c.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: [
    { Action: 'CREATE', ResourceRecordSet: { Name: 'www.example.com.', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"x"' }] } },
    { Action: 'DELETE', ResourceRecordSet: { Name: 'nope.example.com.', Type: 'A', TTL: 300, ResourceRecords: [{ Value: '1.1.1.1' }] } }]}}));
} catch (e: any) { console.log(e.name, e.message, e.$metadata?.httpStatusCode, e.$fault); }
s.faults.throttle(1);
try { await c.send(new ListHostedZonesCommand({})); } catch (e: any) { console.log(e.name, e.message, e.$metadata?.httpStatusCode); }
s.faults.priorRequestNotComplete(1);
try { await c.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: { Name: 'a.example.com', Type: 'A', TTL: 1, ResourceRecords: [{ Value: '1.1.1.1' }] } }]}})); } catch (e: any) { console.log(e.name, e.message); }
s.faults.failNth('ListHostedZones', 1);
try { await c.send(new ListHostedZonesCommand({})); } catch (e: any) { console.log(e.name, e.message, e.$metadata?.httpStatusCode, e.$fault); }
console.log(s.requests, [...s.accessKeyIds]);
await s.stop();
