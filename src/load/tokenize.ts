/**
 * A small JavaScript/TypeScript tokenizer: enough to find calls (identifiers, brackets, strings,
 * templates, comments, regular expressions), not a parser. The loader uses it on every file of a
 * config, where loading TypeScript's scanner would cost about 130 MB and 300 ms before the first
 * token (TypeScript 6, Node 20, measured 2026-11).
 *
 * `/` starts a regular expression unless the previous token ends a value (the usual heuristic: a
 * `/` after `}` is taken as division). Tokens are parallel typed arrays: a large config has close
 * to a million of them.
 */

/** Token kinds. */
export const enum Tok {
  Name = 1,
  String,
  /** A whole template without substitutions, or its last part (`}...\``). */
  TemplateEnd,
  /** The first or a middle part of a template (`\`...${` or `}...${`). */
  TemplateStart,
  Number,
  Regex,
  Private,
  Punct,
}

/** The tokens of one text. */
export interface Tokens {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** For Punct: the character code (for `?.`, `=>`, `...`, `++`, `--`: see {@link PUNCT2}). */
  readonly punct: Uint16Array;
  /**
   * A `/` followed `)`, `}`, `of`, `yield` or `await`, where only a parser knows whether it divides or starts a regular
   * expression (`if (x) /re/.test(s)`). It was read as division; a wrong guess could misplace
   * every later string boundary, so callers that rewrite text give up on such a file.
   */
  readonly ambiguous: boolean;
}

/** Codes given to the two- and three-character punctuators the tokenizer keeps whole. */
export const PUNCT2 = { optionalChain: 0x100, arrow: 0x101, spread: 0x102, increment: 0x103, decrement: 0x104 } as const;

// Words after which `/` starts a regular expression although they are names.
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c >= 128 || c === 92;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/** Tokenizes `text`. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(256, n >> 2);
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let punct = new Uint16Array(cap);
  let count = 0;
  let ambiguous = false;
  const push = (k: Tok, s: number, e: number, p = 0): void => {
    if (count === cap) {
      cap *= 2;
      const k2 = new Uint8Array(cap);
      k2.set(kind);
      kind = k2;
      const s2 = new Int32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap);
      e2.set(end);
      end = e2;
      const p2 = new Uint16Array(cap);
      p2.set(punct);
      punct = p2;
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    punct[count] = p;
    count++;
  };
  // What each open `{` belongs to: true for a template's `${`.
  const braces: boolean[] = [];
  let i = 0;
  if (text.startsWith('#!')) i = lineEnd(text, i);

  // Scans template characters from i (just after ` or }) to the closing ` or the next ${.
  const template = (from: number): void => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) {
        push(Tok.TemplateEnd, from - 1, j + 1);
        i = j + 1;
        return;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        push(Tok.TemplateStart, from - 1, j + 2);
        braces.push(true);
        i = j + 2;
        return;
      } else j++;
    }
    push(Tok.TemplateEnd, from - 1, n);
    i = n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace and line terminators (including NBSP, BOM, U+2028/9 and other Unicode spaces).
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        i = lineEnd(text, i);
        continue;
      }
      if (d === 42) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      if (count > 0 && isAmbiguousBeforeSlash(text, kind[count - 1] ?? 0, start[count - 1] ?? 0, end[count - 1] ?? 0, punct[count - 1] ?? 0)) ambiguous = true;
      if (!endsValue(text, kind, start, end, punct, count)) {
        const s = i;
        i = regexEnd(text, i);
        push(Tok.Regex, s, i);
        continue;
      }
      push(Tok.Punct, i, i + 1, c);
      i++;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      push(Tok.Name, i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isIdPart(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(i, i + 2))) j++;
        else break;
      }
      push(Tok.Number, i, j);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === c) {
          j++;
          break;
        } else if (d === 10 || d === 13) break; // unterminated: esbuild reports it
        else j++;
      }
      push(Tok.String, i, j);
      i = j;
      continue;
    }
    if (c === 96) {
      template(i + 1);
      continue;
    }
    if (c === 35 /* # */ && isIdStart(text.charCodeAt(i + 1))) {
      let j = i + 2;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      push(Tok.Private, i, j);
      i = j;
      continue;
    }
    if (c === 123) braces.push(false);
    if (c === 125 && braces.length > 0 && braces.pop()) {
      template(i + 1);
      continue;
    }
    const d = text.charCodeAt(i + 1);
    if (c === 63 && d === 46 && !isDigit(text.charCodeAt(i + 2))) {
      push(Tok.Punct, i, i + 2, PUNCT2.optionalChain);
      i += 2;
    } else if (c === 61 && d === 62) {
      push(Tok.Punct, i, i + 2, PUNCT2.arrow);
      i += 2;
    } else if (c === 46 && d === 46 && text.charCodeAt(i + 2) === 46) {
      push(Tok.Punct, i, i + 3, PUNCT2.spread);
      i += 3;
    } else if ((c === 43 || c === 45) && d === c) {
      push(Tok.Punct, i, i + 2, c === 43 ? PUNCT2.increment : PUNCT2.decrement);
      i += 2;
    } else {
      push(Tok.Punct, i, i + 1, c);
      i++;
    }
  }
  return { count, kind, start, end, punct, ambiguous };
}

// Words that start an expression but can also be plain names (`const of = 4; of / 2`).
const SOFT_KEYWORDS = new Set(['of', 'yield', 'await']);

/** True when a `/` after this token may divide or start a regular expression. */
function isAmbiguousBeforeSlash(text: string, kind: number, start: number, end: number, punct: number): boolean {
  if (kind === Tok.Punct) return punct === 41 || punct === 125;
  return kind === Tok.Name && SOFT_KEYWORDS.has(text.slice(start, end));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lineEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return j;
  }
  return text.length;
}

/** The end of the regular expression literal starting at `from` (a `/`). */
function regexEnd(text: string, from: number): number {
  let j = from + 1;
  let inClass = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 10 || c === 13) return j; // unterminated
    else if (inClass) {
      if (c === 93) inClass = false;
      j++;
    } else if (c === 91) {
      inClass = true;
      j++;
    } else if (c === 47) {
      j++;
      while (j < text.length && isIdPart(text.charCodeAt(j))) j++;
      return j;
    } else j++;
  }
  return j;
}

function endsValue(text: string, kind: Uint8Array, start: Int32Array, end: Int32Array, punct: Uint16Array, count: number): boolean {
  if (count === 0) return false;
  const k = kind[count - 1];
  if (k === Tok.Name) return !EXPRESSION_KEYWORDS.has(text.slice(start[count - 1], end[count - 1]));
  if (k === Tok.String || k === Tok.Number || k === Tok.Regex || k === Tok.TemplateEnd || k === Tok.Private) return true;
  if (k === Tok.Punct) {
    const p = punct[count - 1];
    return p === 41 || p === 93 || p === 125 || p === PUNCT2.increment || p === PUNCT2.decrement;
  }
  return false;
}
