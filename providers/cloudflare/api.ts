/** The Cloudflare calls the provider makes, through the official `cloudflare` SDK and the retry policy. */
import Cloudflare, { APIError } from 'cloudflare';
import type { RecordBatchParams } from 'cloudflare/resources/dns/records';
import { ZonesmithError } from '../../src/errors.js';
import type { NativeRecord } from './convert.js';
import { httpStatus, WaitTooLongError, withRetry, type CallKind, type Outcome, type RetryPolicy } from './retry.js';
import type { CloudflareSettings } from './settings.js';

/** A zone as zonesmith needs it. */
export interface NativeZone {
  readonly id: string;
  readonly name: string;
  readonly nameServers: readonly string[];
  readonly accountId?: string;
}

/** The lists of one batch request. */
export interface BatchBody {
  readonly deletes: readonly Record<string, unknown>[];
  readonly patches: readonly Record<string, unknown>[];
  readonly posts: readonly Record<string, unknown>[];
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The SDK client. Its retries are off (retry.ts retries, so every request is deliberate and
 * counted) and its logger is silenced: library code never prints.
 */
export function createClient(settings: CloudflareSettings): Cloudflare {
  return new Cloudflare({
    ...settings.credentials.clientOptions(),
    ...(settings.baseURL !== undefined ? { baseURL: settings.baseURL } : {}),
    maxRetries: 0,
    logLevel: 'off',
    logger: silent,
  });
}

/** Pages of a V4 list as the SDK returns them (`result_info` carries more than its type says). */
interface Page<T> {
  readonly result: T[];
  readonly result_info: { page?: number; per_page?: number; total_pages?: number };
}

/** Thin, retrying wrapper over the SDK calls zonesmith needs. */
export class CloudflareApi {
  constructor(
    private readonly client: Cloudflare,
    private readonly retry: RetryPolicy,
    private readonly secrets: readonly string[],
    private readonly perPage: number,
  ) {}

  /** Every zone the credentials see (in `accountId` only, when given); `zones.list`, page by page. */
  async listZones(accountId?: string): Promise<NativeZone[]> {
    // The API allows 5-50 zones per page (zones.list reference, checked 2026-11).
    const zones = await this.pages('zones.list', (page) => this.client.zones.list({ page, per_page: 50, ...(accountId ? { account: { id: accountId } } : {}) }), 50);
    return zones.map((z) => ({ id: z.id, name: z.name, nameServers: z.name_servers ?? [], ...(z.account?.id ? { accountId: z.account.id } : {}) }));
  }

  /** Creates a full (Cloudflare-hosted) zone in `accountId`. */
  async createZone(name: string, accountId: string): Promise<NativeZone> {
    const z = await this.call('zones.create', 'write', () => this.client.zones.create({ account: { id: accountId }, name, type: 'full' }));
    return { id: z.id, name: z.name, nameServers: z.name_servers ?? [], accountId };
  }

  /** Every DNS record of a zone: `dns_records`, as many pages as `result_info.total_pages` says. */
  async listRecords(zoneId: string): Promise<NativeRecord[]> {
    return this.pages('dns_records.list', (page) => this.client.dns.records.list({ zone_id: zoneId, page, per_page: this.perPage }), this.perPage) as Promise<NativeRecord[]>;
  }

  /** The records at one name and type (to check whether an unanswered batch landed). */
  async recordsAt(zoneId: string, name: string, type: string): Promise<NativeRecord[]> {
    const q = { zone_id: zoneId, name: { exact: name }, type: type as 'A', page: 1, per_page: this.perPage };
    return this.pages('dns_records.list', (page) => this.client.dns.records.list({ ...q, page }), this.perPage) as Promise<NativeRecord[]>;
  }

  /**
   * Sends one batch. `probe` tells, after a 5xx or a lost answer, whether the batch landed anyway;
   * the outcome says whether Cloudflare answered or the probe found the batch applied.
   */
  async batch(zoneId: string, body: BatchBody, probe: () => Promise<boolean>): Promise<Outcome<unknown>> {
    const params = { zone_id: zoneId, deletes: body.deletes, patches: body.patches, posts: body.posts } as unknown as RecordBatchParams;
    try {
      return await withRetry('dns_records.batch', 'write', () => this.client.dns.records.batch(params), this.retry, probe);
    } catch (err) {
      throw new BatchFailure(this.wrap('dns_records.batch', err), errorPointer(err));
    }
  }

  private async pages<T>(what: string, get: (page: number) => PromiseLike<Page<T>>, asked: number): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const p = await this.call(what, 'read', () => Promise.resolve(get(page)));
      out.push(...p.result);
      // total_pages saves the empty last page the SDK's auto-pagination would fetch.
      const total = p.result_info.total_pages;
      const size = p.result_info.per_page ?? asked;
      if (total !== undefined ? page >= total : p.result.length < size) return out;
      if (p.result.length === 0) return out;
    }
  }

  private async call<T>(what: string, kind: CallKind, fn: () => Promise<T>): Promise<T> {
    let out: Outcome<T>;
    try {
      out = await withRetry(what, kind, fn, this.retry);
    } catch (err) {
      throw this.wrap(what, err);
    }
    if (out.kind !== 'answered') throw new ZonesmithError('cloudflare-api-error', `Cloudflare ${what}: no answer`);
    return out.value;
  }

  /** An SDK error as a ZonesmithError carrying Cloudflare's own messages and no credential. */
  wrap(what: string, err: unknown): ZonesmithError {
    if (err instanceof ZonesmithError) return err;
    if (err instanceof WaitTooLongError) return new ZonesmithError('cloudflare-throttled', `Cloudflare ${what}: ${err.message}`);
    const status = httpStatus(err);
    const messages = errorMessages(err);
    const text = this.redact(messages.length > 0 ? messages.join('; ') : err instanceof Error ? err.message : String(err));
    const code = status === 401 || status === 403 ? 'cloudflare-access-denied'
      : status === 429 ? 'cloudflare-throttled'
        : status !== undefined && status < 500 ? 'cloudflare-rejected'
          : 'cloudflare-api-error';
    // The cause keeps the text only: the SDK error also holds the response headers.
    return new ZonesmithError(code, `Cloudflare ${what} failed: ${status !== undefined ? `HTTP ${status}` : 'no answer'}: ${text}`, { cause: new Error(text) });
  }

  private redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }
}

/** Cloudflare's `errors[]` as `message (code)` lines. */
export function errorMessages(err: unknown): string[] {
  if (!(err instanceof APIError)) return [];
  return (err.errors ?? []).map((e) => `${e.message ?? 'error'}${e.code !== undefined ? ` (${e.code})` : ''}`);
}

/** Which operation of a batch an error names. */
export interface OpPointer {
  readonly list: 'deletes' | 'patches' | 'puts' | 'posts';
  readonly index: number;
}

/** The `source.pointer` of Cloudflare's first error (`/posts/3`), when it names an operation. */
export function errorPointer(err: unknown): OpPointer | undefined {
  if (!(err instanceof APIError)) return undefined;
  const p = (err.errors ?? [])[0]?.source?.pointer;
  const m = p ? /^\/(deletes|patches|puts|posts)\/(\d+)/.exec(p) : null;
  return m ? { list: m[1] as OpPointer['list'], index: Number(m[2]) } : undefined;
}

/** A batch that failed, with the operation Cloudflare's error points at (when it does). */
export class BatchFailure extends ZonesmithError {
  constructor(inner: ZonesmithError, readonly pointer: OpPointer | undefined) {
    super(inner.code, inner.message, { cause: inner.cause });
    this.name = 'ZonesmithError';
  }
}
