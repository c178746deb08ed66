import { describe, expect, it } from 'vitest';
import {
  bytesToText,
  charStringFromToken,
  decodeText,
  escapeBytes,
  isValidUtf8,
  quoteBytes,
  quoteBytesAs,
  quoteCharStrings,
  splitCharStrings,
  tokenizeRdata,
  utf8,
} from '../../src/records/text.js';
import { RdataError } from '../../src/records/types.js';

function code(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof RdataError ? e.code : String(e);
  }
}

describe('tokenizeRdata', () => {
  it('splits on whitespace and keeps quoted strings whole', () => {
    expect(tokenizeRdata('10  mail.example.com.\t')).toEqual([
      { text: '10', quoted: false },
      { text: 'mail.example.com.', quoted: false },
    ]);
    expect(tokenizeRdata('"a b" c "" "x\\"y"')).toEqual([
      { text: 'a b', quoted: true },
      { text: 'c', quoted: false },
      { text: '', quoted: true },
      { text: 'x\\"y', quoted: true },
    ]);
    expect(tokenizeRdata('a\\ b c')).toEqual([
      { text: 'a\\ b', quoted: false },
      { text: 'c', quoted: false },
    ]);
    expect(tokenizeRdata('   ')).toEqual([]);
  });

  it('keeps RFC 9460 key="value with spaces" in one token', () => {
    expect(tokenizeRdata('1 . alpn="h2, h3" port=443')).toEqual([
      { text: '1', quoted: false },
      { text: '.', quoted: false },
      { text: 'alpn="h2, h3"', quoted: false },
      { text: 'port=443', quoted: false },
    ]);
    expect(tokenizeRdata('key1="a\\"b c"')[0]?.text).toBe('key1="a\\"b c"');
  });

  it('throws unterminated-quote', () => {
    expect(code(() => tokenizeRdata('"abc'))).toBe('unterminated-quote');
    expect(code(() => tokenizeRdata('"abc\\"'))).toBe('unterminated-quote');
    expect(code(() => tokenizeRdata('alpn="h2'))).toBe('unterminated-quote');
  });
});

describe('decodeText and canonical quoting', () => {
  it('decodes \\X and \\DDD; other characters as UTF-8', () => {
    expect(Array.from(decodeText('a\\"b\\\\c\\;'))).toEqual(Array.from(Buffer.from('a"b\\c;')));
    expect(Array.from(decodeText('\\000\\255\\065'))).toEqual([0, 255, 65]);
    expect(Array.from(decodeText('é'))).toEqual([0xc3, 0xa9]);
    expect(Array.from(decodeText('\\é'))).toEqual([0xc3, 0xa9]);
    expect(Array.from(decodeText('\\😀'))).toEqual(Array.from(Buffer.from('😀')));
    expect(code(() => decodeText('\\256'))).toBe('invalid-escape');
    expect(code(() => decodeText('\\1x'))).toBe('invalid-escape');
    expect(code(() => decodeText('ab\\'))).toBe('invalid-escape');
  });

  it('quotes printable ASCII as is, escapes " and \\, \\DDD for controls, keeps valid UTF-8', () => {
    expect(quoteBytes(utf8('plain text; semi'))).toBe('"plain text; semi"');
    expect(quoteBytes(utf8('say "hi" \\o/'))).toBe('"say \\"hi\\" \\\\o/"');
    expect(quoteBytes(Uint8Array.from([0, 9, 10, 31, 127]))).toBe('"\\000\\009\\010\\031\\127"');
    expect(quoteBytes(utf8('café ✓ 😀'))).toBe('"café ✓ 😀"');
    // Invalid UTF-8: lone continuation, overlong, surrogate, truncated sequence, above U+10FFFF.
    expect(escapeBytes(Uint8Array.from([0x80]))).toBe('\\128');
    expect(escapeBytes(Uint8Array.from([0xc0, 0xaf]))).toBe('\\192\\175');
    expect(escapeBytes(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe('\\237\\160\\128');
    expect(escapeBytes(Uint8Array.from([0xe2, 0x82]))).toBe('\\226\\130');
    expect(escapeBytes(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe('\\244\\144\\128\\128');
    expect(escapeBytes(Uint8Array.from([0xc3, 0xa9, 0xff]))).toBe('é\\255');
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(decodeText(escapeBytes(all)))).toEqual(Array.from(all));
  });

  it('reports UTF-8 validity and decodes for display', () => {
    expect(isValidUtf8(utf8('é'))).toBe(true);
    expect(isValidUtf8(Uint8Array.from([0xff]))).toBe(false);
    expect(bytesToText(Uint8Array.from([0x61, 0xff]))).toBe('a\ufffd');
  });
});

describe('character-strings', () => {
  it('splits at 255 octets, stepping back to a UTF-8 boundary', () => {
    const s = utf8(`${'a'.repeat(254)}é${'b'.repeat(10)}`);
    const parts = splitCharStrings(s);
    expect(parts.map((p) => p.length)).toEqual([254, 12]);
    expect(bytesToText(parts[1] as Uint8Array)).toBe(`é${'b'.repeat(10)}`);
    const emoji = utf8(`${'a'.repeat(253)}😀`);
    expect(splitCharStrings(emoji).map((p) => p.length)).toEqual([253, 4]);
    expect(splitCharStrings(new Uint8Array(0)).map((p) => p.length)).toEqual([0]);
    expect(splitCharStrings(new Uint8Array(510)).map((p) => p.length)).toEqual([255, 255]);
    expect(splitCharStrings(new Uint8Array(511)).map((p) => p.length)).toEqual([255, 255, 1]);
  });

  it('splits where it must when the bytes are not UTF-8', () => {
    const raw = new Uint8Array(300).fill(0x80);
    expect(splitCharStrings(raw).map((p) => p.length)).toEqual([255, 45]);
  });

  it('quotes zone-file pieces and reads single character-strings', () => {
    expect(quoteCharStrings(utf8('short'))).toBe('"short"');
    expect(tokenizeRdata(quoteCharStrings(new Uint8Array(600).fill(0x41))).map((t) => t.text.length)).toEqual([255, 255, 90]);
    expect(charStringFromToken({ text: 'abc', quoted: true }, 'x').length).toBe(3);
    expect(code(() => charStringFromToken({ text: 'a'.repeat(256), quoted: true }, 'NAPTR regexp'))).toBe('string-too-long');
  });
});

describe('quoteBytesAs', () => {
  it('is quoteBytes, whatever text it is given', () => {
    const texts = ['', 'v=spf1 -all', 'a "q" b', 'back\\slash', 'tab\there', 'caf\u00e9', '\u{1f600}', '\ud800', 'x'.repeat(5000), '\u007f'];
    for (const text of texts) {
      const bytes = utf8(text);
      expect(quoteBytesAs(bytes, text), JSON.stringify(text)).toBe(quoteBytes(bytes));
      // A text that does not spell the bytes is not used.
      expect(quoteBytesAs(bytes, 'z'.repeat(bytes.length))).toBe(quoteBytes(bytes));
    }
  });
});
