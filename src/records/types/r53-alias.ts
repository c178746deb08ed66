import { defineType } from '../define.js';
import { argString, expectCount } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { NO_ISSUES, RdataError, type RdataToken } from '../types.js';

/** R53_ALIAS data; the hosted zone id and evaluate-target-health live in the record's meta. */
export interface R53AliasData {
  /** The type the alias answers for (`A`, `AAAA`, `CNAME`, ...). */
  readonly aliasType: string;
  /** Absolute target (`dualstack.my-elb.us-east-1.elb.amazonaws.com.`). */
  readonly target: string;
}

/** The types Route 53 aliases may answer for. */
export const R53_ALIAS_TYPES: readonly string[] = ['A', 'AAAA', 'CNAME', 'CAA', 'MX', 'TXT', 'PTR', 'SPF', 'SRV', 'NAPTR'];

function aliasType(text: string): string {
  const t = text.toUpperCase();
  if (!R53_ALIAS_TYPES.includes(t)) throw new RdataError('r53-alias-type', `R53_ALIAS type "${text}" is not one of ${R53_ALIAS_TYPES.join(', ')}`);
  return t;
}

/** R53_ALIAS: pseudo type for Route 53 alias records; rdata `<type> <target.>`, never on the wire. */
export const R53_ALIAS = defineType<R53AliasData>({
  type: 'R53_ALIAS',
  code: undefined,
  fromArgs(args, ctx) {
    // DNSControl's R53_ALIAS(name, type, target, ...modifiers): the modifiers become meta.
    expectCount(args, 2, 'R53_ALIAS', 'arguments');
    return { aliasType: aliasType(argString(args[0], 'R53_ALIAS type')), target: targetFromArg(args[1], ctx.zone, 'R53_ALIAS target') };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 2, 'R53_ALIAS');
    return { aliasType: aliasType((tokens[0] as RdataToken).text), target: canonicalName((tokens[1] as RdataToken).text, origin) };
  },
  format: (d) => `${d.aliasType} ${d.target}`,
  check: () => NO_ISSUES,
  target: (d) => d.target,
  dependsOn: (d) => [d.target],
  toWire: () => undefined,
  fromWire: () => {
    throw new RdataError('pseudo-type-no-wire', 'R53_ALIAS has no wire format');
  },
});
