import { defineType } from '../define.js';
import { expectAtLeast } from '../fields.js';
import { bytesToText, decodeText, escapeBytes, quoteBytes, quoteBytesAs, quoteCharStrings, splitCharStrings, utf8 } from '../text.js';
import { RdataError, type RdataIssue, type RdataToken } from '../types.js';

/** TXT data: one logical string (DNSControl's "TXT is one long string"); chunking is a wire/zone-file matter. */
export interface TxtData {
  /** The exact octets. */
  readonly bytes: Uint8Array;
  /** The octets as UTF-8 text (lossless unless the bytes are not valid UTF-8). */
  readonly text: string;
}

function fromBytes(bytes: Uint8Array): TxtData {
  return { bytes, text: bytesToText(bytes) };
}

/** True when a token's text can be copied into canonical quotes unchanged. */
function plainToken(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII except " and \, or any BMP character outside the surrogates (valid UTF-8).
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

function concatTokens(tokens: readonly RdataToken[]): Uint8Array {
  if (tokens.length === 1) return decodeText((tokens[0] as RdataToken).text);
  const parts = tokens.map((t) => decodeText(t.text));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** TXT: text strings (RFC 1035), kept as one logical string; the wire and zone files split it in 255-octet pieces. */
export const TXT = defineType<TxtData>({
  type: 'TXT',
  code: 16,
  fromArgs(args) {
    expectAtLeast(args, 1, 'TXT', 'arguments');
    for (const a of args) if (typeof a !== 'string') throw new RdataError('not-a-string', `TXT values must be strings, got ${typeof a}`);
    // One string (what the DSL passes) needs no joining.
    const text = args.length === 1 ? (args[0] as string) : args.join('');
    const bytes = utf8(text);
    // Plain text (no surrogates, among others) comes back from UTF-8 as it went in, but for a
    // leading U+FEFF, which the decoder drops as a byte order mark: no decoding for it.
    return { bytes, text: plainToken(text) && text.charCodeAt(0) !== 0xfeff ? text : bytesToText(bytes) };
  },
  fromTokens(tokens) {
    expectAtLeast(tokens, 1, 'TXT');
    return fromBytes(concatTokens(tokens));
  },
  canonical(tokens) {
    const n = tokens.length;
    if (n === 0) expectAtLeast(tokens, 1, 'TXT');
    let body = '';
    for (let i = 0; i < n; i++) {
      const t = (tokens[i] as RdataToken).text;
      if (!plainToken(t)) return quoteBytes(concatTokens(tokens));
      body += t;
    }
    return `"${body}"`;
  },
  format: (d) => quoteBytesAs(d.bytes, d.text),
  toZoneFile: (d) => quoteCharStrings(d.bytes),
  check(d) {
    const out: RdataIssue[] = [];
    const wire = d.bytes.length + Math.max(1, Math.ceil(d.bytes.length / 255));
    if (wire > 65535) out.push({ code: 'txt-too-long', severity: 'error', message: `TXT data is ${wire} octets on the wire; the limit is 65535` });
    return out;
  },
  target: (d) => d.text,
  dependsOn: () => [],
  toWire(d, w) {
    for (const chunk of splitCharStrings(d.bytes)) {
      w.u8(chunk.length);
      w.bytes(chunk);
    }
  },
  fromWire(r, end) {
    const parts: Uint8Array[] = [];
    let total = 0;
    do {
      const len = r.u8();
      const p = r.bytes(len);
      parts.push(p);
      total += len;
    } while (r.offset < end);
    const bytes = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      bytes.set(p, o);
      o += p.length;
    }
    return fromBytes(bytes);
  },
});

/** The canonical TXT rdata for a JS string (what `TXT("@", value)` produces). */
export function txtRdata(value: string): string {
  return `"${escapeBytes(utf8(value))}"`;
}
