import { describe, expect, it } from 'vitest';
import { compileGlob, GlobSyntaxError } from '../../src/diff/glob.js';

describe('compileGlob (gobwas/glob without separators, as DNSControl compiles it)', () => {
  const cases: [pattern: string, text: string, match: boolean][] = [
    ['foo', 'foo', true],
    ['foo', 'foo.bar', false],
    ['*', 'foo', true],
    ['*', 'foo.bar', true],
    ['*.bar', 'foo.bar', true],
    ['*.bar', 'a.foo.bar', true],
    ['**.bar', 'a.foo.bar', true],
    ['**.bar', '.bar', true],
    ['**', 'a.b.c', true],
    ['dyn-*', 'dyn-42', true],
    ['dyn-*', 'dyn-42.sub', true],
    ['dyn-**', 'dyn-42.sub', true],
    ['?oo', 'foo', true],
    ['?oo', '.oo', true],
    ['?oo', 'fooo', false],
    ['[abc]x', 'bx', true],
    ['[abc]x', 'dx', false],
    ['[a-c]x', 'cx', true],
    ['[!a-c]x', 'dx', true],
    ['[!a-c]x', 'ax', false],
    ['{www,api}', 'api', true],
    ['{www,api}', 'mail', false],
    ['{www,*.api}', 'v1.api', true],
    ['x{a,{b,c}}y', 'xcy', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['a\\?', 'a?', true],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['(x)+|y', '(x)+|y', true],
    ['_acme-challenge.**', '_acme-challenge.www', true],
    ['**.acm-validations.aws.', '_333333.nnn.acm-validations.aws.', true],
    ['*.acm-validations.aws.', '_333333.nnn.acm-validations.aws.', true],
    ['10.9.*', '10.9.0.1', true],
    ['10.9.*', '10.19.0.1', false],
    ['Foo', 'foo', false],
  ];
  it.each(cases)('%s ~ %s -> %s', (pattern, text, match) => {
    expect(compileGlob(pattern)(text)).toBe(match);
  });

  it.each(['[abc', '{a,b', 'a\\', '[]', '[z-a]'])('rejects %s', (pattern) => {
    expect(() => compileGlob(pattern)).toThrow(GlobSyntaxError);
  });
});
