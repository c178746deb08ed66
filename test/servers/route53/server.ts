/**
 * A local Route 53 API server for tests: REST-XML on 127.0.0.1 (random port), in Route 53's real
 * wire format so that `@aws-sdk/client-route-53` talks to it through its real HTTP stack via the
 * `endpoint` setting. It keeps state in memory, validates and applies change batches atomically,
 * counts requests and can inject faults.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyBatch, InvalidChangeBatchError, type BatchChange } from './batch.js';
import { Faults, type OpName } from './faults.js';
import { sortName, storedName } from './names.js';
import { InvalidInputError, parseChangeRequest, parseCreateZone } from './requests.js';
import { changeInfo, delegationSet, doc, errorDoc, hostedZone, resourceRecordSet } from './responses.js';
import { compareOrder, Route53State, type StoredZone } from './state.js';
import type { XmlElement } from './xml.js';

/** Options for the test server. */
export interface Route53ServerOptions {
  /** Largest ListResourceRecordSets page (Route 53: 300). Lower it to exercise paging cheaply. */
  readonly recordPageLimit?: number;
  /** Largest ListHostedZones page (Route 53: 100). */
  readonly zonePageLimit?: number;
  /** GetChange answers PENDING this many times before INSYNC (default 1). */
  readonly pendingPolls?: number;
  /** When set, requests signed with another access key id are refused (InvalidClientTokenId). */
  readonly accessKeyId?: string;
}

/** One request the server saw. */
export interface SeenRequest {
  readonly op: OpName | 'Unknown';
  readonly status: number;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** A running server; `endpoint` goes into the provider's `endpoint` setting. */
export class Route53Server {
  readonly state = new Route53State();
  readonly faults = new Faults();
  /** Every request in arrival order. */
  readonly requests: SeenRequest[] = [];
  /** The change batches that were committed, in order. */
  readonly committed: BatchChange[][] = [];
  /** Access key ids seen in Authorization headers. */
  readonly accessKeyIds = new Set<string>();
  endpoint = '';
  private readonly server: Server;
  private requestCounter = 0;

  private constructor(private readonly options: Route53ServerOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Starts a server on 127.0.0.1 with a random port. */
  static async start(options: Route53ServerOptions = {}): Promise<Route53Server> {
    const s = new Route53Server(options);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.endpoint = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** How many requests of `op` arrived (all outcomes). */
  count(op: OpName): number {
    return this.requests.filter((r) => r.op === op).length;
  }

  /** Forgets the request log (state is kept). */
  resetCounts(): void {
    this.requests.length = 0;
    this.committed.length = 0;
  }

  /** Creates a zone directly (no request counted) and returns it. */
  seedZone(name: string): StoredZone {
    return this.state.createZone(name, `seed-${name}-${this.state.zones.size}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req-${++this.requestCounter}`;
    let op: OpName | 'Unknown' = 'Unknown';
    let status = 200;
    let body = '';
    const headers: Record<string, string> = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = matchRoute(req.method ?? 'GET', url.pathname);
      const payload = await readBody(req);
      if (!route) throw new HttpError(404, 'UnknownOperationException', `Unknown operation ${req.method} ${url.pathname}`);
      op = route.op;
      this.checkAuth(req);
      const fault = this.faults.next(op);
      if (fault) throw new HttpError(fault.status, fault.code, fault.message);
      const result = this.dispatch(route, url.searchParams, payload);
      status = result.status ?? 200;
      body = result.body;
      Object.assign(headers, result.headers ?? {});
    } catch (e) {
      if (e instanceof HttpError) {
        status = e.status;
        body = errorDoc(e.code, e.message, requestId, e.status >= 500 ? 'Receiver' : 'Sender');
      } else if (e instanceof InvalidChangeBatchError) {
        status = 400;
        body = errorDoc('InvalidChangeBatch', e.message, requestId);
      } else if (e instanceof InvalidInputError) {
        status = 400;
        body = errorDoc('InvalidInput', e.message, requestId);
      } else {
        status = 500;
        body = errorDoc('InternalFailure', String(e), requestId, 'Receiver');
      }
    }
    this.requests.push({ op, status });
    res.writeHead(status, headers);
    res.end(body);
  }

  private checkAuth(req: IncomingMessage): void {
    const auth = req.headers.authorization ?? '';
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(auth);
    if (!m) throw new HttpError(403, 'MissingAuthenticationToken', 'Missing Authentication Token');
    this.accessKeyIds.add(m[1]!);
    if (this.options.accessKeyId !== undefined && m[1] !== this.options.accessKeyId) {
      throw new HttpError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    }
  }

  private dispatch(route: Route, q: URLSearchParams, payload: string): { status?: number; body: string; headers?: Record<string, string> } {
    switch (route.op) {
      case 'ListHostedZones':
        return { body: this.listHostedZones(q) };
      case 'CreateHostedZone':
        return this.createHostedZone(payload);
      case 'GetHostedZone': {
        const z = this.zoneOr404(route.id!);
        return { body: doc('GetHostedZoneResponse', [hostedZone(z), delegationSet(z)]) };
      }
      case 'ListResourceRecordSets':
        return { body: this.listRecordSets(this.zoneOr404(route.id!), q) };
      case 'ChangeResourceRecordSets':
        return { body: this.changeRecordSets(this.zoneOr404(route.id!), payload) };
      case 'GetChange': {
        const c = this.state.changes.get(route.id!.replace(/^\/?change\//, ''));
        if (!c) throw new HttpError(404, 'NoSuchChange', `A change with the specified change ID does not exist.`);
        c.polls++;
        return { body: doc('GetChangeResponse', [changeInfo(c, c.polls > (this.options.pendingPolls ?? 1))]) };
      }
    }
  }

  private zoneOr404(id: string): StoredZone {
    const z = this.state.zone(id);
    if (!z) throw new HttpError(404, 'NoSuchHostedZone', `No hosted zone found with ID: ${id.replace(/^\/?hostedzone\//, '')}`);
    return z;
  }

  private listHostedZones(q: URLSearchParams): string {
    const limit = Math.min(Number(q.get('maxitems') ?? 100), this.options.zonePageLimit ?? 100);
    const zones = [...this.state.zones.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const marker = q.get('marker');
    const start = marker ? zones.findIndex((z) => z.id >= marker) : 0;
    const from = start < 0 ? zones.length : start;
    const page = zones.slice(from, from + limit);
    const next = zones[from + limit];
    return doc('ListHostedZonesResponse', [
      ['HostedZones', page.map(hostedZone)],
      ['Marker', marker ?? ''],
      ['IsTruncated', next !== undefined],
      ['NextMarker', next?.id],
      ['MaxItems', limit],
    ]);
  }

  private createHostedZone(payload: string): { status: number; body: string; headers: Record<string, string> } {
    const input = parseCreateZone(payload);
    if ([...this.state.zones.values()].some((z) => z.callerReference === input.callerReference)) {
      throw new HttpError(409, 'HostedZoneAlreadyExists', `A hosted zone has already been created with the specified caller reference.`);
    }
    if (!/^([a-z0-9_-]+\.)*[a-z0-9_-]+\.?$/i.test(input.name)) throw new HttpError(400, 'InvalidDomainName', `${input.name} is not a valid domain name`);
    const z = this.state.createZone(input.name, input.callerReference, input);
    const change = this.state.newChange();
    return {
      status: 201,
      headers: { location: `${this.endpoint}/2013-04-01/hostedzone/${z.id}` },
      body: doc('CreateHostedZoneResponse', [hostedZone(z), changeInfo(change, false), delegationSet(z)]),
    };
  }

  private listRecordSets(z: StoredZone, q: URLSearchParams): string {
    const limit = Math.min(Number(q.get('maxitems') ?? 300), this.options.recordPageLimit ?? 300, 300);
    const name = q.get('name');
    const type = q.get('type');
    const identifier = q.get('identifier');
    if (type !== null && name === null) throw new HttpError(400, 'InvalidInput', 'The input is not valid: Type can only be specified when Name is specified.');
    const all = this.state.sortedRrsets(z);
    let start = 0;
    if (name !== null) {
      // Binary search for the first record set at or after (name, type, identifier).
      const from = [sortName(storedName(name)), type ?? '', identifier ?? ''];
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareOrder(all[mid]!.order, from) < 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const page = all.slice(start, start + limit).map((e) => e.rrset);
    const next = all[start + limit]?.rrset;
    const elements: XmlElement[] = [
      ['ResourceRecordSets', page.map(resourceRecordSet)],
      ['IsTruncated', next !== undefined],
      ['NextRecordName', next?.name],
      ['NextRecordType', next?.type],
      ['NextRecordIdentifier', next?.setIdentifier],
      ['MaxItems', limit],
    ];
    return doc('ListResourceRecordSetsResponse', elements);
  }

  private changeRecordSets(z: StoredZone, payload: string): string {
    const { comment, changes } = parseChangeRequest(payload);
    applyBatch(z, changes);
    this.committed.push(changes);
    const change = this.state.newChange(comment);
    return doc('ChangeResourceRecordSetsResponse', [changeInfo(change, false)]);
  }
}

interface Route {
  readonly op: OpName;
  readonly id?: string;
}

function matchRoute(method: string, path: string): Route | undefined {
  // Ids may arrive bare (`Z123`) or as the SDK received them (`/hostedzone/Z123`, URL-encoded).
  const seg = path.replace(/\/+$/, '').split('/').slice(1).map((s) => decodeURIComponent(s).replace(/^\/?(hostedzone|change)\//, ''));
  if (seg[0] !== '2013-04-01') return undefined;
  const [kind, id, sub] = [seg[1], seg[2], seg[3]];
  if (kind === 'hostedzone') {
    if (id === undefined) return method === 'GET' ? { op: 'ListHostedZones' } : method === 'POST' ? { op: 'CreateHostedZone' } : undefined;
    if (sub === undefined && seg.length === 3 && method === 'GET') return { op: 'GetHostedZone', id };
    if (sub === 'rrset' && seg.length === 4) return { op: method === 'POST' ? 'ChangeResourceRecordSets' : 'ListResourceRecordSets', id };
  }
  if (kind === 'change' && id !== undefined && seg.length === 3 && method === 'GET') return { op: 'GetChange', id };
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
