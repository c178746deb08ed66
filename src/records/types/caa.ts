import { defineType } from '../define.js';
import { argString, argUint, expectCount, issue, rangeIssue, tokUint } from '../fields.js';
import { bytesToText, decodeText, quoteBytesAs, utf8 } from '../text.js';
import { RdataError, type RdataIssue, type RdataToken } from '../types.js';

/** CAA data. */
export interface CaaData {
  /** 0, or 128 for "issuer critical". */
  readonly flag: number;
  /** Lower-case (tags compare case-insensitively, RFC 8659 §4.1). */
  readonly tag: string;
  /** The value's exact octets. */
  readonly valueBytes: Uint8Array;
  /** The value as UTF-8 text. */
  readonly value: string;
}

/** The tags DNSControl accepts (RFC 8659, RFC 8657 iodef/contact, RFC 9495 issuemail, issuevmc). */
export const CAA_TAGS: readonly string[] = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc'];

function tag(text: string): string {
  if (!/^[A-Za-z0-9]{1,255}$/.test(text)) {
    throw new RdataError('caa-tag-invalid', `the CAA tag "${text}" must be 1-255 letters and digits`);
  }
  return text.toLowerCase();
}

/** `value`: the text the bytes came from, when known; kept when it is what decoding them gives. */
function make(flag: number, t: string, valueBytes: Uint8Array, value?: string): CaaData {
  // UTF-8 of a string is as long as the string only when it is ASCII, which decodes to itself.
  return { flag, tag: t, valueBytes, value: value !== undefined && value.length === valueBytes.length ? value : bytesToText(valueBytes) };
}

/** CAA: certification authority authorization (RFC 8659); presentation `flag tag "value"`. */
export const CAA = defineType<CaaData>({
  type: 'CAA',
  code: 257,
  fromArgs(args) {
    expectCount(args, 3, 'CAA', 'arguments');
    const flag = argUint(args[0], 'CAA flag');
    const t = tag(argString(args[1], 'CAA tag'));
    const value = argString(args[2], 'CAA value');
    return make(flag, t, utf8(value), value);
  },
  fromTokens(tokens) {
    expectCount(tokens, 3, 'CAA');
    return make(tokUint(tokens[0], 'CAA flag'), tag((tokens[1] as RdataToken).text), decodeText((tokens[2] as RdataToken).text));
  },
  format: (d) => `${d.flag} ${d.tag} ${quoteBytesAs(d.valueBytes, d.value)}`,
  check(d) {
    const out: RdataIssue[] = [];
    rangeIssue(out, 'caa-flag-range', 'CAA flag', d.flag, 255);
    if (d.flag <= 255 && (d.flag & 0x7f) !== 0) out.push(issue('caa-flag-reserved', 'warning', `CAA flag ${d.flag} sets reserved bits; use 0 or 128`));
    if (!CAA_TAGS.includes(d.tag)) out.push(issue('caa-tag-unknown', 'error', `CAA tag "${d.tag}" is not one of ${CAA_TAGS.join(', ')}`));
    return out;
  },
  target: (d) => d.value,
  dependsOn: () => [],
  toWire(d, w) {
    w.u8(d.flag);
    w.u8(d.tag.length);
    w.bytes(utf8(d.tag));
    w.bytes(d.valueBytes);
  },
  fromWire(r, end) {
    const flag = r.u8();
    const len = r.u8();
    if (len === 0) throw new RdataError('caa-tag-invalid', 'the CAA tag is empty');
    const t = tag(bytesToText(r.bytes(len)));
    if (r.offset > end) throw new RdataError('wire-truncated', 'CAA rdata is shorter than its tag');
    return make(flag, t, r.bytes(end - r.offset));
  },
});
