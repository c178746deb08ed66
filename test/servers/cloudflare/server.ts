/**
 * A local Cloudflare API v4 server for tests: JSON over HTTP on 127.0.0.1 (random port), so the
 * official `cloudflare` SDK talks to it through its real HTTP stack via `baseURL`. It keeps zones and
 * DNS records in memory, paginates lists with `result_info`, runs `dns_records/batch` as one
 * transaction, enforces the per-batch limit and the record rules Cloudflare enforces, checks the
 * auth headers, counts requests and can inject 429s and 5xx answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchSize, executeBatch } from './batch.js';
import { ApiError, badRequest, CODES } from './errors.js';
import { Faults, type OpName } from './faults.js';
import { buildRecord, recordJson, type RecordLimits, type StoredRecord } from './record.js';
import { failure, ok, page, zoneJson } from './responses.js';
import { checkName } from './rules.js';
import { CloudflareState, type StoredZone } from './state.js';

/** Options for the test server. */
export interface CloudflareServerOptions {
  /** The API token the server accepts (`Authorization: Bearer`); default `test-token`. */
  readonly apiToken?: string;
  /** A token that may only read (Zone:Read + DNS:Read); writes with it get 403. */
  readonly readOnlyToken?: string;
  /** The legacy key pair (`X-Auth-Email` + `X-Auth-Key`) the server accepts, if any. */
  readonly apiKey?: { readonly email: string; readonly key: string };
  /** The account zones belong to; default 32 × `a`. */
  readonly accountId?: string;
  /** Operations per batch (Free 200; paid plans 3,500). */
  readonly batchLimit?: number;
  /** Largest `per_page` for DNS record lists (the API allows up to 5,000,000). */
  readonly recordPageLimit?: number;
  /** Largest `per_page` for zone lists (the API allows 5-50). */
  readonly zonePageLimit?: number;
  /** Lowest TTL other than 1 (60; 30 on Enterprise). */
  readonly minTtl?: number;
  /** Longest record comment (100 on Free). */
  readonly commentLength?: number;
}

/** One request the server saw. */
export interface SeenRequest {
  readonly op: OpName | 'unknown';
  readonly method: string;
  readonly status: number;
  /** Operations in a batch request. */
  readonly operations?: number;
}

const API_PREFIX = '/client/v4';

/** A running server; `baseURL` goes into the provider's `baseurl` setting. */
export class CloudflareServer {
  readonly state = new CloudflareState();
  readonly faults = new Faults();
  /** Every request, in arrival order. */
  readonly requests: SeenRequest[] = [];
  /** Sizes of the batches that were committed, in order. */
  readonly committed: number[] = [];
  /** Authentication styles seen (`token`, `key`). */
  readonly authSeen = new Set<string>();
  baseURL = '';
  readonly accountId: string;
  private readonly server: Server;
  private readonly limits: RecordLimits;

  private constructor(private readonly options: CloudflareServerOptions) {
    this.accountId = options.accountId ?? 'a'.repeat(32);
    this.limits = { minTtl: options.minTtl ?? 60, commentLength: options.commentLength ?? 100 };
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Starts a server on 127.0.0.1 with a random port. */
  static async start(options: CloudflareServerOptions = {}): Promise<CloudflareServer> {
    const s = new CloudflareServer(options);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.baseURL = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}${API_PREFIX}`;
    return s;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests of `op` so far (every outcome). */
  count(op: OpName): number {
    return this.requests.filter((r) => r.op === op).length;
  }

  /** Forgets the request log (state is kept). */
  resetCounts(): void {
    this.requests.length = 0;
    this.committed.length = 0;
  }

  /** Creates a zone directly (no request counted). */
  seedZone(name: string): StoredZone {
    return this.state.createZone(name, this.accountId);
  }

  /** Adds a record directly, bypassing validation (to stage what older APIs stored). */
  seedRecord(zone: StoredZone, r: Omit<StoredRecord, 'id' | 'createdOn' | 'modifiedOn'>): StoredRecord {
    const now = this.state.now();
    const rec: StoredRecord = { ...r, id: this.state.nextId(), createdOn: now, modifiedOn: now };
    zone.records.put(rec);
    return rec;
  }

  /** The records of a zone as the API shows them. */
  records(zone: StoredZone): Record<string, unknown>[] {
    return [...zone.records.byId.values()].map((r) => recordJson(r, zone));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let op: OpName | 'unknown' = 'unknown';
    let status = 200;
    let body: string;
    let operations: number | undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = await readBody(req);
      const route = matchRoute(req.method ?? 'GET', url.pathname);
      if (!route) throw new ApiError(404, [{ code: CODES.routeUnknown, message: `No route for that URI` }]);
      op = route.op;
      this.checkAuth(req, route.op);
      let payload: unknown;
      if (raw !== '') {
        try {
          payload = JSON.parse(raw);
        } catch {
          throw badRequest(6007, 'Malformed JSON in request body');
        }
      }
      if (op === 'records.batch') operations = batchSize(payload);
      const fault = this.faults.next(op);
      if (fault && !fault.afterWork) {
        throw new ApiError(fault.status, [{ code: fault.code, message: fault.message }], fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
      }
      const out = this.dispatch(route, url.searchParams, payload);
      if (fault) throw new ApiError(fault.status, [{ code: fault.code, message: fault.message }]);
      status = out.status ?? 200;
      body = out.body;
    } catch (e) {
      if (e instanceof ApiError) {
        status = e.status;
        body = failure(e.items);
        Object.assign(headers, e.headers);
      } else {
        status = 500;
        body = failure([{ code: CODES.internal, message: `internal error: ${String(e)}` }]);
      }
    }
    this.requests.push({ op, method: req.method ?? 'GET', status, ...(operations !== undefined ? { operations } : {}) });
    res.writeHead(status, headers);
    res.end(body);
  }

  private checkAuth(req: IncomingMessage, op: OpName): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const email = req.headers['x-auth-email'];
    const key = req.headers['x-auth-key'];
    const token = this.options.apiToken ?? 'test-token';
    if (bearer !== undefined) {
      this.authSeen.add('token');
      if (bearer === token) return;
      if (bearer === this.options.readOnlyToken) {
        if (op === 'zones.list' || op === 'zones.get' || op === 'records.list' || op === 'records.get') return;
        throw new ApiError(403, [{ code: CODES.authentication, message: 'Authentication error' }]);
      }
    } else if (email !== undefined || key !== undefined) {
      this.authSeen.add('key');
      const pair = this.options.apiKey;
      if (pair && email === pair.email && key === pair.key) return;
    }
    throw new ApiError(401, [{ code: CODES.authentication, message: 'Authentication error' }]);
  }

  private zone(id: string): StoredZone {
    const z = this.state.zones.get(id);
    if (!z) throw new ApiError(404, [{ code: CODES.routeUnknown, message: `Could not route to /zones/${id}, perhaps your object identifier is invalid?` }]);
    return z;
  }

  private dispatch(route: Route, q: URLSearchParams, payload: unknown): { status?: number; body: string } {
    switch (route.op) {
      case 'zones.list': {
        let zones = [...this.state.zones.values()];
        const name = q.get('name');
        if (name !== null) zones = zones.filter((z) => z.name === name.toLowerCase());
        const account = q.get('account.id');
        if (account !== null) zones = zones.filter((z) => z.accountId === account);
        const p = page(zones, q, { default: 20, min: 5, max: this.options.zonePageLimit ?? 50 });
        return { body: ok(p.items.map(zoneJson), p.info) };
      }
      case 'zones.create':
        return this.createZone(payload);
      case 'zones.get':
        return { body: ok(zoneJson(this.zone(route.zone!))) };
      case 'records.list': {
        const z = this.zone(route.zone!);
        let recs = [...z.records.byId.values()];
        const name = q.get('name.exact') ?? q.get('name');
        if (name !== null) recs = recs.filter((r) => r.name === name.toLowerCase().replace(/\.$/, ''));
        const type = q.get('type');
        if (type !== null) recs = recs.filter((r) => r.type === type);
        const content = q.get('content.exact') ?? q.get('content');
        if (content !== null) recs = recs.filter((r) => r.content === content);
        const p = page(recs, q, { default: 100, min: 1, max: this.options.recordPageLimit ?? 5_000_000 });
        return { body: ok(p.items.map((r) => recordJson(r, z)), p.info) };
      }
      case 'records.batch': {
        const z = this.zone(route.zone!);
        const result = executeBatch(this.state, z, payload, this.options.batchLimit ?? 200, this.limits);
        this.committed.push(result.deletes.length + result.patches.length + result.puts.length + result.posts.length);
        return { body: ok(result) };
      }
      default:
        return this.single(route, payload);
    }
  }

  private single(route: Route, payload: unknown): { status?: number; body: string } {
    const z = this.zone(route.zone!);
    const recs = z.records;
    const existing = route.record !== undefined ? recs.byId.get(route.record) : undefined;
    if (route.op !== 'records.create' && !existing) throw new ApiError(404, [{ code: CODES.recordMissing, message: 'Record does not exist.' }]);
    return recs.transaction(() => {
      switch (route.op) {
        case 'records.get':
          return { body: ok(recordJson(existing!, z)) };
        case 'records.delete':
          recs.remove(existing!.id);
          checkName(recs, existing!.name, z.name);
          return { body: ok({ id: existing!.id }) };
        default: {
          const mode = route.op === 'records.create' ? 'post' : route.op === 'records.edit' ? 'patch' : 'put';
          const rec = buildRecord(payload, z.name, this.limits, { id: this.state.nextId(), now: this.state.now() }, existing, mode);
          recs.put(rec);
          if (existing && existing.name !== rec.name) checkName(recs, existing.name, z.name);
          checkName(recs, rec.name, z.name, rec);
          return { body: ok(recordJson(rec, z)) };
        }
      }
    });
  }

  private createZone(payload: unknown): { body: string } {
    const p = (payload ?? {}) as { name?: unknown; account?: { id?: unknown } };
    if (typeof p.name !== 'string' || !/^([a-z0-9-]+\.)+[a-z0-9-]+\.?$/i.test(p.name)) throw badRequest(CODES.zoneInvalid, 'Invalid zone name');
    if (typeof p.account?.id !== 'string') throw badRequest(1002, 'account.id is required');
    if (p.account.id !== this.accountId) throw new ApiError(403, [{ code: 1002, message: 'Requestor does not have access to the account' }]);
    const name = p.name.toLowerCase().replace(/\.$/, '');
    if (this.state.zoneByName(name)) throw badRequest(CODES.zoneExists, `${name} already exists`);
    return { body: ok(zoneJson(this.state.createZone(name, p.account.id))) };
  }
}

interface Route {
  readonly op: OpName;
  readonly zone?: string;
  readonly record?: string;
}

function matchRoute(method: string, path: string): Route | undefined {
  if (!path.startsWith(`${API_PREFIX}/`)) return undefined;
  const seg = path.slice(API_PREFIX.length + 1).replace(/\/+$/, '').split('/').map(decodeURIComponent);
  if (seg[0] !== 'zones') return undefined;
  const [, zone, sub, record] = seg;
  if (zone === undefined) return method === 'GET' ? { op: 'zones.list' } : method === 'POST' ? { op: 'zones.create' } : undefined;
  if (sub === undefined) return method === 'GET' ? { op: 'zones.get', zone } : undefined;
  if (sub !== 'dns_records' || seg.length > 4) return undefined;
  if (record === undefined) return method === 'GET' ? { op: 'records.list', zone } : method === 'POST' ? { op: 'records.create', zone } : undefined;
  if (record === 'batch' && method === 'POST') return { op: 'records.batch', zone };
  const byMethod: Record<string, OpName> = { GET: 'records.get', PATCH: 'records.edit', PUT: 'records.update', DELETE: 'records.delete' };
  const op = byMethod[method];
  return op ? { op, zone, record } : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
