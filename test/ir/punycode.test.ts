import { describe, expect, it } from 'vitest';
import { toAsciiName, toUnicodeName } from '../../src/ir/names.js';
import { decodePunycode, unicodeLabel } from '../../src/ir/punycode.js';

describe('punycode (the same answer on Node 20 and 24)', () => {
  it('decodes RFC 3492 sample strings', () => {
    expect(decodePunycode('bcher-kva')).toBe('bücher');
    expect(decodePunycode('mnchen-3ya')).toBe('münchen');
    // RFC 3492 §7.1 (B) Chinese (simplified).
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(decodePunycode('zz')).toBeUndefined();
    expect(decodePunycode('a-!')).toBeUndefined();
  });
  it('accepts only labels that encode back to themselves', () => {
    expect(unicodeLabel('xn--bcher-kva')).toBe('bücher');
    expect(unicodeLabel('XN--BCHER-KVA')).toBe('bücher');
    expect(unicodeLabel('xn--zz')).toBeUndefined();
    expect(unicodeLabel('xn--a')).toBeUndefined();
    expect(unicodeLabel('plain')).toBeUndefined();
  });
  it('is what names use', () => {
    expect(toAsciiName('xn--zz.example')).toMatchObject({ ok: false });
    expect(toAsciiName('Bücher.Example')).toEqual({ ok: true, ascii: 'xn--bcher-kva.example' });
    expect(toUnicodeName('www.xn--bcher-kva.example')).toBe('www.bücher.example');
    expect(toUnicodeName('xn--zz.example')).toBe('xn--zz.example');
  });
});
