import { inspect } from 'node:util';
import { ZonesmithError } from '../../src/errors.js';

/**
 * A service account key that never prints: JSON, `String()` and `util.inspect` all show
 * `[redacted]`. Only the SDK gets the key itself, through {@link sdkCredentials}.
 */
export class GcloudCredentials {
  readonly #email: string;
  readonly #privateKey: string;
  readonly #privateKeyId: string | undefined;

  constructor(email: string, privateKey: string, privateKeyId?: string) {
    this.#email = email;
    this.#privateKey = privateKey;
    this.#privateKeyId = privateKeyId;
  }

  /** The service account key in the shape google-auth-library reads (a key file's fields). */
  sdkCredentials(): { client_email: string; private_key: string; private_key_id?: string } {
    return {
      client_email: this.#email,
      private_key: this.#privateKey,
      ...(this.#privateKeyId !== undefined ? { private_key_id: this.#privateKeyId } : {}),
    };
  }

  /** Every secret string (the key, its id and each line of its body), for scrubbing error messages. */
  secrets(): string[] {
    const lines = this.#privateKey.split('\n').map((l) => l.trim()).filter((l) => l.length >= 16 && !l.startsWith('-----'));
    return [this.#privateKey, this.#privateKeyId ?? '', ...lines].filter((s) => s.length >= 8);
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'GcloudCredentials [redacted]';
  }
}

/** A GCLOUD creds.json entry (plus NewDnsProvider metadata), checked. */
export interface GcloudSettings {
  readonly projectId: string;
  /** From the service account key fields; absent = Application Default Credentials (as DNSControl). */
  readonly credentials?: GcloudCredentials;
  /**
   * `token_uri` when it is not one of Google's own token endpoints (a test server or a compatible
   * API): token requests go there instead of Google's.
   */
  readonly tokenUri?: string;
  /** Host (and port) of the Cloud DNS API; absent = dns.googleapis.com. The SDK always speaks https. */
  readonly apiEndpoint?: string;
  /** PEM file of extra CA certificates to trust (tests, TLS-intercepting proxies); relative to the config. */
  readonly caFile?: string;
  /** DNSControl's `name_server_set`: used when zonesmith creates a zone. */
  readonly nameServerSet?: string;
  /** DNSControl's `visibility` metadata: only zones of this visibility are seen; new zones get it. */
  readonly visibility?: 'public' | 'private';
  /** DNSControl's `networks` metadata: VPC networks a private zone zonesmith creates is visible to. */
  readonly networks: readonly string[];
  /** Attempts per request when Cloud DNS throttles or fails (429, 5xx). */
  readonly maxAttempts: number;
  /** Test hook: replaces the real sleep between retries and polls. Never set from creds.json. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const GOOGLE_TOKEN_HOSTS = /(^|\.)(googleapis\.com|google\.com)$/;

/**
 * Checks a GCLOUD creds.json entry. Keys follow DNSControl's GCLOUD provider: the service account
 * key's own fields (`type`, `project_id`, `private_key_id`, `private_key`, `client_email`,
 * `token_uri`; the others are accepted and ignored) and `name_server_set`; plus zonesmith's
 * `endpoint`, `ca_file` and `max_attempts`. Errors name the key, never its value.
 */
export function parseGcloudSettings(creds: Readonly<Record<string, string>>, meta: Readonly<Record<string, unknown>> = {}): GcloudSettings {
  const projectId = nonEmpty(creds['project_id']);
  if (projectId === undefined) throw invalid('project_id', 'is required');
  const type = nonEmpty(creds['type']);
  if (type !== undefined && type !== 'service_account') {
    throw new ZonesmithError('gcloud-setting-unsupported', `GCLOUD setting "type" must be "service_account" (other key types are not supported; leave out private_key to use Application Default Credentials)`);
  }
  // A key copied through an environment variable often keeps its JSON "\n" escapes (DNSControl fixes them too).
  const privateKey = nonEmpty(creds['private_key'])?.replace(/\\n/g, '\n');
  const email = nonEmpty(creds['client_email']);
  let credentials: GcloudCredentials | undefined;
  if (privateKey !== undefined) {
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) throw invalid('private_key', 'is not a PEM private key ("-----BEGIN PRIVATE KEY-----...")');
    if (email === undefined) throw invalid('client_email', 'is required with private_key');
    credentials = new GcloudCredentials(email, privateKey, nonEmpty(creds['private_key_id']));
  }
  const tokenUri = nonEmpty(creds['token_uri']);
  if (tokenUri !== undefined && !/^https?:\/\/[^\s/]+/.test(tokenUri)) throw invalid('token_uri', 'must be an http:// or https:// URL');
  const attemptsText = nonEmpty(creds['max_attempts']) ?? '8';
  const maxAttempts = Number(attemptsText);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 50) throw invalid('max_attempts', 'must be a whole number from 1 to 50');
  const visibility = meta['visibility'];
  if (visibility !== undefined && visibility !== 'public' && visibility !== 'private') throw invalid('visibility', 'must be "public" or "private"');
  const networks = meta['networks'];
  if (networks !== undefined && (!Array.isArray(networks) || !networks.every((n) => typeof n === 'string'))) throw invalid('networks', 'must be a list of VPC network names or URLs');
  const nameServerSet = nonEmpty(creds['name_server_set']);
  const caFile = nonEmpty(creds['ca_file']);
  const apiEndpoint = parseEndpoint(nonEmpty(creds['endpoint']));
  return {
    projectId,
    ...(credentials ? { credentials } : {}),
    ...(tokenUri !== undefined && !GOOGLE_TOKEN_HOSTS.test(new URL(tokenUri).hostname) ? { tokenUri } : {}),
    ...(apiEndpoint !== undefined ? { apiEndpoint } : {}),
    ...(caFile !== undefined ? { caFile } : {}),
    ...(nameServerSet !== undefined ? { nameServerSet } : {}),
    ...(visibility !== undefined ? { visibility } : {}),
    networks: (networks as string[] | undefined) ?? [],
    maxAttempts,
  };
}

/**
 * `endpoint` as the SDK's `apiEndpoint` wants it: a host with an optional port. @google-cloud/dns
 * 5.3.2 builds `https://${apiEndpoint}/dns/v1` (build/src/index.js, checked 2026-11), so the scheme
 * can only be https and there is no room for a path.
 */
function parseEndpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^http:\/\//i.test(value)) throw invalid('endpoint', 'must use https: the Google Cloud DNS SDK always speaks https (for a test server with its own CA, see ca_file)');
  const m = /^(?:https:\/\/)?([^\s/?#]+)\/?$/i.exec(value);
  if (!m) throw invalid('endpoint', 'must be a host name with an optional port ("dns.example.net:8443"), optionally with https://, and no path');
  return m[1];
}

function invalid(key: string, what: string): ZonesmithError {
  return new ZonesmithError('gcloud-setting-invalid', `GCLOUD setting "${key}" ${what}`);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
