/**
 * Response bodies in Route 53's wire format (API reference, 2013-04-01, verified 2026-11 against
 * the response syntax of ListHostedZones, CreateHostedZone, GetHostedZone, ListResourceRecordSets,
 * ChangeResourceRecordSets and GetChange, and against the SDK's own schemas). Errors use the
 * standard `ErrorResponse` shape; Route 53 stopped sending its older `InvalidChangeBatch` root
 * element in 2024 (aws-sdk-kotlin #1433/#1435), so InvalidChangeBatch uses it too, its messages
 * joined as `[a, b]`.
 */
import { render, type XmlElement } from './xml.js';
import type { StoredChange, StoredRrset, StoredZone } from './state.js';

/** The namespace every Route 53 response carries. */
export const NS = 'https://route53.amazonaws.com/doc/2013-04-01/';

/** Wraps elements in a root element with the namespace and an XML declaration. */
export function doc(root: string, elements: readonly XmlElement[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">${render(elements)}</${root}>`;
}

/** An error body as Route 53 sends it. */
export function errorDoc(code: string, message: string, requestId: string, type: 'Sender' | 'Receiver' = 'Sender'): string {
  return doc('ErrorResponse', [
    ['Error', [['Type', type], ['Code', code], ['Message', message]]],
    ['RequestId', requestId],
  ]);
}

/** The HostedZone element. */
export function hostedZone(z: StoredZone): XmlElement {
  return ['HostedZone', [
    ['Id', `/hostedzone/${z.id}`],
    ['Name', z.name],
    ['CallerReference', z.callerReference],
    ['Config', [['Comment', z.comment], ['PrivateZone', z.privateZone]]],
    ['ResourceRecordSetCount', z.rrsets.size],
  ]];
}

/** The DelegationSet element. */
export function delegationSet(z: StoredZone): XmlElement {
  return ['DelegationSet', [['NameServers', z.nameServers.map((n): XmlElement => ['NameServer', n.replace(/\.$/, '')])]]];
}

/** The ChangeInfo element; Status is PENDING until the change has been polled enough times. */
export function changeInfo(c: StoredChange, insync: boolean): XmlElement {
  return ['ChangeInfo', [
    ['Id', `/change/${c.id}`],
    ['Status', insync ? 'INSYNC' : 'PENDING'],
    ['SubmittedAt', c.submittedAt.toISOString()],
    ['Comment', c.comment],
  ]];
}

/** The ResourceRecordSet element. */
export function resourceRecordSet(r: StoredRrset): XmlElement {
  return ['ResourceRecordSet', [
    ['Name', r.name],
    ['Type', r.type],
    ['SetIdentifier', r.setIdentifier],
    ['Weight', r.weight],
    ['TTL', r.ttl],
    ['ResourceRecords', r.values.length > 0 ? r.values.map((v): XmlElement => ['ResourceRecord', [['Value', v]]]) : undefined],
    ['AliasTarget', r.alias ? [
      ['HostedZoneId', r.alias.hostedZoneId],
      ['DNSName', r.alias.dnsName],
      ['EvaluateTargetHealth', r.alias.evaluateTargetHealth],
    ] : undefined],
  ]];
}
