/**
 * Google's OAuth 2.0 token endpoint for service accounts, as the local server plays it: the client
 * posts `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>` (RFC 7523); the
 * JWT is RS256-signed with the account's private key and names the account (`iss`), the scopes
 * (`scope`), the audience (`aud`) and its lifetime (`iat`, `exp`). The server checks the signature
 * with the account's public key, hands out an opaque access token, and every API call must carry
 * it as `Authorization: Bearer <token>`. Roles decide what the token may do, as IAM would:
 * roles/dns.reader reads, roles/dns.admin also writes.
 */
import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { GoogleError } from './errors.js';

/** A service account the server knows. */
export interface ServiceAccount {
  readonly email: string;
  readonly project: string;
  readonly role: 'roles/dns.admin' | 'roles/dns.reader';
  readonly keyId: string;
  /** PKCS#8 PEM, as a key file holds it. */
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

const KEYS = Symbol.for('zonesmith.test.gcloud-keys');

/** A service account with an RSA key made for it (one key per email per process, 2048 bits). */
export function makeServiceAccount(email: string, project: string, role: ServiceAccount['role'] = 'roles/dns.admin'): ServiceAccount {
  const g = globalThis as unknown as Record<symbol, Map<string, { privateKeyPem: string; publicKeyPem: string }> | undefined>;
  const cache = (g[KEYS] ??= new Map());
  let pair = cache.get(email);
  if (!pair) {
    const kp = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    pair = { privateKeyPem: kp.privateKey, publicKeyPem: kp.publicKey };
    cache.set(email, pair);
  }
  return { email, project, role, keyId: randomBytes(20).toString('hex'), ...pair };
}

/** The creds.json fields of a service account key file (DNSControl's GCLOUD entry), pointing at `tokenUri`. */
export function keyFileFields(sa: ServiceAccount, tokenUri: string): Record<string, string> {
  return {
    type: 'service_account',
    project_id: sa.project,
    private_key_id: sa.keyId,
    private_key: sa.privateKeyPem,
    client_email: sa.email,
    client_id: '100000000000000000001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: tokenUri,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(sa.email)}`,
  };
}

/** Audiences a token request may name: Google's token URL (what google-auth-library signs) or the server's own. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const DNS_SCOPES = ['https://www.googleapis.com/auth/ndev.clouddns.readwrite', 'https://www.googleapis.com/auth/ndev.clouddns.readonly', 'https://www.googleapis.com/auth/cloud-platform'];

/** Issues and checks access tokens. */
export class TokenAuthority {
  readonly accounts = new Map<string, ServiceAccount>();
  private readonly tokens = new Map<string, { email: string; expires: number }>();
  /** Every assertion's claims, for tests that look at what the client signed. */
  readonly claims: Record<string, unknown>[] = [];

  constructor(private readonly ownTokenUrl: () => string) {}

  /** Registers an account. */
  add(sa: ServiceAccount): void {
    this.accounts.set(sa.email, sa);
  }

  /** Answers a token request (form-encoded body); returns status and JSON body. */
  token(form: string, now = Date.now()): { status: number; body: string } {
    const fail = (error: string, description: string): { status: number; body: string } => ({ status: 400, body: JSON.stringify({ error, error_description: description }) });
    const q = new URLSearchParams(form);
    if (q.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return fail('unsupported_grant_type', 'Invalid grant_type.');
    const parts = (q.get('assertion') ?? '').split('.');
    if (parts.length !== 3) return fail('invalid_request', 'Invalid JWT.');
    const [h, p, s] = parts as [string, string, string];
    let header: { alg?: string };
    let claims: { iss?: string; scope?: string; aud?: string; iat?: number; exp?: number };
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    } catch {
      return fail('invalid_request', 'Invalid JWT.');
    }
    this.claims.push(claims);
    const sa = this.accounts.get(claims.iss ?? '');
    if (!sa) return fail('invalid_grant', 'Invalid grant: account not found');
    if (header.alg !== 'RS256' || !verify('RSA-SHA256', Buffer.from(`${h}.${p}`), sa.publicKeyPem, Buffer.from(s, 'base64url'))) {
      return fail('invalid_grant', 'Invalid JWT Signature.');
    }
    if (claims.aud !== GOOGLE_TOKEN_URL && claims.aud !== this.ownTokenUrl()) return fail('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
    const t = Math.floor(now / 1000);
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= t || claims.iat > t + 300 || claims.exp - claims.iat > 3600) {
      return fail('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
    }
    const scopes = (claims.scope ?? '').split(' ');
    if (!scopes.some((x) => DNS_SCOPES.includes(x))) return fail('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    const token = `ya29.test-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { email: sa.email, expires: now + 3600_000 });
    return { status: 200, body: JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }) };
  }

  /** The account behind an Authorization header; throws 401 as Google does. */
  check(authorization: string | undefined, now = Date.now()): ServiceAccount {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    const t = m ? this.tokens.get(m[1]!) : undefined;
    const sa = t && t.expires > now ? this.accounts.get(t.email) : undefined;
    if (!sa) {
      throw new GoogleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
    }
    return sa;
  }

  /** Tokens issued so far. */
  get issued(): number {
    return this.tokens.size;
  }
}
