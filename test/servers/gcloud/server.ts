/**
 * A local Cloud DNS v1 API server for tests: JSON over TLS on 127.0.0.1 (random port), so that
 * `@google-cloud/dns` reaches it through its real HTTP stack (the SDK always speaks https; the test
 * CA is trusted through the provider's `ca_file`). It plays Google's OAuth token endpoint too, so
 * the SDK's real service-account sign-in runs, and it checks the bearer token on every call. It
 * keeps state in memory, validates and applies Changes atomically, pages its lists, counts requests
 * and can inject faults.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keyFileFields, makeServiceAccount, TokenAuthority, type ServiceAccount } from './auth.js';
import { applyChange, parseChange, type ParsedChange } from './change.js';
import { GoogleError, invalid } from './errors.js';
import { Faults, type OpName } from './faults.js';
import { compareRrsets, GcloudState, type StoredChange, type StoredRrset, type StoredZone } from './state.js';
import { testTls } from './tls.js';

/** Options for the test server. */
export interface GcloudServerOptions {
  /** The one project the server holds (default `zonesmith-test`). */
  readonly project?: string;
  /** Largest managedZones.list page. */
  readonly zonePageLimit?: number;
  /** Largest resourceRecordSets.list page. */
  readonly rrsetPageLimit?: number;
  /** changes.get answers `pending` this many times before `done` (default 0: done at the first get). */
  readonly pendingGets?: number;
  /** Record sets per zone (Cloud DNS: 10,000 unless Google raised the project's limit). */
  readonly rrsetsPerZone?: number;
}

/** One request the server saw. */
export interface SeenRequest {
  readonly op: OpName | 'unknown';
  readonly status: number;
}

/** A committed Change with its zone. */
export interface CommittedChange extends ParsedChange {
  readonly zone: string;
}

/** A running server. `endpoint`, `tokenUri` and `caFile` go into the provider's settings. */
export class GcloudServer {
  readonly state = new GcloudState();
  readonly faults = new Faults();
  readonly auth: TokenAuthority;
  /** Every request in arrival order. */
  readonly requests: SeenRequest[] = [];
  /** The Changes that were applied, in order. */
  readonly committed: CommittedChange[] = [];
  readonly project: string;
  /** The default service account (roles/dns.admin). */
  readonly account: ServiceAccount;
  /** `127.0.0.1:<port>`, the provider's `endpoint`. */
  endpoint = '';
  private readonly server: Server;

  private constructor(private readonly options: GcloudServerOptions) {
    this.project = options.project ?? 'zonesmith-test';
    this.auth = new TokenAuthority(() => this.tokenUri);
    this.account = this.addAccount(`zonesmith@${this.project}.iam.gserviceaccount.com`);
    const tls = testTls();
    this.server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => void this.handle(req, res));
  }

  /** Starts a server on 127.0.0.1 with a random port. */
  static async start(options: GcloudServerOptions = {}): Promise<GcloudServer> {
    const s = new GcloudServer(options);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.endpoint = `127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /** The token endpoint (what a key file's `token_uri` says). */
  get tokenUri(): string {
    return `https://${this.endpoint}/token`;
  }

  /** The CA file the provider must trust. */
  get caFile(): string {
    return testTls().caFile;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Registers a service account (its own RSA key) and returns it. */
  addAccount(email: string, role: ServiceAccount['role'] = 'roles/dns.admin', project = this.project): ServiceAccount {
    const sa = makeServiceAccount(email, project, role);
    this.auth.add(sa);
    return sa;
  }

  /** A GCLOUD creds.json entry for `sa` (default: the admin account) pointing at this server. */
  creds(sa: ServiceAccount = this.account): Record<string, string> {
    return { ...keyFileFields(sa, this.tokenUri), endpoint: this.endpoint, ca_file: this.caFile };
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

  /** Creates a zone directly (no request counted). */
  seedZone(dnsName: string, name = `zone-${dnsName.replace(/\.$/, '').replace(/\./g, '-')}`, visibility: 'public' | 'private' = 'public'): StoredZone {
    return this.state.createZone({ name, dnsName: dnsName.endsWith('.') ? dnsName : `${dnsName}.`, visibility });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let op: OpName | 'unknown' = 'unknown';
    let status = 200;
    let body = '';
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const payload = await readBody(req);
      if (url.pathname === '/token' && req.method === 'POST') {
        op = 'token';
        const fault = this.faults.next(op);
        if (fault) throw new GoogleError(fault.status, fault.reason, fault.message);
        ({ status, body } = this.auth.token(payload));
      } else {
        const route = matchRoute(req.method ?? 'GET', url.pathname);
        if (!route) throw new GoogleError(404, 'notFound', `The requested URL ${url.pathname} was not found on this server.`);
        op = route.op;
        const sa = this.auth.check(req.headers.authorization);
        if (route.project !== sa.project) throw new GoogleError(403, 'forbidden', `Permission denied on resource project ${route.project}.`);
        if (sa.role === 'roles/dns.reader' && (op === 'managedZones.create' || op === 'changes.create')) {
          throw new GoogleError(403, 'forbidden', `The caller does not have permission (${sa.role} has no dns.changes.create / dns.managedZones.create)`);
        }
        const fault = this.faults.next(op);
        if (fault?.when === 'before') throw new GoogleError(fault.status, fault.reason, fault.message);
        body = JSON.stringify(this.dispatch(route, url.searchParams, payload));
        if (fault?.when === 'after') throw new GoogleError(fault.status, fault.reason, fault.message);
        if (fault?.when === 'drop') {
          this.requests.push({ op, status: 0 });
          req.socket.destroy();
          return;
        }
      }
    } catch (e) {
      const err = e instanceof GoogleError ? e : new GoogleError(500, 'backendError', `Internal error encountered: ${String(e)}`);
      status = err.status;
      body = err.body();
    }
    this.requests.push({ op, status });
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(body);
  }

  private dispatch(route: Route, q: URLSearchParams, payload: string): unknown {
    switch (route.op) {
      case 'managedZones.list':
        return this.listZones(q);
      case 'managedZones.create':
        return zoneJson(this.createZone(parseJson(payload)));
      case 'managedZones.get':
        return zoneJson(this.zoneOr404(route.zone!));
      case 'resourceRecordSets.list':
        return this.listRrsets(this.zoneOr404(route.zone!), q);
      case 'changes.create':
        return this.createChange(this.zoneOr404(route.zone!), parseJson(payload));
      case 'changes.get': {
        const zone = this.zoneOr404(route.zone!);
        const c = zone.changes.find((x) => x.id === route.change);
        if (!c) throw new GoogleError(404, 'notFound', `The 'parameters.changeId' resource named '${route.change}' does not exist.`);
        c.gets++;
        return changeJson(c, c.gets > (this.options.pendingGets ?? 0) ? 'done' : 'pending');
      }
      default:
        throw new GoogleError(404, 'notFound', 'Not found');
    }
  }

  private zoneOr404(name: string): StoredZone {
    const z = this.state.zones.get(name);
    if (!z) throw new GoogleError(404, 'notFound', `The 'parameters.managedZone' resource named '${name}' does not exist.`);
    return z;
  }

  private listZones(q: URLSearchParams): unknown {
    const dnsName = q.get('dnsName');
    const all = [...this.state.zones.values()]
      .filter((z) => dnsName === null || z.dnsName === (dnsName.endsWith('.') ? dnsName : `${dnsName}.`).toLowerCase())
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const after = decodeToken(q.get('pageToken'));
    const from = after === undefined ? 0 : all.findIndex((z) => z.name > (after[0] ?? ''));
    const limit = pageSize(q, this.options.zonePageLimit ?? 100);
    const start = from < 0 ? all.length : from;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      kind: 'dns#managedZonesListResponse',
      managedZones: page.map(zoneJson),
      ...(more ? { nextPageToken: encodeToken([page[page.length - 1]!.name]) } : {}),
    };
  }

  private createZone(body: unknown): StoredZone {
    const b = (body ?? {}) as { name?: unknown; dnsName?: unknown; description?: unknown; visibility?: unknown; nameServerSet?: unknown };
    if (typeof b.name !== 'string' || !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(b.name)) throw invalid(`Invalid value for 'entity.managedZone.name': '${String(b.name)}'`);
    if (typeof b.dnsName !== 'string' || !b.dnsName.endsWith('.') || b.dnsName === '.') throw invalid(`Invalid value for 'entity.managedZone.dnsName': '${String(b.dnsName)}'`);
    if (typeof b.description !== 'string') throw new GoogleError(400, 'required', "Required field 'entity.managedZone.description' not specified");
    if (this.state.zones.has(b.name)) throw new GoogleError(409, 'alreadyExists', `The resource 'entity.managedZone' named '${b.name}' already exists`);
    const visibility = b.visibility === 'private' ? 'private' : 'public';
    return this.state.createZone({ name: b.name, dnsName: b.dnsName, description: b.description, visibility, ...(typeof b.nameServerSet === 'string' ? { nameServerSet: b.nameServerSet } : {}) });
  }

  private listRrsets(zone: StoredZone, q: URLSearchParams): unknown {
    const name = q.get('name')?.toLowerCase();
    const type = q.get('type');
    let all = this.state.sorted(zone);
    if (name !== undefined) all = all.filter((r) => r.name === name && (type === null || r.type === type));
    const after = decodeToken(q.get('pageToken'));
    let start = 0;
    if (after !== undefined) {
      // Binary search for the first set after the last one sent (stable even if the zone changed).
      const key = { name: after[0] ?? '', type: after[1] ?? '' };
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareRrsets(all[mid]!, key) <= 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const limit = pageSize(q, this.options.rrsetPageLimit ?? 1000);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const last = page[page.length - 1];
    return {
      kind: 'dns#resourceRecordSetsListResponse',
      rrsets: page.map(rrsetJson),
      ...(more && last ? { nextPageToken: encodeToken([last.name, last.type]) } : {}),
    };
  }

  private createChange(zone: StoredZone, body: unknown): unknown {
    const change = parseChange(body, zone);
    applyChange(zone, change, this.options.rrsetsPerZone);
    this.committed.push({ zone: zone.name, ...change });
    const stored: StoredChange = { id: String(zone.changes.length + 1), startTime: new Date().toISOString(), additions: change.additions, deletions: change.deletions, gets: 0 };
    zone.changes.push(stored);
    return changeJson(stored, 'pending');
  }
}

interface Route {
  readonly op: OpName;
  readonly project: string;
  readonly zone?: string;
  readonly change?: string;
}

function matchRoute(method: string, path: string): Route | undefined {
  const m = /^\/dns\/v1\/projects\/([^/]+)\/managedZones(?:\/([^/]+)(?:\/(rrsets|changes)(?:\/([^/]+))?)?)?\/?$/.exec(path);
  if (!m) return undefined;
  const project = decodeURIComponent(m[1]!);
  const zone = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  const sub = m[3];
  const change = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
  if (zone === undefined) return method === 'GET' ? { op: 'managedZones.list', project } : method === 'POST' ? { op: 'managedZones.create', project } : undefined;
  if (sub === undefined) return method === 'GET' ? { op: 'managedZones.get', project, zone } : undefined;
  if (sub === 'rrsets' && change === undefined && method === 'GET') return { op: 'resourceRecordSets.list', project, zone };
  if (sub === 'changes' && change === undefined && method === 'POST') return { op: 'changes.create', project, zone };
  if (sub === 'changes' && change !== undefined && method === 'GET') return { op: 'changes.get', project, zone, change };
  return undefined;
}

function pageSize(q: URLSearchParams, cap: number): number {
  const asked = Number(q.get('maxResults') ?? cap);
  if (!Number.isInteger(asked) || asked < 1) throw invalid(`Invalid value for 'parameters.maxResults': '${q.get('maxResults')}'`);
  return Math.min(asked, cap);
}

function encodeToken(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeToken(token: string | null): string[] | undefined {
  if (token === null || token === '') return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // fall through
  }
  throw invalid(`Invalid value for 'parameters.pageToken': '${token}'`);
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    throw invalid('Invalid JSON payload received.');
  }
}

function zoneJson(z: StoredZone): unknown {
  return {
    kind: 'dns#managedZone',
    name: z.name,
    dnsName: z.dnsName,
    description: z.description,
    id: z.id,
    nameServers: z.nameServers,
    creationTime: z.creationTime,
    visibility: z.visibility,
    ...(z.nameServerSet !== undefined ? { nameServerSet: z.nameServerSet } : {}),
  };
}

function rrsetJson(r: StoredRrset): unknown {
  return { kind: 'dns#resourceRecordSet', name: r.name, type: r.type, ttl: r.ttl, rrdatas: r.rrdatas };
}

function changeJson(c: StoredChange, status: 'pending' | 'done'): unknown {
  return { kind: 'dns#change', id: c.id, startTime: c.startTime, status, additions: c.additions.map(rrsetJson), deletions: c.deletions.map(rrsetJson) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
