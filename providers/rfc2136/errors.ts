/**
 * Errors of the RFC 2136 provider. Every message names the server, the zone and the cause, and
 * never a TSIG secret (only key names, which are not secret).
 */
import { ZonesmithError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';

/** DNS RCODE names (RFC 1035, RFC 2136 §2.2). */
const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/** `NOTAUTH` for 9; `RCODE12` for codes without a name here. */
export function rcodeName(rcode: number): string {
  return RCODE_NAMES[rcode] ?? `RCODE${rcode}`;
}

/** TSIG error names (RFC 8945 §4.3). */
export function tsigErrorName(code: number): string {
  return ({ 16: 'BADSIG', 17: 'BADKEY', 18: 'BADTIME', 22: 'BADTRUNC' } as Record<number, string>)[code] ?? `TSIG error ${code}`;
}

/** Where an error happened: the server as `host:port` (or socket path) and the zone. */
export interface ErrorPlace {
  readonly server: string;
  readonly zone: string;
}

/** A ZonesmithError whose message starts with `RFC2136 <server>, zone <zone>:`. */
export function rfc2136Error(
  code: string,
  place: ErrorPlace,
  text: string,
  options?: { cause?: unknown; diagnostics?: readonly Diagnostic[] },
): ZonesmithError {
  return new ZonesmithError(code, `RFC2136 ${place.server}, zone ${place.zone}: ${text}`, options);
}

/** What went wrong on the wire, before it is tied to a server and zone. */
export type TransportFailure = 'refused' | 'timeout' | 'closed' | 'unreachable' | 'error';

/** A transport failure; callers turn it into a ZonesmithError with rfc2136Error. */
export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

/** A TSIG problem found while checking a response. */
export class TsigFailure extends Error {
  constructor(
    /** unsigned: no TSIG where one was required; bad-mac; bad-time (our clock check); wrong-key; malformed. */
    readonly reason: 'unsigned' | 'bad-mac' | 'bad-time' | 'wrong-key' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'TsigFailure';
  }
}

/** Stable error codes for transport failures. */
export function transportCode(f: TransportFailure): string {
  switch (f) {
    case 'refused':
      return 'rfc2136-connection-refused';
    case 'timeout':
      return 'rfc2136-timeout';
    case 'closed':
      return 'rfc2136-connection-lost';
    case 'unreachable':
      return 'rfc2136-unreachable';
    default:
      return 'rfc2136-network';
  }
}
