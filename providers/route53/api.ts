/** The Route 53 calls the provider makes, through `@aws-sdk/client-route-53` and the retry policy. */
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type HostedZone,
  type ResourceRecordSet,
  type RRType,
} from '@aws-sdk/client-route-53';
import { ZonesmithError } from '../../src/errors.js';
import type { NativeChange } from './batch.js';
import { errorCode, withRetry, type CallKind, type RetryPolicy } from './retry.js';
import type { Route53Settings } from './settings.js';

/**
 * Route 53 is a global service whose API lives in us-east-1 (AWS General Reference, Route 53
 * endpoints). SDK retries are off: retry.ts retries, so every request is deliberate and counted.
 */
export function createClient(settings: Route53Settings): Route53Client {
  return new Route53Client({
    region: 'us-east-1',
    maxAttempts: 1,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials.identity() } : {}),
  });
}

/** Thin, retrying wrapper over the SDK calls zonesmith needs. */
export class Route53Api {
  constructor(
    private readonly client: Route53Client,
    private readonly retry: RetryPolicy,
    private readonly secrets: readonly string[],
  ) {}

  /** Every hosted zone of the account (ListHostedZones, following NextMarker). */
  async listHostedZones(): Promise<HostedZone[]> {
    const zones: HostedZone[] = [];
    let marker: string | undefined;
    do {
      const out = await this.call('ListHostedZones', 'read', () => this.client.send(new ListHostedZonesCommand({ ...(marker ? { Marker: marker } : {}) })));
      zones.push(...(out.HostedZones ?? []));
      marker = out.IsTruncated ? out.NextMarker : undefined;
    } while (marker);
    return zones;
  }

  /** Creates a hosted zone; returns it. */
  async createHostedZone(name: string, callerReference: string, delegationSetId?: string): Promise<HostedZone> {
    const out = await this.call('CreateHostedZone', 'write', () =>
      this.client.send(new CreateHostedZoneCommand({ Name: name, CallerReference: callerReference, ...(delegationSetId ? { DelegationSetId: delegationSetId } : {}) })),
    );
    if (!out.HostedZone) throw new ZonesmithError('route53-api-error', `Route 53 CreateHostedZone for ${name} returned no zone`);
    return out.HostedZone;
  }

  /** The zone's delegation set name servers, as Route 53 lists them (no trailing dot). */
  async nameServers(zoneId: string): Promise<string[]> {
    const out = await this.call('GetHostedZone', 'read', () => this.client.send(new GetHostedZoneCommand({ Id: zoneId })));
    return out.DelegationSet?.NameServers ?? [];
  }

  /**
   * Every record set of a zone. ListResourceRecordSets returns at most 300 per page; the next page
   * starts at NextRecordName/NextRecordType (and NextRecordIdentifier for sets that have one).
   */
  async listRecordSets(zoneId: string): Promise<ResourceRecordSet[]> {
    const sets: ResourceRecordSet[] = [];
    let start: { name: string; type: RRType; identifier?: string } | undefined;
    for (;;) {
      const from = start;
      const out = await this.call('ListResourceRecordSets', 'read', () =>
        this.client.send(new ListResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          MaxItems: 300,
          ...(from ? { StartRecordName: from.name, StartRecordType: from.type } : {}),
          ...(from?.identifier ? { StartRecordIdentifier: from.identifier } : {}),
        })),
      );
      sets.push(...(out.ResourceRecordSets ?? []));
      if (!out.IsTruncated || !out.NextRecordName || !out.NextRecordType) return sets;
      start = { name: out.NextRecordName, type: out.NextRecordType, ...(out.NextRecordIdentifier ? { identifier: out.NextRecordIdentifier } : {}) };
    }
  }

  /** Sends one change batch; returns the change id. Route 53 applies all of it or none. */
  async changeRecordSets(zoneId: string, natives: readonly NativeChange[], comment: string): Promise<string> {
    const out = await this.call('ChangeResourceRecordSets', 'write', () =>
      this.client.send(new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Comment: comment, Changes: natives.map((n) => ({ Action: n.action, ResourceRecordSet: n.rrset })) },
      })),
    );
    return out.ChangeInfo?.Id ?? '';
  }

  /** PENDING or INSYNC. */
  async changeStatus(changeId: string): Promise<string> {
    const out = await this.call('GetChange', 'read', () => this.client.send(new GetChangeCommand({ Id: changeId })));
    return out.ChangeInfo?.Status ?? 'PENDING';
  }

  /** Closes the SDK's connections. */
  close(): void {
    this.client.destroy();
  }

  private async call<T>(what: string, kind: CallKind, fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(what, kind, fn, this.retry);
    } catch (err) {
      throw this.wrap(what, err);
    }
  }

  /** An SDK error as a ZonesmithError whose message carries no credential. */
  wrap(what: string, err: unknown): ZonesmithError {
    const code = errorCode(err) ?? 'Error';
    const message = redact(err instanceof Error ? err.message : String(err), this.secrets);
    const zcode = code === 'InvalidChangeBatch' ? 'route53-invalid-change-batch'
      : /AccessDenied|InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient|MissingAuthenticationToken|ExpiredToken/.test(code) ? 'route53-access-denied'
        : code === 'Throttling' || code === 'PriorRequestNotComplete' ? 'route53-throttled'
          : 'route53-api-error';
    // The cause keeps name and message only: the SDK error also holds the signed request.
    const cause = new Error(message);
    cause.name = code;
    return new ZonesmithError(zcode, `Route 53 ${what} failed: ${code}: ${message}`, { cause });
  }
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}
