import { defineType } from '../define.js';
import { argUint, expectCount, issue, parseTtlText, tokUint } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { lowerName } from '../single-name.js';
import { RdataError, type RdataIssue, type RdataToken } from '../types.js';

/** SOA data. */
export interface SoaData {
  readonly mname: string;
  /** The mailbox as a name (`hostmaster.example.com.`). */
  readonly rname: string;
  readonly serial: number;
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
  readonly minimum: number;
}

const TIMERS = ['refresh', 'retry', 'expire', 'minimum'] as const;

function mailbox(value: unknown, zone: string): string {
  if (typeof value === 'string' && value.includes('@')) {
    throw new RdataError('soa-mbox-has-at', `the SOA mailbox "${value}" must be written as a name (hostmaster.example.com.), without "@"`);
  }
  return soaName(value, zone, 'SOA mailbox');
}

/**
 * SOA names with a dot inside are taken as absolute even without the final dot: DNSControl accepts
 * `SOA(..., "admin.foo.com", ...)` (its parse test 038-soa), so refusing it would break configs that
 * must work unchanged. DNSControl's BIND writer then emits the name without a dot, which a zone file
 * reads as relative (`admin.foo.com.foo.com.`); that is plainly not what the author meant, so
 * zonesmith keeps the meaning instead (documented in docs/records.md).
 */
function soaName(value: unknown, zone: string, field: string): string {
  if (typeof value === 'string' && value !== '' && value.includes('.') && !value.endsWith('.')) return canonicalName(`${value}.`, zone);
  return targetFromArg(value, zone, field);
}

/**
 * SOA: start of authority (RFC 1035), all seven fields. The DSL passes the serial as 0 (the
 * provider owns it); `comparable` leaves the serial out so a serial bump is never a change.
 */
export const SOA = defineType<SoaData>({
  type: 'SOA',
  code: 6,
  fromArgs(args, ctx) {
    // DNSControl's SOA(name, ns, mbox, refresh, retry, expire, minttl) has no serial; accept both shapes.
    const withSerial = args.length === 7;
    if (!withSerial) expectCount(args, 6, 'SOA', 'arguments');
    const at = withSerial ? 3 : 2;
    return {
      mname: soaName(args[0], ctx.zone, 'SOA name server'),
      rname: mailbox(args[1], ctx.zone),
      serial: withSerial ? argUint(args[2], 'SOA serial') : 0,
      refresh: argUint(args[at], 'SOA refresh'),
      retry: argUint(args[at + 1], 'SOA retry'),
      expire: argUint(args[at + 2], 'SOA expire'),
      minimum: argUint(args[at + 3], 'SOA minimum'),
    };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 7, 'SOA');
    const t = (i: number): string => (tokens[i] as RdataToken).text;
    return {
      mname: canonicalName(t(0), origin),
      rname: canonicalName(t(1), origin),
      serial: tokUint(tokens[2], 'SOA serial'),
      refresh: parseTtlText(t(3), 'SOA refresh'),
      retry: parseTtlText(t(4), 'SOA retry'),
      expire: parseTtlText(t(5), 'SOA expire'),
      minimum: parseTtlText(t(6), 'SOA minimum'),
    };
  },
  format: (d) => `${d.mname} ${d.rname} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`,
  comparable: (d) => `${d.mname} ${d.rname} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`,
  check(d) {
    const out: RdataIssue[] = [];
    for (const k of TIMERS) {
      if (d[k] === 0) out.push(issue('soa-timer-zero', 'error', `the SOA ${k} must be greater than 0`));
    }
    return out;
  },
  target: (d) => d.mname,
  dependsOn: () => [],
  toWire(d, w) {
    w.name(d.mname);
    w.name(d.rname);
    w.u32(d.serial);
    for (const k of TIMERS) w.u32(d[k]);
  },
  fromWire: (r) => ({
    mname: lowerName(r.name()),
    rname: lowerName(r.name()),
    serial: r.u32(),
    refresh: r.u32(),
    retry: r.u32(),
    expire: r.u32(),
    minimum: r.u32(),
  }),
});
