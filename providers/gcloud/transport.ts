/**
 * The `@google-cloud/dns` client, set up for zonesmith: retries left to retry.ts (so every request
 * is deliberate and counted), `token_uri` honoured, and extra CA certificates trusted when
 * `ca_file` is set. Everything goes through the SDK's documented hooks: request interceptors of
 * @google-cloud/common (`Service.interceptors`) for API calls, and the gaxios interceptors of the
 * auth client's `transporter` for token requests. Verified against @google-cloud/dns 5.3.2,
 * @google-cloud/common 6, teeny-request 10, google-auth-library 10.9, gaxios 7 (2026-11).
 */
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { DNS } from '@google-cloud/dns';
import { ZonesmithError } from '../../src/errors.js';
import type { GcloudSettings } from './settings.js';

/** Where google-auth-library 10 sends every service-account token request, whatever the key file says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** A ready client and what it holds open. */
export interface Transport {
  readonly dns: DNS;
  /** Installs the token hooks; call (and await) before the first API call. Idempotent. */
  ready(): Promise<void>;
  close(): void;
}

/**
 * teeny-request (which carries every API call) keeps ONE keep-alive https agent per process, made
 * from the options of the first request (`pool`), so CA certificates can be set once per process.
 * The first GCLOUD instance to send claims it; a later one wanting other certificates is refused
 * with `gcloud-ca-conflict` instead of failing TLS verification with a puzzling message.
 */
const POOL_CLAIM = Symbol.for('zonesmith.gcloud.https-pool-ca');

function claimPool(ca: string | undefined): void {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  const first = g[POOL_CLAIM];
  if (first === undefined) {
    g[POOL_CLAIM] = ca ?? '';
    return;
  }
  if (ca !== undefined && first !== ca) {
    throw new ZonesmithError(
      'gcloud-ca-conflict',
      'GCLOUD setting "ca_file": another GCLOUD provider in this run already connected with other CA certificates, and the Google SDK shares one HTTPS connection pool per process; use the same ca_file for every GCLOUD entry',
    );
  }
}

/** Builds the SDK client for `settings`; `caPem` is the content of `ca_file`, when set. */
export function createTransport(settings: GcloudSettings, caPem: string | undefined): Transport {
  const dns = new DNS({
    projectId: settings.projectId,
    ...(settings.apiEndpoint !== undefined ? { apiEndpoint: settings.apiEndpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials.sdkCredentials() } : {}),
  });
  const ca = caPem === undefined ? undefined : [...rootCertificates, caPem];
  dns.interceptors.push({
    request(opts) {
      const o = opts as typeof opts & { maxRetries?: number; forever?: boolean; pool?: object };
      // retry-request then only repeats requests that got no answer at all (its noResponseRetries,
      // which the DNS client does not let callers change); a repeated Change is caught by its
      // preconditions (apply.ts).
      o.maxRetries = 0;
      if (ca) {
        o.forever = true;
        o.pool = { maxSockets: Infinity, ca };
      }
      return o as unknown as ApiRequestOptions;
    },
  });
  const agent = ca ? new Agent({ ca }) : undefined;
  let readying: Promise<void> | undefined;
  const install = async (): Promise<void> => {
    claimPool(caPem);
    if (settings.tokenUri === undefined && !agent) return;
    const client = await dns.authClient.getClient();
    client.transporter.interceptors.request.add({
      resolved: async (cfg) => {
        if (settings.tokenUri !== undefined && String(cfg.url) === GOOGLE_TOKEN_URL) cfg.url = new URL(settings.tokenUri);
        if (agent && String(cfg.url).startsWith('https:')) cfg.agent = agent;
        return cfg;
      },
    });
  };
  return {
    dns,
    ready() {
      readying ??= install().catch((err: unknown) => {
        readying = undefined;
        throw err;
      });
      return readying;
    },
    close() {
      agent?.destroy();
    },
  };
}

/** What an API request interceptor returns (@google-cloud/common's DecorateRequestOptions). */
type ApiRequestOptions = ReturnType<DNS['interceptors'][number]['request']>;
