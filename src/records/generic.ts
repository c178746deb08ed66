import { bytesToHex, hexToBytes, joinTokens, parseDigits } from './fields.js';
import { RdataError, type RdataToken } from './types.js';

/** RFC 3597 generic rdata: `\# <length> <hex...>`, accepted for every type with a wire code. */

/** True when the tokens are the `\#` form (an unquoted `\#` first). */
export function isGenericForm(tokens: readonly RdataToken[]): boolean {
  const t = tokens[0];
  return t !== undefined && !t.quoted && t.text === '\\#';
}

/** The bytes of `\# len hex`. Throws `invalid-generic-rdata` / `generic-rdata-length`. */
export function genericBytes(tokens: readonly RdataToken[]): Uint8Array {
  const lenTok = tokens[1];
  const len = lenTok ? parseDigits(lenTok.text) : -1;
  if (len < 0 || len > 65535) throw new RdataError('invalid-generic-rdata', 'the \\# form needs a length from 0 to 65535 after \\#');
  const hex = joinTokens(tokens, 2);
  const bytes = hexToBytes(hex, '\\# data');
  if (bytes.length !== len) {
    throw new RdataError('generic-rdata-length', `the \\# form says ${len} octets but has ${bytes.length}`);
  }
  return bytes;
}

/** Canonical `\#` text: `\# 4 0a000001`, or `\# 0` when empty. */
export function formatGeneric(bytes: Uint8Array): string {
  return bytes.length === 0 ? '\\# 0' : `\\# ${bytes.length} ${bytesToHex(bytes)}`;
}
