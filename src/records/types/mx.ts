import { defineType } from '../define.js';
import { argUint, expectCount, rangeIssue, tokUint } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { lowerName } from '../single-name.js';
import type { RdataIssue, RdataToken } from '../types.js';

/** MX data. */
export interface MxData {
  readonly preference: number;
  /** Absolute; `.` is RFC 7505's null MX. */
  readonly exchange: string;
}

/** MX: mail exchange (RFC 1035); `0 .` is the null MX (RFC 7505). */
export const MX = defineType<MxData>({
  type: 'MX',
  code: 15,
  fromArgs(args, ctx) {
    expectCount(args, 2, 'MX', 'arguments');
    return { preference: argUint(args[0], 'MX preference'), exchange: targetFromArg(args[1], ctx.zone, 'MX target') };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 2, 'MX');
    return { preference: tokUint(tokens[0], 'MX preference'), exchange: canonicalName((tokens[1] as RdataToken).text, origin) };
  },
  canonical(tokens, origin) {
    if (tokens.length !== 2) expectCount(tokens, 2, 'MX');
    return `${tokUint(tokens[0], 'MX preference')} ${canonicalName((tokens[1] as RdataToken).text, origin)}`;
  },
  format: (d) => `${d.preference} ${d.exchange}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'mx-preference-range', 'MX preference', d.preference, 0xffff);
    if (d.exchange === '.' && d.preference !== 0) {
      out.push({ code: 'mx-null-preference', severity: 'warning', message: 'a null MX (target ".") should have preference 0 (RFC 7505)' });
    }
    return out;
  },
  target: (d) => d.exchange,
  dependsOn: (d) => (d.exchange === '.' ? [] : [d.exchange]),
  toWire(d, w) {
    w.u16(d.preference);
    w.name(d.exchange);
  },
  fromWire: (r) => ({ preference: r.u16(), exchange: lowerName(r.name()) }),
});
