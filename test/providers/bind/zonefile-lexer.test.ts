import { describe, expect, it } from 'vitest';
import { ZoneLexer } from '../../../providers/bind/zonefile-lexer.js';

/** Every entry of a text as [ownerOmitted, tokens] with quoted tokens shown in quotes. */
function entries(text: string): { omitted: boolean; tokens: string[]; error?: string }[] {
  const lx = new ZoneLexer(Buffer.from(text, 'utf8'));
  const out: { omitted: boolean; tokens: string[]; error?: string }[] = [];
  while (lx.next()) {
    const tokens: string[] = [];
    for (let i = 0; i < lx.count; i++) tokens.push(lx.quoted(i) ? `"${lx.text(i)}"` : lx.text(i));
    out.push({ omitted: lx.ownerOmitted, tokens, ...(lx.error ? { error: lx.error.code } : {}) });
  }
  return out;
}

describe('zone-file lexer', () => {
  it('splits entries at newlines and skips blank and comment-only lines', () => {
    expect(entries('a A 1.2.3.4\n\n; only a comment\n   ; indented comment\nb A 1.2.3.5 ; trailing\n')).toEqual([
      { omitted: false, tokens: ['a', 'A', '1.2.3.4'] },
      { omitted: false, tokens: ['b', 'A', '1.2.3.5'] },
    ]);
  });

  it('joins lines inside parentheses, which need no spaces around them and nest', () => {
    expect(entries('@ SOA ns hm (1 2\n ; comment inside\n 3 4 (5))\nx MX(10 y)\n')).toEqual([
      { omitted: false, tokens: ['@', 'SOA', 'ns', 'hm', '1', '2', '3', '4', '5'] },
      { omitted: false, tokens: ['x', 'MX', '10', 'y'] },
    ]);
  });

  it('marks entries whose first line starts with a blank (tab or space) as having no owner', () => {
    expect(entries('a A 1.2.3.4\n\tA 1.2.3.5\n  A 1.2.3.6\n')).toEqual([
      { omitted: false, tokens: ['a', 'A', '1.2.3.4'] },
      { omitted: true, tokens: ['A', '1.2.3.5'] },
      { omitted: true, tokens: ['A', '1.2.3.6'] },
    ]);
  });

  it('keeps escapes in token text and lets a quote end an unquoted token (as BIND does)', () => {
    expect(entries('x TXT "a\\"b;c" d\\;e ab"cd"ef \\065\\ z\n')).toEqual([
      { omitted: false, tokens: ['x', 'TXT', '"a\\"b;c"', 'd\\;e', 'ab', '"cd"', 'ef', '\\065\\ z'] },
    ]);
  });

  it('allows an escaped newline inside quotes and handles CRLF line ends', () => {
    expect(entries('x TXT "ab\\\ncd"\r\ny A 1.2.3.4\r\n')).toEqual([
      { omitted: false, tokens: ['x', 'TXT', '"ab\\\ncd"'] },
      { omitted: false, tokens: ['y', 'A', '1.2.3.4'] },
    ]);
  });

  it('decodes UTF-8 and turns bytes that are not UTF-8 into \\DDD escapes', () => {
    const lx = new ZoneLexer(Buffer.concat([Buffer.from('x TXT "h\u00e9" '), Buffer.from([0xff, 0x41]), Buffer.from('\n')]));
    expect(lx.next()).toBe(true);
    expect([lx.text(2), lx.text(3)]).toEqual(['h\u00e9', '\\255A']);
  });

  it('reports unbalanced quotes, parentheses and bad escapes, then goes on with the next entry', () => {
    expect(entries('a TXT "open\nb A 1.2.3.4\n')).toEqual([
      { omitted: false, tokens: ['a', 'TXT'], error: 'zonefile-unbalanced-quotes' },
      { omitted: false, tokens: ['b', 'A', '1.2.3.4'] },
    ]);
    expect(entries('a A 1.2.3.4 )\nb A 1.2.3.5\n').map((e) => e.error ?? 'ok')).toEqual(['zonefile-unbalanced-parens', 'ok']);
    expect(entries('a MX ( 10 b\n').map((e) => e.error)).toEqual(['zonefile-unbalanced-parens']);
    expect(entries('a TXT "\\256"\nb TXT \\25x\nc TXT ab\\\nd A 1.2.3.4\n').map((e) => e.error ?? 'ok')).toEqual([
      'zonefile-bad-escape',
      'zonefile-bad-escape',
      'zonefile-bad-escape',
      'ok',
    ]);
  });

  it('reads a file without a final newline', () => {
    expect(entries('a A 1.2.3.4')).toEqual([{ omitted: false, tokens: ['a', 'A', '1.2.3.4'] }]);
  });
});
