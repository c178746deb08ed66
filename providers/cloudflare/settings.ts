/**
 * The CLOUDFLAREAPI creds.json entry. Keys as DNSControl's provider has them (`apitoken`, or the
 * legacy `apikey` + `apiuser`; `accountid`; documentation/provider/cloudflareapi.md, checked
 * 2026-11), plus zonesmith's own: `baseurl` (tests and Cloudflare-compatible APIs; the environment's
 * CLOUDFLARE_BASE_URL otherwise), `batch_limit`, `per_page`, `max_attempts`, `max_retry_wait`,
 * `min_ttl`.
 */
import { inspect } from 'node:util';
import { ZonesmithError } from '../../src/errors.js';

/** Cloudflare credentials that never print: JSON, `String()` and `util.inspect` all show `[redacted]`. */
export class CloudflareCredentials {
  readonly #token: string | undefined;
  readonly #key: string | undefined;
  readonly #email: string | undefined;

  constructor(auth: { token: string } | { key: string; email: string }) {
    this.#token = 'token' in auth ? auth.token : undefined;
    this.#key = 'key' in auth ? auth.key : undefined;
    this.#email = 'email' in auth ? auth.email : undefined;
  }

  /** `token` for an API token, `key` for the legacy global key. */
  get kind(): 'token' | 'key' {
    return this.#token !== undefined ? 'token' : 'key';
  }

  /**
   * The SDK's auth options. Unused methods are null (not undefined), or the SDK would read
   * CLOUDFLARE_API_TOKEN / CLOUDFLARE_API_KEY / CLOUDFLARE_EMAIL from the environment and mix them in.
   */
  clientOptions(): { apiToken: string | null; apiKey: string | null; apiEmail: string | null; userServiceKey: null } {
    return { apiToken: this.#token ?? null, apiKey: this.#key ?? null, apiEmail: this.#email ?? null, userServiceKey: null };
  }

  /** Every secret string, for scrubbing them out of error messages. */
  secrets(): string[] {
    return [this.#token ?? '', this.#key ?? ''].filter((s) => s.length >= 4);
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'CloudflareCredentials [redacted]';
  }
}

/** A CLOUDFLAREAPI creds.json entry, checked. */
export interface CloudflareSettings {
  readonly credentials: CloudflareCredentials;
  /** Needed to create zones; also narrows zone listing to that account. */
  readonly accountId?: string;
  /** API base (`…/client/v4`); absent = the SDK's default, https://api.cloudflare.com/client/v4. */
  readonly baseURL?: string;
  /** Operations per batch request: 200 on Free, 3,500 on Pro, Business and Enterprise. */
  readonly batchLimit: number;
  /** DNS records per list page (the API allows up to 5,000,000). */
  readonly perPage: number;
  /** Attempts per request when Cloudflare answers 429, including the first. */
  readonly maxAttempts: number;
  /** The longest `retry-after` (ms) zonesmith waits; a longer one fails the request. */
  readonly maxRetryWaitMs: number;
  /** Lowest TTL other than automatic: 60, or 30 on Enterprise zones. */
  readonly minTtl: number;
  /** Test hook: replaces the real sleep between retries. Never set from creds.json. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const FREE_BATCH_LIMIT = 200;
const PAID_BATCH_LIMIT = 3500;

/**
 * Checks a CLOUDFLAREAPI entry. Errors name the key, never its value. `env` is the process
 * environment (for CLOUDFLARE_BASE_URL), passed in so tests control it.
 */
export function parseCloudflareSettings(creds: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>> = process.env): CloudflareSettings {
  const token = nonEmpty(creds['apitoken']);
  const key = nonEmpty(creds['apikey']);
  const user = nonEmpty(creds['apiuser']);
  if (token !== undefined && (key !== undefined || user !== undefined)) {
    throw new ZonesmithError('cloudflare-credentials-mixed', 'CLOUDFLAREAPI: use either "apitoken" or "apikey" with "apiuser", not both');
  }
  let credentials: CloudflareCredentials;
  if (token !== undefined) credentials = new CloudflareCredentials({ token });
  else if (key !== undefined && user !== undefined) credentials = new CloudflareCredentials({ key, email: user });
  else if (key !== undefined || user !== undefined) {
    const missing = key === undefined ? 'apikey' : 'apiuser';
    throw new ZonesmithError('cloudflare-credentials-incomplete', `CLOUDFLAREAPI setting "${missing}" is missing: "apikey" and "apiuser" go together`);
  } else {
    throw new ZonesmithError('cloudflare-credentials-missing', 'CLOUDFLAREAPI needs "apitoken" (recommended) or "apikey" with "apiuser"');
  }

  const baseURL = nonEmpty(creds['baseurl']) ?? nonEmpty(env['CLOUDFLARE_BASE_URL']);
  if (baseURL !== undefined && !/^https?:\/\/[^\s/]+/.test(baseURL)) {
    throw new ZonesmithError('cloudflare-setting-invalid', 'CLOUDFLAREAPI setting "baseurl" (or CLOUDFLARE_BASE_URL) must be an http:// or https:// URL');
  }
  const accountId = nonEmpty(creds['accountid']);
  if (accountId !== undefined && !/^[0-9a-f]{32}$/i.test(accountId)) {
    throw new ZonesmithError('cloudflare-setting-invalid', 'CLOUDFLAREAPI setting "accountid" must be the 32-character account id');
  }
  const batchText = nonEmpty(creds['batch_limit']);
  const batchLimit = batchText === 'paid' ? PAID_BATCH_LIMIT : intSetting(batchText, 'batch_limit', FREE_BATCH_LIMIT, 1, PAID_BATCH_LIMIT);
  const maxWaitSeconds = intSetting(nonEmpty(creds['max_retry_wait']), 'max_retry_wait', 300, 0, 3600);
  return {
    credentials,
    ...(accountId !== undefined ? { accountId: accountId.toLowerCase() } : {}),
    ...(baseURL !== undefined ? { baseURL: baseURL.replace(/\/+$/, '') } : {}),
    batchLimit,
    perPage: intSetting(nonEmpty(creds['per_page']), 'per_page', 5000, 5, 5_000_000),
    maxAttempts: intSetting(nonEmpty(creds['max_attempts']), 'max_attempts', 5, 1, 20),
    maxRetryWaitMs: maxWaitSeconds * 1000,
    minTtl: intSetting(nonEmpty(creds['min_ttl']), 'min_ttl', 60, 30, 86400),
  };
}

function intSetting(text: string | undefined, key: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new ZonesmithError('cloudflare-setting-invalid', `CLOUDFLAREAPI setting "${key}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
