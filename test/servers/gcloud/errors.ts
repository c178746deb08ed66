/**
 * Errors in the shape Google's JSON APIs send them (Cloud DNS v1 included): `{"error": {"code",
 * "message", "errors": [{"message", "domain", "reason"}], "status"}}`, which @google-cloud/common
 * turns into an ApiError with `code` = the HTTP status and `errors[].reason`.
 */

/** gRPC-style status names Google puts beside the HTTP code. */
const STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  413: 'RESOURCE_EXHAUSTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
};

/** An API error the server answers with. */
export class GoogleError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly domain = 'global',
  ) {
    super(message);
  }

  /** The response body. */
  body(): string {
    return JSON.stringify({
      error: {
        code: this.status,
        message: this.message,
        errors: [{ message: this.message, domain: this.domain, reason: this.reason }],
        status: STATUS[this.status] ?? 'UNKNOWN',
      },
    });
  }
}

/** 400 invalid: a request Cloud DNS would refuse as malformed. */
export function invalid(message: string): GoogleError {
  return new GoogleError(400, 'invalid', message);
}

/** 413 quotaExceeded: a per-change or per-zone limit (cloud.google.com/dns/quotas: "HTTP 413"). */
export function quotaExceeded(message: string): GoogleError {
  return new GoogleError(413, 'quotaExceeded', message, 'usageLimits');
}
