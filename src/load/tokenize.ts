/**
 * A small JavaScript/TypeScript tokenizer: enough to find calls (identifiers, brackets, strings,
 * templates, comments, regular expressions), not a parser. The loader uses it on every file of a
 * config, where loading TypeScript's scanner would cost about 130 MB and 300 ms before the first
 * token (TypeScript 6, Node 20, measured 2026-11).
 *
 * `/` starts a regular expression unless the previous token ends a value (the usual heuristic: a
 * `/` after `}` is taken as division). Tokens are parallel typed arrays: a large config has close
 * to a million of them. What the loader needs to know about them besides (brackets, the names it
 * looks for, calls) is noted in the same pass: the lexer runs once per process, mostly before V8
 * has optimised it, so each further pass over the tokens cost about as much again (2026-11).
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
  /** Each token's innermost enclosing bracket (`(`, `[` or `{`), -1 at the top level. */
  readonly group: Int32Array;
  /**
   * Each bracket's matching bracket, -1 when unmatched (and for other tokens). A closing bracket
   * closes the innermost open one, whatever its kind.
   */
  readonly match: Int32Array;
  /** The `yield` and `await` tokens, in order. */
  readonly suspends: readonly number[];
  /** The name tokens whose text is one of the names given to {@link tokenize}, in order. */
  readonly candidates: readonly number[];
  /** The name tokens `require`, `import` and `require_glob`, in order. */
  readonly loads: readonly number[];
  /**
   * For each token, how many tokens before it may start a call: `new`, a `(` after a name that
   * is not a keyword such as `if`, after `)`, `]`, `?.` or a template, and a tagged template.
   */
  readonly callsBefore: Int32Array;
}

/** Codes given to the two- and three-character punctuators the tokenizer keeps whole. */
export const PUNCT2 = { optionalChain: 0x100, arrow: 0x101, spread: 0x102, increment: 0x103, decrement: 0x104 } as const;

// Words before `(` that do not make a call.
const NOT_CALLEE = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'void', 'delete', 'in', 'of', 'instanceof', 'case', 'else', 'do', 'throw', 'yield', 'await']);
// Their first characters: any other name before `(` is a callee without a slice.
const NOT_CALLEE_FIRST = new Uint8Array(128);
for (const w of NOT_CALLEE) NOT_CALLEE_FIRST[w.charCodeAt(0)] = 1;

// Words after which `/` starts a regular expression although they are names.
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

// Character classes of ASCII: bit 1 starts an identifier, bit 2 continues one, bit 4 is a digit,
// bit 8 is whitespace. A table rather than comparisons: the tokenizer runs once per process,
// mostly before V8 has optimised it, where every comparison and call counts.
const ID_START = 1;
const ID_PART = 2;
const DIGIT = 4;
const SPACE = 8;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92;
  const digit = c >= 48 && c <= 57;
  const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
  ASCII[c] = (start ? ID_START | ID_PART : 0) | (digit ? DIGIT | ID_PART : 0) | (space ? SPACE : 0);
}

function isIdStart(c: number): boolean {
  return c >= 128 || ((ASCII[c] as number) & ID_START) !== 0;
}

function isIdPart(c: number): boolean {
  return c >= 128 || ((ASCII[c] as number) & ID_PART) !== 0;
}

// Whitespace and line terminators beyond ASCII (NBSP, BOM, U+2028/9 and other Unicode spaces).
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Tokenizes `text`, noting the name tokens that are one of `names` (Tokens.candidates). */
export function tokenize(text: string, names: ReadonlySet<string> = NO_NAMES): Tokens {
  return new Lexer(text, names).run();
}

// A class rather than closures made per call: V8 then keeps one optimised version of its methods
// for every file of a config (closures would deoptimise at each new file).
class Lexer {
  private kind: Uint8Array;
  private start: Int32Array;
  private end: Int32Array;
  private punct: Uint16Array;
  private group: Int32Array;
  private match: Int32Array;
  private callsBefore: Int32Array;
  private calls = 0;
  private cap: number;
  // Open brackets (token indexes), innermost last.
  private brackets = new Int32Array(256);
  private depth = 0;
  // What each open `{` belongs to: 1 for a template's `${`.
  private braces = new Uint8Array(256);
  private braceDepth = 0;
  private count = 0;
  private ambiguous = false;
  private readonly suspends: number[] = [];
  private readonly candidates: number[] = [];
  private readonly loads: number[] = [];
  // First characters and longest length of the names: most other identifiers are ruled out without a slice.
  private readonly firsts = new Uint8Array(128);
  private longest = 0;

  constructor(
    private readonly text: string,
    private readonly names: ReadonlySet<string>,
  ) {
    // About one token per four characters in a config, so the arrays rarely grow.
    this.cap = (text.length >> 2) + 256;
    this.kind = new Uint8Array(this.cap);
    this.start = new Int32Array(this.cap);
    this.end = new Int32Array(this.cap);
    this.punct = new Uint16Array(this.cap);
    this.group = new Int32Array(this.cap);
    this.match = new Int32Array(this.cap);
    this.callsBefore = new Int32Array(this.cap);
    for (const name of names) {
      this.longest = Math.max(this.longest, name.length);
      const c = name.charCodeAt(0);
      this.firsts[c < 128 ? c : 0] = 1;
    }
  }

  private grow(): void {
    this.cap *= 2;
    this.kind = grown(this.kind, new Uint8Array(this.cap));
    this.start = grown(this.start, new Int32Array(this.cap));
    this.end = grown(this.end, new Int32Array(this.cap));
    this.punct = grown(this.punct, new Uint16Array(this.cap));
    this.group = grown(this.group, new Int32Array(this.cap));
    this.match = grown(this.match, new Int32Array(this.cap));
    this.callsBefore = grown(this.callsBefore, new Int32Array(this.cap));
  }

  private push(k: Tok, s: number, e: number): number {
    if (this.count === this.cap) this.grow();
    const n = this.count++;
    this.kind[n] = k;
    this.start[n] = s;
    this.end[n] = e;
    this.punct[n] = 0;
    this.group[n] = this.depth > 0 ? (this.brackets[this.depth - 1] as number) : -1;
    this.match[n] = -1;
    this.callsBefore[n] = this.calls;
    return n;
  }

  private pushPunct(s: number, e: number, p: number): void {
    const n = this.push(Tok.Punct, s, e);
    this.punct[n] = p;
    if (p === 40 && n > 0 && (this.afterCallee(n) || this.punct[n - 1] === PUNCT2.optionalChain || this.kind[n - 1] === Tok.TemplateEnd)) this.calls++;
    if (p === 40 || p === 91 || p === 123) {
      if (this.depth === this.brackets.length) this.brackets = grown(this.brackets, new Int32Array(this.depth * 2));
      this.brackets[this.depth++] = n;
    }
    else if ((p === 41 || p === 93 || p === 125) && this.depth > 0) {
      const o = this.brackets[--this.depth] as number;
      this.match[o] = n;
      this.match[n] = o;
    }
  }

  private pushName(s: number, e: number): void {
    const n = this.push(Tok.Name, s, e);
    const { text } = this;
    const len = e - s;
    const c = text.charCodeAt(s);
    if (len === 3 && c === 110 && text.charCodeAt(s + 1) === 101 && text.charCodeAt(s + 2) === 119) this.calls++; // new
    if (len === 5 && (c === 121 || c === 97)) {
      const w = text.slice(s, e);
      if (w === 'yield' || w === 'await') this.suspends.push(n);
    }
    if ((len === 7 || len === 12 || len === 6) && (c === 114 || c === 105)) {
      const w = text.slice(s, e);
      if (w === 'require' || w === 'import' || w === 'require_glob') this.loads.push(n);
    }
    if (len <= this.longest && this.firsts[c < 128 ? c : 0] === 1 && this.names.has(text.slice(s, e))) this.candidates.push(n);
  }

  private openBrace(template: number): void {
    if (this.braceDepth === this.braces.length) this.braces = grown(this.braces, new Uint8Array(this.braceDepth * 2));
    this.braces[this.braceDepth++] = template;
  }

  // Next backslash, line feed and carriage return at or after the last offset asked about (or the text's length).
  private backslash = -1;
  private lf = -1;
  private cr = -1;

  // text[from, to) holds no backslash or line break (`from` never decreases from one call to the next).
  private plain(from: number, to: number): boolean {
    const { text } = this;
    if (this.backslash < from) this.backslash = nextOf(text, '\\', from);
    if (this.lf < from) this.lf = nextOf(text, '\n', from);
    if (this.cr < from) this.cr = nextOf(text, '\r', from);
    return this.backslash >= to && this.lf >= to && this.cr >= to;
  }

  // Token `n` (not the first) follows what may be called: a name that is not a keyword like `if`, `)` or `]`.
  private afterCallee(n: number): boolean {
    const prev = this.kind[n - 1];
    if (prev === Tok.Punct) return this.punct[n - 1] === 41 || this.punct[n - 1] === 93;
    if (prev !== Tok.Name) return false;
    const s = this.start[n - 1] as number;
    const c = this.text.charCodeAt(s);
    return c >= 128 || NOT_CALLEE_FIRST[c] === 0 || !NOT_CALLEE.has(this.text.slice(s, this.end[n - 1]));
  }

  // A template's first part (` up to ` or ${) after what may be called: a tagged template.
  private tagged(n: number): void {
    if (n > 0 && this.text.charCodeAt(this.start[n] as number) === 96 && this.afterCallee(n)) this.calls++;
  }

  // Scans template characters from `from` (just after ` or }) to the closing ` or the next ${;
  // returns where scanning goes on.
  private template(from: number): number {
    const { text } = this;
    const n = text.length;
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) {
        this.tagged(this.push(Tok.TemplateEnd, from - 1, j + 1));
        return j + 1;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        this.tagged(this.push(Tok.TemplateStart, from - 1, j + 2));
        this.openBrace(1);
        return j + 2;
      } else j++;
    }
    this.tagged(this.push(Tok.TemplateEnd, from - 1, n));
    return n;
  }

  // A `/` that is not a comment: a regular expression or division; returns where scanning goes on.
  private slash(i: number): number {
    const last = this.count - 1;
    const { text } = this;
    if (last >= 0 && isAmbiguousBeforeSlash(text, this.kind[last] ?? 0, this.start[last] ?? 0, this.end[last] ?? 0, this.punct[last] ?? 0)) this.ambiguous = true;
    if (!endsValue(text, this.kind, this.start, this.end, this.punct, this.count)) {
      const e = regexEnd(text, i);
      this.push(Tok.Regex, i, e);
      return e;
    }
    this.pushPunct(i, i + 1, 47);
    return i + 1;
  }

  private number(i: number): number {
    const { text } = this;
    const n = text.length;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isIdPart(d) || d === 46) j++;
      else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(i, i + 2))) j++;
      else break;
    }
    this.push(Tok.Number, i, j);
    return j;
  }

  run(): Tokens {
    const { text } = this;
    const n = text.length;
    let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? (ASCII[c] as number) : 0;
      if ((cls & SPACE) !== 0) {
        i++;
        continue;
      }
      if ((cls & ID_START) !== 0 || (c >= 128 && !isWideSpace(c))) {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d < 128 ? ((ASCII[d] as number) & ID_PART) === 0 : false) break;
          j++;
        }
        this.pushName(i, j);
        i = j;
        continue;
      }
      if (c >= 128) {
        i++; // Unicode whitespace
        continue;
      }
      if (c === 34 || c === 39) {
        // Most strings hold no backslash or line break: then the next quote ends it, and indexOf
        // finds it without a loop of character tests (a config is mostly strings).
        const close = text.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close >= 0 && this.plain(i + 1, close)) {
          this.push(Tok.String, i, close + 1);
          i = close + 1;
          continue;
        }
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
        i = j;
        continue;
      }
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c === 47 /* / */) {
        if (d === 47) i = lineEnd(text, i);
        else if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          i = close < 0 ? n : close + 2;
        } else i = this.slash(i);
        continue;
      }
      if ((cls & DIGIT) !== 0 || (c === 46 && d >= 48 && d <= 57)) {
        i = this.number(i);
        continue;
      }
      if (c === 96) {
        i = this.template(i + 1);
        continue;
      }
      if (c === 35 /* # */ && isIdStart(d)) {
        let j = i + 2;
        while (j < n && isIdPart(text.charCodeAt(j))) j++;
        this.push(Tok.Private, i, j);
        i = j;
        continue;
      }
      if (c === 123) this.openBrace(0);
      else if (c === 125 && this.braceDepth > 0 && this.braces[--this.braceDepth] === 1) {
        i = this.template(i + 1);
        continue;
      }
      if (c === 63 && d === 46 && !isDigit(i + 2 < n ? text.charCodeAt(i + 2) : 0)) {
        this.pushPunct(i, i + 2, PUNCT2.optionalChain);
        i += 2;
      } else if (c === 61 && d === 62) {
        this.pushPunct(i, i + 2, PUNCT2.arrow);
        i += 2;
      } else if (c === 46 && d === 46 && text.charCodeAt(i + 2) === 46) {
        this.pushPunct(i, i + 3, PUNCT2.spread);
        i += 3;
      } else if ((c === 43 || c === 45) && d === c) {
        this.pushPunct(i, i + 2, c === 43 ? PUNCT2.increment : PUNCT2.decrement);
        i += 2;
      } else {
        this.pushPunct(i, i + 1, c);
        i++;
      }
    }
    const { count, kind, start, end, punct, ambiguous, group, match, suspends, candidates, loads, callsBefore } = this;
    return { count, kind, start, end, punct, ambiguous, group, match, suspends, candidates, loads, callsBefore };
  }
}

function nextOf(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

function grown<T extends Uint8Array | Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
