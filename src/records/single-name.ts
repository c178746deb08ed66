import { defineType } from './define.js';
import { expectCount } from './fields.js';
import { canonicalName, targetFromArg } from './names.js';
import { NO_ISSUES, type RecordTypeModule } from './types.js';

/** Data of the types whose rdata is one domain name (CNAME, NS, PTR, DNAME, ALIAS). */
export interface NameTargetData {
  /** Absolute, canonical (`www.example.com.`). */
  readonly target: string;
}

/** A module for a type whose rdata is a single domain name; `code` undefined for pseudo types. */
export function singleNameType(type: string, code: number | undefined): RecordTypeModule<NameTargetData> {
  return defineType<NameTargetData>({
    type,
    code,
    fromArgs(args, ctx) {
      expectCount(args, 1, type, 'arguments');
      return { target: targetFromArg(args[0], ctx.zone) };
    },
    fromTokens(tokens, origin) {
      expectCount(tokens, 1, type);
      return { target: canonicalName((tokens[0] as { text: string }).text, origin) };
    },
    canonical(tokens, origin) {
      if (tokens.length !== 1) expectCount(tokens, 1, type);
      return canonicalName((tokens[0] as { text: string }).text, origin);
    },
    format: (d) => d.target,
    check: () => NO_ISSUES,
    target: (d) => d.target,
    dependsOn: (d) => (d.target === '.' ? [] : [d.target]),
    toWire: (d, w) => w.name(d.target),
    fromWire: (r) => ({ target: lowerName(r.name()) }),
  });
}

/** A name read from the wire, made canonical (ASCII letters lower-cased; escapes are already canonical). */
export function lowerName(name: string): string {
  return name.toLowerCase();
}
