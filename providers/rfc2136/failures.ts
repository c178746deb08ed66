/** Turning wire-level failures into ZonesmithErrors that name the server, the zone and the cause. */
import { ZonesmithError } from '../../src/errors.js';
import { rfc2136Error, rcodeName, transportCode, tsigErrorName, TransportError, TsigFailure, type ErrorPlace } from './errors.js';
import { badTimeServerTime, TSIG_BADKEY, TSIG_BADSIG, TSIG_BADTIME, type TsigKey, type TsigRecord } from './tsig.js';

/** What was being done: `transfer` or `update message 2 of 5`. */
export type Phase = string;

function keyNote(key: TsigKey | undefined): string {
  return key ? `key ${key.name.replace(/\.$/, '')} (${key.algorithm.replace(/\.$/, '')})` : 'no TSIG key';
}

/** A TSIG error the server reported (BADSIG, BADKEY, BADTIME). */
export function serverTsigError(t: TsigRecord, place: ErrorPlace, phase: Phase, key: TsigKey | undefined, nowMs: number): ZonesmithError {
  const name = tsigErrorName(t.error);
  let why: string;
  if (t.error === TSIG_BADSIG) why = `the server rejected our signature: the secret of ${keyNote(key)} does not match the server's`;
  // Knot also answers BADKEY when it knows the key but no ACL of the zone admits it for this
  // operation (verified with Knot 3.2.6, 2026-11).
  else if (t.error === TSIG_BADKEY) why = `the server does not know ${keyNote(key)} (name or algorithm differ), or (Knot) no ACL of this zone admits the key for this operation`;
  else if (t.error === TSIG_BADTIME) {
    const server = badTimeServerTime(t);
    const ours = Math.floor(nowMs / 1000);
    why =
      server === undefined
        ? 'the server says our clock is too far from its own'
        : `our clock is ${ours - server} s off the server's (allowed: ${t.fudge} s); fix the clock of this machine`;
  } else why = 'the server rejected the TSIG signature';
  return rfc2136Error(`rfc2136-tsig-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, place, `${phase}: NOTAUTH/${name}: ${why}`);
}

/** Our own check of a response's TSIG failed. */
export function tsigFailureError(f: TsigFailure, place: ErrorPlace, phase: Phase): ZonesmithError {
  return rfc2136Error(`rfc2136-response-${f.reason}`, place, `${phase}: the answer cannot be trusted: ${f.message}`, { cause: f });
}

/** A transport failure: refused, timeout, connection lost. */
export function transportFailureError(err: TransportError, place: ErrorPlace, phase: Phase, extra = ''): ZonesmithError {
  const what: Record<string, string> = {
    refused: 'connection refused (is the server running and listening on this address?)',
    timeout: `timed out (${err.message})`,
    closed: 'the server closed the connection before answering',
    unreachable: `the server cannot be reached (${err.message})`,
    error: `network error (${err.message})`,
  };
  return rfc2136Error(transportCode(err.failure), place, `${phase}: ${what[err.failure]}${extra}`, { cause: err });
}

/** Wraps anything thrown by the wire code into a ZonesmithError (ZonesmithErrors pass through). */
export function asZonesmithError(err: unknown, place: ErrorPlace, phase: Phase, extra = ''): ZonesmithError {
  if (err instanceof ZonesmithError) return err;
  if (err instanceof TransportError) return transportFailureError(err, place, phase, extra);
  if (err instanceof TsigFailure) return tsigFailureError(err, place, phase);
  const msg = err instanceof Error ? err.message : String(err);
  return rfc2136Error('rfc2136-malformed-answer', place, `${phase}: the server's answer could not be read: ${msg}${extra}`, { cause: err });
}

/** Stable code for an RCODE (`rfc2136-refused`, `rfc2136-notauth`...). */
export function rcodeCode(rcode: number): string {
  return `rfc2136-${rcodeName(rcode).toLowerCase()}`;
}
