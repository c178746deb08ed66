import { defineType } from '../define.js';
import { argString, base64ToBytes, bytesToBase64, expectAtLeast, expectCount, hexToBytes, issue, joinTokens, stripSpaces } from '../fields.js';
import type { RdataIssue } from '../types.js';

/** OPENPGPKEY data. */
export interface OpenpgpkeyData {
  /** The transferable public key, base64 without spaces. */
  readonly key: string;
}

/**
 * OPENPGPKEY: an OpenPGP public key (RFC 7929). The DSL accepts hex or base64 and both give the
 * same canonical base64, so switching notation is not a change (DNSControl conformance group 101).
 * Zone files and providers use base64, as the RFC says.
 */
export const OPENPGPKEY = defineType<OpenpgpkeyData>({
  type: 'OPENPGPKEY',
  code: 61,
  fromArgs(args) {
    expectCount(args, 1, 'OPENPGPKEY', 'arguments');
    const text = stripSpaces(argString(args[0], 'OPENPGPKEY key'));
    // All-hex input is read as hex. A real key's base64 is practically never all hex digits: its
    // first octet (a packet tag, 0x80 or above) usually encodes to g-z, and a whole key of only
    // 0-9a-f characters is vanishingly unlikely.
    const bytes = /^(?:[0-9a-fA-F]{2})+$/.test(text) ? hexToBytes(text, 'OPENPGPKEY key') : base64ToBytes(text, 'OPENPGPKEY key');
    return { key: bytesToBase64(bytes) };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 1, 'OPENPGPKEY');
    return { key: bytesToBase64(base64ToBytes(joinTokens(tokens, 0), 'OPENPGPKEY key')) };
  },
  format: (d) => d.key,
  check(d) {
    const out: RdataIssue[] = [];
    if (d.key === '') out.push(issue('openpgpkey-empty', 'error', 'the OPENPGPKEY key is empty'));
    return out;
  },
  target: (d) => d.key,
  dependsOn: () => [],
  toWire: (d, w) => w.bytes(base64ToBytes(d.key, 'OPENPGPKEY key')),
  fromWire: (r, end) => ({ key: bytesToBase64(r.bytes(end - r.offset)) }),
});
