/** The Cloud DNS v1 calls the provider makes, through `@google-cloud/dns` and the retry policy. */
import { ZonesmithError } from '../../src/errors.js';
import type { NativeRrset } from './convert.js';
import { describeFailure, isThrottle, withRetry, type CallKind, type RetryPolicy } from './retry.js';
import type { Transport } from './transport.js';

/** A ManagedZone as the API returns it (the fields zonesmith uses). */
export interface ManagedZone {
  /** The zone's resource name in the project (`zone-example-com`), not its DNS name. */
  readonly name: string;
  /** Absolute, with the trailing dot. */
  readonly dnsName: string;
  readonly nameServers?: readonly string[];
  readonly visibility?: string;
}

/** What managedZones.create takes. */
export interface NewManagedZone {
  readonly name: string;
  readonly dnsName: string;
  readonly description: string;
  readonly nameServerSet?: string;
  readonly visibility?: string;
  readonly privateVisibilityConfig?: { networks: { networkUrl: string }[] };
}

/** A Change as changes.create and changes.get return it. */
export interface ChangeInfo {
  readonly id: string;
  /** `pending` or `done`. */
  readonly status: string;
}

/** Page size asked for; the server may answer with fewer and a nextPageToken. */
const PAGE_SIZE = 1000;

/** Thin, retrying wrapper over the SDK calls zonesmith needs. */
export class GcloudApi {
  constructor(
    private readonly transport: Transport,
    private readonly retry: RetryPolicy,
    private readonly secrets: readonly string[],
  ) {}

  /** Every managed zone of the project (managedZones.list, following nextPageToken). */
  async listManagedZones(): Promise<ManagedZone[]> {
    const zones: ManagedZone[] = [];
    let pageToken: string | undefined;
    do {
      const query = { autoPaginate: false, maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) };
      const res = await this.call('managedZones.list', 'read', () => this.transport.dns.getZones(query));
      const body = lastOf(res) as { managedZones?: ManagedZone[]; nextPageToken?: string };
      zones.push(...(body.managedZones ?? []));
      pageToken = body.nextPageToken || undefined;
    } while (pageToken);
    return zones;
  }

  /** Creates a managed zone; returns it. */
  async createManagedZone(zone: NewManagedZone): Promise<ManagedZone> {
    const { name, ...config } = zone;
    const res = await this.call('managedZones.create', 'write', () => this.transport.dns.createZone(name, { ...config }));
    return lastOf(res) as ManagedZone;
  }

  /** Every record set of a zone (resourceRecordSets.list, following nextPageToken). */
  async listRrsets(zoneName: string): Promise<NativeRrset[]> {
    const sets: NativeRrset[] = [];
    const zone = this.transport.dns.zone(zoneName);
    let pageToken: string | undefined;
    do {
      const query = { autoPaginate: false, maxResults: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) };
      const res = await this.call('resourceRecordSets.list', 'read', () => zone.getRecords(query));
      const body = lastOf(res) as { rrsets?: NativeRrset[]; nextPageToken?: string };
      sets.push(...(body.rrsets ?? []));
      pageToken = body.nextPageToken || undefined;
    } while (pageToken);
    return sets;
  }

  /**
   * Sends one Change (changes.create), retried only when throttled: Cloud DNS applies all of it or
   * none. Deletions carry the sets exactly as given. Other failures are thrown as they came (SDK
   * errors), for the caller to judge.
   */
  async createChange(zoneName: string, additions: readonly NativeRrset[], deletions: readonly NativeRrset[]): Promise<ChangeInfo> {
    const zone = this.transport.dns.zone(zoneName);
    // name, type, ttl and rrdatas are what a deletion must match; signatures ride along when present.
    const record = (r: NativeRrset) =>
      zone.record(r.type, { name: r.name, ttl: r.ttl, rrdatas: [...r.rrdatas], ...(r.signatureRrdatas ? { signatureRrdatas: [...r.signatureRrdatas] } : {}) });
    await this.transport.ready();
    const res = await withRetry('changes.create', 'write', () => zone.createChange({
      ...(additions.length > 0 ? { add: additions.map(record) } : {}),
      ...(deletions.length > 0 ? { delete: deletions.map(record) } : {}),
    }), this.retry);
    const body = lastOf(res) as { id?: string; status?: string };
    return { id: body.id ?? '', status: body.status ?? 'pending' };
  }

  /** changes.get: `pending` or `done`. */
  async changeStatus(zoneName: string, changeId: string): Promise<string> {
    const change = this.transport.dns.zone(zoneName).change(changeId);
    const res = await this.call('changes.get', 'read', () => change.getMetadata());
    return (res[0] as { status?: string }).status ?? 'pending';
  }

  /** Releases what the transport holds open. */
  close(): void {
    this.transport.close();
  }

  private async call<T>(what: string, kind: CallKind, fn: () => Promise<T>): Promise<T> {
    try {
      await this.transport.ready();
      return await withRetry(what, kind, fn, this.retry);
    } catch (err) {
      throw this.wrap(what, err);
    }
  }

  /** An SDK error as a ZonesmithError whose message carries no credential and no request details. */
  wrap(what: string, err: unknown): ZonesmithError {
    if (err instanceof ZonesmithError) return err;
    const f = describeFailure(err);
    const message = this.scrub(f.message);
    const detail = [f.status !== undefined ? `HTTP ${f.status}` : '', f.reason ?? ''].filter(Boolean).join(' ');
    const cause = new Error(message);
    cause.name = f.reason ?? 'Error';
    return new ZonesmithError(errorCode(err), `Cloud DNS ${what} failed: ${detail ? `${detail}: ` : ''}${message}`, { cause });
  }

  private scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    // Bearer tokens are short-lived but still credentials.
    return out.replace(/Bearer\s+[\w.~+/=-]+/g, 'Bearer [redacted]');
  }
}

/** Answers of the OAuth token endpoint that mean the credentials were refused (RFC 6749 §5.2). */
const OAUTH_REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope']);

/** The stable zonesmith code for an SDK error. */
export function errorCode(err: unknown): string {
  const { status, reason } = describeFailure(err);
  if (isThrottle(err)) return 'gcloud-throttled';
  if (status === 413 || reason === 'quotaExceeded') return 'gcloud-quota-exceeded';
  if (status === 412 || reason === 'conditionNotMet') return 'gcloud-zone-changed';
  if (status === 409 || reason === 'alreadyExists') return 'gcloud-already-exists';
  if (status === 401 || status === 403 || (reason !== undefined && OAUTH_REFUSALS.has(reason))) return 'gcloud-access-denied';
  if (status === 404 || reason === 'notFound') return 'gcloud-not-found';
  return 'gcloud-api-error';
}

function lastOf(res: unknown): unknown {
  return Array.isArray(res) ? res[res.length - 1] : res;
}
