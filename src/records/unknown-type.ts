import { defineType } from './define.js';
import { formatGeneric, genericBytes, isGenericForm } from './generic.js';
import { tokenizeRdata } from './text.js';
import { NO_ISSUES, RdataError, type RecordTypeModule } from './types.js';

/** Data of a type the registry does not know: the raw rdata octets. */
export interface UnknownData {
  readonly bytes: Uint8Array;
}

/** A module for `TYPEnnn` (RFC 3597): rdata only in the `\# len hex` form. */
export function unknownType(code: number): RecordTypeModule<UnknownData> {
  const type = `TYPE${code}`;
  return defineType<UnknownData>({
    type,
    code,
    fromArgs(args) {
      const text = args.length === 1 && typeof args[0] === 'string' ? args[0] : '';
      const tokens = tokenizeRdata(text);
      if (!isGenericForm(tokens)) throw new RdataError('unknown-type-needs-generic', `${type} rdata must be given as \\# <length> <hex>`);
      return { bytes: genericBytes(tokens) };
    },
    fromTokens(tokens) {
      // defineType decodes the \# form before calling this, so anything else lands here.
      throw new RdataError('unknown-type-needs-generic', `${type} rdata must be given as \\# <length> <hex>, got "${tokens.map((t) => t.text).join(' ').slice(0, 40)}"`);
    },
    format: (d) => formatGeneric(d.bytes),
    check: () => NO_ISSUES,
    target: (d) => formatGeneric(d.bytes),
    dependsOn: () => [],
    toWire: (d, w) => w.bytes(d.bytes),
    fromWire: (r, end) => ({ bytes: r.bytes(end - r.offset) }),
  });
}
