import { inspect } from 'node:util';
import { ZonesmithError } from '../../src/errors.js';

/** AWS credentials that never print: JSON, `String()` and `util.inspect` all show `[redacted]`. */
export class Route53Credentials {
  readonly #accessKeyId: string;
  readonly #secretAccessKey: string;
  readonly #sessionToken: string | undefined;

  constructor(accessKeyId: string, secretAccessKey: string, sessionToken?: string) {
    this.#accessKeyId = accessKeyId;
    this.#secretAccessKey = secretAccessKey;
    this.#sessionToken = sessionToken;
  }

  /** The identity in the shape the AWS SDK takes. */
  identity(): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } {
    return {
      accessKeyId: this.#accessKeyId,
      secretAccessKey: this.#secretAccessKey,
      ...(this.#sessionToken ? { sessionToken: this.#sessionToken } : {}),
    };
  }

  /** Every secret string, for scrubbing them out of error messages. */
  secrets(): string[] {
    return [this.#accessKeyId, this.#secretAccessKey, this.#sessionToken ?? ''].filter((s) => s.length >= 4);
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Route53Credentials [redacted]';
  }
}

/** A ROUTE53 creds.json entry, checked. */
export interface Route53Settings {
  /** Static credentials from KeyId/SecretKey/Token; absent = the AWS SDK's default chain (env, profile, role). */
  readonly credentials?: Route53Credentials;
  /** API endpoint for tests and Route 53-compatible APIs; absent = AWS (or AWS_ENDPOINT_URL_ROUTE_53). */
  readonly endpoint?: string;
  /** Reusable delegation set for zones zonesmith creates (DNSControl's `DelegationSet`). */
  readonly delegationSetId?: string;
  /** Poll GetChange after the last batch until Route 53 reports INSYNC. */
  readonly waitForInsync: boolean;
  /** Attempts per request when Route 53 throttles (`Throttling`, `PriorRequestNotComplete`). */
  readonly maxAttempts: number;
  /** Test hook: replaces the real sleep between retries and INSYNC polls. Never set from creds.json. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const KNOWN = new Set(['KeyId', 'SecretKey', 'Token', 'endpoint', 'DelegationSet', 'wait_for_insync', 'max_attempts']);

/**
 * Checks a ROUTE53 creds.json entry. Keys follow DNSControl's ROUTE53 provider (KeyId, SecretKey,
 * Token, DelegationSet) plus `endpoint`, `wait_for_insync` and `max_attempts`. Errors name the key,
 * never its value.
 */
export function parseRoute53Settings(creds: Readonly<Record<string, string>>): Route53Settings {
  for (const key of ['RoleArn', 'ExternalId']) {
    if (creds[key] !== undefined) {
      throw new ZonesmithError('route53-setting-unsupported', `ROUTE53 setting "${key}" is not supported yet; use KeyId/SecretKey or the AWS SDK's default credentials (AWS_PROFILE, environment)`);
    }
  }
  const keyId = nonEmpty(creds['KeyId']);
  const secret = nonEmpty(creds['SecretKey']);
  const token = nonEmpty(creds['Token']);
  if ((keyId === undefined) !== (secret === undefined)) {
    const missing = keyId === undefined ? 'KeyId' : 'SecretKey';
    throw new ZonesmithError('route53-credentials-incomplete', `ROUTE53 setting "${missing}" is missing: KeyId and SecretKey go together`);
  }
  if (token !== undefined && keyId === undefined) {
    throw new ZonesmithError('route53-credentials-incomplete', 'ROUTE53 setting "Token" needs KeyId and SecretKey');
  }
  const endpoint = nonEmpty(creds['endpoint']);
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ZonesmithError('route53-setting-invalid', 'ROUTE53 setting "endpoint" must be an http:// or https:// URL');
  }
  const wait = nonEmpty(creds['wait_for_insync']) ?? 'false';
  if (wait !== 'true' && wait !== 'false') {
    throw new ZonesmithError('route53-setting-invalid', 'ROUTE53 setting "wait_for_insync" must be "true" or "false"');
  }
  const attemptsText = nonEmpty(creds['max_attempts']) ?? '10';
  const maxAttempts = Number(attemptsText);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 50) {
    throw new ZonesmithError('route53-setting-invalid', 'ROUTE53 setting "max_attempts" must be a whole number from 1 to 50');
  }
  const delegationSetId = nonEmpty(creds['DelegationSet']);
  return {
    ...(keyId !== undefined && secret !== undefined ? { credentials: new Route53Credentials(keyId, secret, token) } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(delegationSetId !== undefined ? { delegationSetId: delegationSetId.replace(/^\/?delegationset\//, '') } : {}),
    waitForInsync: wait === 'true',
    maxAttempts,
  };
}

/** Keys of a ROUTE53 entry that zonesmith reads (others are ignored, as DNSControl does). */
export function knownRoute53Keys(): ReadonlySet<string> {
  return KNOWN;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
