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
  return new Lexer(text).run();
}

// A class rather than closures made per call: V8 then keeps one optimised version of push() and
// template() for every file of a config (closures would deoptimise at each new file).
class Lexer {
  private cap: number;
  private kind: Uint8Array;
  private start: Int32Array;
  private end: Int32Array;
  private punct: Uint16Array;
  private count = 0;
  private ambiguous = false;
  // What each open `{` belongs to: true for a template's `${`.
  private readonly braces: boolean[] = [];
  private i = 0;

  constructor(private readonly text: string) {
    this.cap = Math.max(256, text.length >> 2);
    this.kind = new Uint8Array(this.cap);
    this.start = new Int32Array(this.cap);
    this.end = new Int32Array(this.cap);
    this.punct = new Uint16Array(this.cap);
  }

  private push(k: Tok, s: number, e: number, p = 0): void {
    if (this.count === this.cap) this.grow();
    const n = this.count++;
    this.kind[n] = k;
    this.start[n] = s;
    this.end[n] = e;
    this.punct[n] = p;
  }

  private grow(): void {
    this.cap *= 2;
    const k2 = new Uint8Array(this.cap);
    k2.set(this.kind);
    this.kind = k2;
    const s2 = new Int32Array(this.cap);
    s2.set(this.start);
    this.start = s2;
    const e2 = new Int32Array(this.cap);
    e2.set(this.end);
    this.end = e2;
    const p2 = new Uint16Array(this.cap);
    p2.set(this.punct);
    this.punct = p2;
  }

  // Scans template characters from `from` (just after ` or }) to the closing ` or the next ${.
  private template(from: number): void {
    const { text } = this;
    const n = text.length;
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) {
        this.push(Tok.TemplateEnd, from - 1, j + 1);
        this.i = j + 1;
        return;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        this.push(Tok.TemplateStart, from - 1, j + 2);
        this.braces.push(true);
        this.i = j + 2;
        return;
      } else j++;
    }
    this.push(Tok.TemplateEnd, from - 1, n);
    this.i = n;
  }

  run(): Tokens {
    const { text } = this;
    const n = text.length;
    if (text.startsWith('#!')) this.i = lineEnd(text, 0);
    while (this.i < n) {
      const i = this.i;
      const c = text.charCodeAt(i);
      // Whitespace and line terminators (including NBSP, BOM, U+2028/9 and other Unicode spaces).
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f) {
        this.i++;
        continue;
      }
      if (c === 47 /* / */) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          this.i = lineEnd(text, i);
          continue;
        }
        if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          this.i = close < 0 ? n : close + 2;
          continue;
        }
        const last = this.count - 1;
        if (last >= 0 && isAmbiguousBeforeSlash(text, this.kind[last] ?? 0, this.start[last] ?? 0, this.end[last] ?? 0, this.punct[last] ?? 0)) this.ambiguous = true;
        if (!endsValue(text, this.kind, this.start, this.end, this.punct, this.count)) {
          this.i = regexEnd(text, i);
          this.push(Tok.Regex, i, this.i);
          continue;
        }
        this.push(Tok.Punct, i, i + 1, c);
        this.i++;
        continue;
      }
      if (isIdStart(c)) {
        let j = i + 1;
        while (j < n && isIdPart(text.charCodeAt(j))) j++;
        this.push(Tok.Name, i, j);
        this.i = j;
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
        this.push(Tok.Number, i, j);
        this.i = j;
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
        this.push(Tok.String, i, j);
        this.i = j;
        continue;
      }
      if (c === 96) {
        this.template(i + 1);
        continue;
      }
      if (c === 35 /* # */ && isIdStart(text.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isIdPart(text.charCodeAt(j))) j++;
        this.push(Tok.Private, i, j);
        this.i = j;
        continue;
      }
      if (c === 123) this.braces.push(false);
      if (c === 125 && this.braces.length > 0 && this.braces.pop()) {
        this.template(i + 1);
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (c === 63 && d === 46 && !isDigit(text.charCodeAt(i + 2))) {
        this.push(Tok.Punct, i, i + 2, PUNCT2.optionalChain);
        this.i += 2;
      } else if (c === 61 && d === 62) {
        this.push(Tok.Punct, i, i + 2, PUNCT2.arrow);
        this.i += 2;
      } else if (c === 46 && d === 46 && text.charCodeAt(i + 2) === 46) {
        this.push(Tok.Punct, i, i + 3, PUNCT2.spread);
        this.i += 3;
      } else if ((c === 43 || c === 45) && d === c) {
        this.push(Tok.Punct, i, i + 2, c === 43 ? PUNCT2.increment : PUNCT2.decrement);
        this.i += 2;
      } else {
        this.push(Tok.Punct, i, i + 1, c);
        this.i++;
      }
    }
    return { count: this.count, kind: this.kind, start: this.start, end: this.end, punct: this.punct, ambiguous: this.ambiguous };
  }
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
