/**
 * Glob patterns exactly as DNSControl's IGNORE() uses them: gobwas/glob compiled WITHOUT separators
 * (`glob.Compile(pattern)` in pkg/diff2/handsoff.go, verified 2026-11), so `*` and `**` both match
 * any run of characters, dots included (`*.example.com` matches `a.b.example.com`, `10.9.*` matches
 * `10.9.0.1`); `?` is one character, `[abc]` / `[a-z]` / `[!a-c]` one character from a class,
 * `{a,b}` alternatives (which may hold patterns), `\` makes the next character literal.
 * Matching is case-sensitive, as in gobwas.
 */
export type GlobMatcher = (text: string) => boolean;

/** A pattern that cannot be compiled, with the reason. */
export class GlobSyntaxError extends Error {
  constructor(pattern: string, reason: string) {
    super(`invalid glob "${pattern}": ${reason}`);
    this.name = 'GlobSyntaxError';
  }
}

// In a /u regex only syntax characters may be escaped outside a class; `-` may be escaped inside one.
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const CLASS_SYNTAX = /[\\^$.*+?()[\]{}|/-]/g;

function literal(ch: string): string {
  return ch.replace(REGEX_SYNTAX, '\\$&');
}

function classLiteral(ch: string): string {
  return ch.replace(CLASS_SYNTAX, '\\$&');
}

/** Compiles a glob to a matcher; throws GlobSyntaxError for unbalanced brackets or a trailing `\`. */
export function compileGlob(pattern: string): GlobMatcher {
  const chars = Array.from(pattern);
  let pos = 0;

  // Parses until one of `stops` (at brace depth 0 of this call) or the end; returns the regex source.
  const parseSeq = (stops: string): string => {
    let out = '';
    while (pos < chars.length) {
      const ch = chars[pos] as string;
      if (stops.includes(ch)) return out;
      pos++;
      switch (ch) {
        case '\\': {
          const next = chars[pos];
          if (next === undefined) throw new GlobSyntaxError(pattern, 'it ends with a lone backslash');
          pos++;
          out += literal(next);
          break;
        }
        case '*':
          while (chars[pos] === '*') pos++;
          out += '[^]*';
          break;
        case '?':
          out += '[^]';
          break;
        case '[':
          out += parseClass();
          break;
        case '{':
          out += parseAlternatives();
          break;
        default:
          out += literal(ch);
      }
    }
    return out;
  };

  const parseClass = (): string => {
    let negate = false;
    if (chars[pos] === '!') {
      negate = true;
      pos++;
    }
    let body = '';
    let items = 0;
    while (pos < chars.length && chars[pos] !== ']') {
      let lo = chars[pos] as string;
      pos++;
      if (lo === '\\') {
        const next = chars[pos];
        if (next === undefined) throw new GlobSyntaxError(pattern, 'it ends with a lone backslash');
        lo = next;
        pos++;
      }
      if (chars[pos] === '-' && chars[pos + 1] !== undefined && chars[pos + 1] !== ']') {
        const hi = chars[pos + 1] as string;
        pos += 2;
        if (hi < lo) throw new GlobSyntaxError(pattern, `the range ${lo}-${hi} is reversed`);
        body += `${classLiteral(lo)}-${classLiteral(hi)}`;
      } else {
        body += classLiteral(lo);
      }
      items++;
    }
    if (chars[pos] !== ']') throw new GlobSyntaxError(pattern, 'a "[" is never closed');
    if (items === 0) throw new GlobSyntaxError(pattern, 'a character class is empty');
    pos++;
    return negate ? `[^${body}]` : `[${body}]`;
  };

  const parseAlternatives = (): string => {
    const alts: string[] = [];
    for (;;) {
      alts.push(parseSeq(',}'));
      const ch = chars[pos];
      if (ch === undefined) throw new GlobSyntaxError(pattern, 'a "{" is never closed');
      pos++;
      if (ch === '}') break;
    }
    return `(?:${alts.join('|')})`;
  };

  const source = parseSeq('');
  const re = new RegExp(`^${source}$`, 'u');
  return (text) => re.test(text);
}
