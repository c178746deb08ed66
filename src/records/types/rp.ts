import { defineType } from '../define.js';
import { expectCount } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { lowerName } from '../single-name.js';
import { NO_ISSUES, type RdataToken } from '../types.js';

/** RP data. */
export interface RpData {
  /** The responsible person's mailbox as a name (`hostmaster.example.com.`), `.` for none. */
  readonly mbox: string;
  /** A name with TXT records about the person, `.` for none. */
  readonly txt: string;
}

/** RP: responsible person (RFC 1183). */
export const RP = defineType<RpData>({
  type: 'RP',
  code: 17,
  fromArgs(args, ctx) {
    expectCount(args, 2, 'RP', 'arguments');
    return { mbox: targetFromArg(args[0], ctx.zone, 'RP mailbox'), txt: targetFromArg(args[1], ctx.zone, 'RP TXT name') };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 2, 'RP');
    return { mbox: canonicalName((tokens[0] as RdataToken).text, origin), txt: canonicalName((tokens[1] as RdataToken).text, origin) };
  },
  format: (d) => `${d.mbox} ${d.txt}`,
  check: () => NO_ISSUES,
  target: (d) => d.mbox,
  dependsOn: () => [],
  toWire(d, w) {
    w.name(d.mbox);
    w.name(d.txt);
  },
  fromWire: (r) => ({ mbox: lowerName(r.name()), txt: lowerName(r.name()) }),
});
