import { defineType } from '../define.js';
import { argString, argUint, expectCount, issue, rangeIssue, tokUint } from '../fields.js';
import { canonicalName, targetFromArg } from '../names.js';
import { lowerName } from '../single-name.js';
import { bytesToText, charStringFromToken, quoteBytes, utf8 } from '../text.js';
import { RdataError, type RdataIssue, type RdataToken } from '../types.js';

/** NAPTR data; the three character-strings keep their exact octets. */
export interface NaptrData {
  readonly order: number;
  readonly preference: number;
  readonly flags: Uint8Array;
  readonly service: Uint8Array;
  readonly regexp: Uint8Array;
  /** Absolute; `.` when the regexp is used instead. */
  readonly replacement: string;
}

function charString(value: unknown, field: string): Uint8Array {
  const bytes = utf8(argString(value, field));
  if (bytes.length > 255) throw new RdataError('string-too-long', `the ${field} is ${bytes.length} octets; a character-string holds at most 255`);
  return bytes;
}

/** NAPTR: naming authority pointer (RFC 3403). */
export const NAPTR = defineType<NaptrData>({
  type: 'NAPTR',
  code: 35,
  fromArgs(args, ctx) {
    expectCount(args, 6, 'NAPTR', 'arguments');
    return {
      order: argUint(args[0], 'NAPTR order'),
      preference: argUint(args[1], 'NAPTR preference'),
      flags: charString(args[2], 'NAPTR flags'),
      service: charString(args[3], 'NAPTR service'),
      regexp: charString(args[4], 'NAPTR regexp'),
      replacement: targetFromArg(args[5], ctx.zone, 'NAPTR replacement'),
    };
  },
  fromTokens(tokens, origin) {
    expectCount(tokens, 6, 'NAPTR');
    return {
      order: tokUint(tokens[0], 'NAPTR order'),
      preference: tokUint(tokens[1], 'NAPTR preference'),
      flags: charStringFromToken(tokens[2] as RdataToken, 'NAPTR flags'),
      service: charStringFromToken(tokens[3] as RdataToken, 'NAPTR service'),
      regexp: charStringFromToken(tokens[4] as RdataToken, 'NAPTR regexp'),
      replacement: canonicalName((tokens[5] as RdataToken).text, origin),
    };
  },
  format: (d) => `${d.order} ${d.preference} ${quoteBytes(d.flags)} ${quoteBytes(d.service)} ${quoteBytes(d.regexp)} ${d.replacement}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'naptr-order-range', 'NAPTR order', d.order, 0xffff);
    rangeIssue(out, 'naptr-preference-range', 'NAPTR preference', d.preference, 0xffff);
    if (!/^[A-Za-z0-9]*$/.test(bytesToText(d.flags))) out.push(issue('naptr-flags-invalid', 'warning', 'NAPTR flags should be letters and digits only (RFC 3403)'));
    if (d.regexp.length > 0 && d.replacement !== '.') {
      out.push(issue('naptr-regexp-and-replacement', 'warning', 'a NAPTR record should have a regexp or a replacement, not both (RFC 3403)'));
    }
    return out;
  },
  target: (d) => (d.replacement === '.' ? bytesToText(d.regexp) : d.replacement),
  dependsOn: (d) => (d.replacement === '.' ? [] : [d.replacement]),
  toWire(d, w) {
    w.u16(d.order);
    w.u16(d.preference);
    for (const s of [d.flags, d.service, d.regexp]) {
      w.u8(s.length);
      w.bytes(s);
    }
    w.name(d.replacement);
  },
  fromWire(r) {
    const order = r.u16();
    const preference = r.u16();
    const flags = r.bytes(r.u8());
    const service = r.bytes(r.u8());
    const regexp = r.bytes(r.u8());
    return { order, preference, flags, service, regexp, replacement: lowerName(r.name()) };
  },
});
