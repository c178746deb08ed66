import { formatGeneric, genericBytes, isGenericForm } from '../../src/records/generic.js';
import { RdataError, type RdataToken } from '../../src/records/types.js';

/**
 * Rdata of a type BIND knows but the DSL does not (HINFO, URI, TYPE65280...). The `\#` form of
 * RFC 3597 is checked and made canonical (`\# 4 0a000001`); any other text is kept token for token,
 * so such records survive a read and a rewrite unchanged. Names inside that text are not made
 * absolute (the reader cannot know where they are), which is why the writer keeps `$ORIGIN`.
 */
export function opaqueRdata(tokens: readonly RdataToken[], genericOnly: boolean): string {
  if (isGenericForm(tokens)) return genericRdata(tokens);
  if (genericOnly) throw new RdataError('zonefile-generic-required', 'a TYPEnnn record needs the \\# form (RFC 3597): \\# <length> <hex>');
  if (tokens.length === 0) throw new RdataError('missing-field', 'the record has no data');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0) out += ' ';
    out += t.quoted ? `"${t.text}"` : t.text;
  }
  return out;
}

function genericRdata(tokens: readonly RdataToken[]): string {
  return formatGeneric(genericBytes(tokens));
}
