/**
 * Errors the local Cloudflare server answers with, in the API v4 envelope's `errors[]` shape
 * (`{code, message, source?}`, the SDK's `ErrorData`). The codes are the ones Cloudflare is known to
 * send for these cases in public reports and client libraries (81044 record does not exist, 81053
 * A/AAAA/CNAME at the same host, 81058 identical record, 9021 TTL range, 10000 authentication, 971
 * throttling, 7003 unknown route); where no public code is known the server uses a nearby one and
 * says so. Clients must not depend on the numbers, only on the HTTP status and the messages.
 */

/** One entry of `errors[]`. */
export interface ErrorItem {
  readonly code: number;
  readonly message: string;
  /** JSON pointer into the request body (`/posts/3`), set for batch operations. */
  readonly source?: { readonly pointer: string };
}

/** An error answer: HTTP status plus Cloudflare's error list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly items: readonly ErrorItem[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(items.map((i) => `${i.code}: ${i.message}`).join('; '));
  }

  /** The same error pointing at one operation of a batch. */
  at(pointer: string): ApiError {
    return new ApiError(this.status, this.items.map((i) => ({ ...i, source: { pointer } })), this.headers);
  }
}

/** A 400 with one error. */
export function badRequest(code: number, message: string): ApiError {
  return new ApiError(400, [{ code, message }]);
}

/** Codes used by the server, by meaning. */
export const CODES = {
  authentication: 10000,
  routeUnknown: 7003,
  throttled: 971,
  recordMissing: 81044,
  hostConflict: 81053,
  identical: 81058,
  // No public code is known for these; 1004 is Cloudflare's generic "DNS Validation Error".
  validation: 1004,
  nsConflict: 1004,
  dsNeedsNs: 1004,
  batchTooLarge: 1004,
  ttl: 9021,
  proxiable: 9041,
  zoneExists: 1061,
  zoneInvalid: 1099,
  internal: 10001,
} as const;
