/** Reading Route 53 request bodies (REST-XML, as the SDK serialises them) into server types. */
import type { BatchChange } from './batch.js';
import { storedName } from './names.js';
import type { StoredRrset } from './state.js';
import { child, childrenNamed, childText, parseXml, type XmlNode } from './xml.js';

/** Thrown for a body the real service would refuse as InvalidInput. */
export class InvalidInputError extends Error {}

/** Parses a ChangeResourceRecordSetsRequest body. */
export function parseChangeRequest(body: string): { comment?: string; changes: BatchChange[] } {
  const root = parse(body, 'ChangeResourceRecordSetsRequest');
  const batch = child(root, 'ChangeBatch');
  if (!batch) throw new InvalidInputError('ChangeBatch is required');
  const list = child(batch, 'Changes');
  const changes = list ? childrenNamed(list, 'Change').map(parseChange) : [];
  if (changes.length === 0) throw new InvalidInputError('1 validation error detected: Value null at \'changeBatch.changes\' failed to satisfy constraint: Member must not be null');
  const comment = childText(batch, 'Comment');
  return { ...(comment !== undefined ? { comment } : {}), changes };
}

function parseChange(node: XmlNode): BatchChange {
  const action = childText(node, 'Action');
  if (action !== 'CREATE' && action !== 'DELETE' && action !== 'UPSERT') throw new InvalidInputError(`Invalid Action: ${action ?? '(none)'}`);
  const r = child(node, 'ResourceRecordSet');
  if (!r) throw new InvalidInputError('ResourceRecordSet is required');
  return { action, rrset: parseRrset(r) };
}

function parseRrset(r: XmlNode): StoredRrset {
  const name = childText(r, 'Name');
  const type = childText(r, 'Type');
  if (!name || !type) throw new InvalidInputError('Name and Type are required');
  const ttl = childText(r, 'TTL');
  const weight = childText(r, 'Weight');
  const setIdentifier = childText(r, 'SetIdentifier');
  const records = child(r, 'ResourceRecords');
  const values = records ? childrenNamed(records, 'ResourceRecord').map((rr) => childText(rr, 'Value') ?? '') : [];
  const aliasNode = child(r, 'AliasTarget');
  let alias: StoredRrset['alias'];
  if (aliasNode) {
    const hostedZoneId = childText(aliasNode, 'HostedZoneId');
    const dnsName = childText(aliasNode, 'DNSName');
    const eth = childText(aliasNode, 'EvaluateTargetHealth');
    if (!hostedZoneId || !dnsName || eth === undefined) throw new InvalidInputError('AliasTarget needs HostedZoneId, DNSName and EvaluateTargetHealth');
    alias = { hostedZoneId, dnsName: storedName(dnsName), evaluateTargetHealth: eth === 'true' };
  }
  return {
    name: storedName(name),
    type,
    ...(setIdentifier !== undefined ? { setIdentifier } : {}),
    ...(weight !== undefined ? { weight: Number(weight) } : {}),
    ...(ttl !== undefined ? { ttl: Number(ttl) } : {}),
    values,
    ...(alias ? { alias } : {}),
  };
}

/** Parses a CreateHostedZoneRequest body. */
export function parseCreateZone(body: string): { name: string; callerReference: string; comment?: string; privateZone: boolean; delegationSetId?: string } {
  const root = parse(body, 'CreateHostedZoneRequest');
  const name = childText(root, 'Name');
  const callerReference = childText(root, 'CallerReference');
  if (!name || !callerReference) throw new InvalidInputError('Name and CallerReference are required');
  const config = child(root, 'HostedZoneConfig');
  const comment = config ? childText(config, 'Comment') : undefined;
  const delegationSetId = childText(root, 'DelegationSetId');
  return {
    name,
    callerReference,
    ...(comment !== undefined ? { comment } : {}),
    privateZone: (config && childText(config, 'PrivateZone')) === 'true',
    ...(delegationSetId !== undefined ? { delegationSetId } : {}),
  };
}

function parse(body: string, rootName: string): XmlNode {
  let root: XmlNode;
  try {
    root = parseXml(body);
  } catch (e) {
    throw new InvalidInputError(`Invalid XML ; ${(e as Error).message}`);
  }
  if (root.name !== rootName) throw new InvalidInputError(`Invalid XML ; expected ${rootName}, found ${root.name}`);
  return root;
}
