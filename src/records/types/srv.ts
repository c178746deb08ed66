import { defineType } from '../define.js';
import { argUint, expectCount, rangeIssue, tokUint } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { lowerName } from '../single-name.js';
import type { RdataIssue, RdataToken } from '../types.js';

/** SRV data. */
export interface SrvData {
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  /** Absolute; `.` means "no service here". */
  readonly target: string;
}

/** SRV: service location (RFC 2782). */
export const SRV = defineType<SrvData>({
  type: 'SRV',
  code: 33,
  fromArgs(args, ctx) {
    expectCount(args, 4, 'SRV', 'arguments');
    return {
      priority: argUint(args[0], 'SRV priority'),
      weight: argUint(args[1], 'SRV weight'),
      port: argUint(args[2], 'SRV port'),
      target: targetFromArg(args[3], ctx.zone, 'SRV target'),
    };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 4, 'SRV');
    return {
      priority: tokUint(tokens[0], 'SRV priority'),
      weight: tokUint(tokens[1], 'SRV weight'),
      port: tokUint(tokens[2], 'SRV port'),
      target: canonicalName((tokens[3] as RdataToken).text, origin),
    };
  },
  format: (d) => `${d.priority} ${d.weight} ${d.port} ${d.target}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'srv-priority-range', 'SRV priority', d.priority, 0xffff);
    rangeIssue(out, 'srv-weight-range', 'SRV weight', d.weight, 0xffff);
    rangeIssue(out, 'srv-port-range', 'SRV port', d.port, 0xffff);
    return out;
  },
  target: (d) => d.target,
  dependsOn: (d) => (d.target === '.' ? [] : [d.target]),
  toWire(d, w) {
    w.u16(d.priority);
    w.u16(d.weight);
    w.u16(d.port);
    w.name(d.target);
  },
  fromWire: (r) => ({ priority: r.u16(), weight: r.u16(), port: r.u16(), target: lowerName(r.name()) }),
});
