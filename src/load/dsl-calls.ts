import { declaredNames } from './declared-names.js';
import { TokenScan } from './token-scan.js';
import { PUNCT2, Tok, tokenize, type Tokens } from './tokenize.js';

/**
 * Finds the calls of DSL globals in one file, on tokens (tokenize.ts), not a parse: an identifier
 * from `names`, then `(`, not after `.`, `?.`, `new`, `function` or a modifier, and not a method
 * definition (`{` or `=>` or, in TypeScript, `:` after the closing parenthesis). The call
 * wrapper (call-wrap.ts) and the call-site numbering (call-sites.ts) both work from this list.
 * Names the file declares itself are flagged (declared-names.ts).
 *
 * A large config holds over 100,000 calls, read once by a process that has not warmed up: the
 * list is parallel typed arrays rather than an object per call (objects cost about a third of
 * the rewrite in garbage collection, Node 20, measured 2026-11).
 */

/** One call of a DSL name, as offsets into the file's text (see {@link DslCalls} for the fields). */
export interface DslCall {
  readonly start: number;
  readonly name: number;
  readonly open: number;
  readonly end: number;
  readonly suspends: boolean;
  readonly declared: boolean;
  readonly otherCalls: boolean;
}

/** Flags of a call in {@link DslCalls.flags}. */
export const enum CallFlag {
  /** The file declares this name itself somewhere: the call may not reach the DSL's function. */
  Declared = 1,
  /** The arguments contain `yield` or `await`. */
  Suspends = 2,
  /**
   * The arguments make a call other than an undeclared DSL call (`f(x)`, `o.m()`, `new X()`, a
   * tagged template, a declared name's call): one that could reach the DSL without a number.
   */
  OtherCalls = 4,
}

/** The calls of one file, in text order: call `k` is entry `k` of each array. */
export interface DslCalls {
  readonly count: number;
  /** Offset of the name (the position V8 gives the call). */
  readonly start: Int32Array;
  /** Length of the name. */
  readonly name: Int32Array;
  /** Offset of the `(` after the name. */
  readonly open: Int32Array;
  /** Offset just past the matching `)`. */
  readonly end: Int32Array;
  /** {@link CallFlag} bits. */
  readonly flags: Uint8Array;
  /** How many calls are not {@link CallFlag.Declared}: the calls call-sites.ts numbers. */
  readonly undeclared: number;
}

const SKIP_AFTER_NAMES = new Set([
  'new', 'function', 'get', 'set', 'static', 'async', 'class', 'interface', 'type', 'declare', 'abstract',
  'public', 'private', 'protected', 'readonly', 'override', 'accessor',
]);
// First characters of SKIP_AFTER_NAMES: any other name is ruled out without a slice.
const SKIP_AFTER_FIRST = firstChars(SKIP_AFTER_NAMES);

const OPEN_PAREN = 40;
const OPEN_BRACE = 123;
const COLON = 58;

/**
 * Every call of a name in `names`, in text order (calls nested in another's arguments included),
 * or undefined when the tokenizer is unsure of the file (Tokens.ambiguous): text inserted there
 * could land inside a string. A call without a matching `)` ends the list. `tokens`, when given,
 * must have been made with the same `names` (tokenize.ts).
 */
export function findDslCalls(text: string, names: ReadonlySet<string>, javascript: boolean, tokens?: Tokens): DslCalls | undefined {
  const t = tokens ?? tokenize(text, names);
  if (t.ambiguous) return undefined;
  const s = new TokenScan(text, t);
  const declared = declaredNames(s, javascript);
  const n = s.candidates.length;
  // Token index of each call's name, and its flags so far.
  const at = new Int32Array(n);
  const flags = new Uint8Array(n);
  // How many of the calls before each are numbered and counted in callsBefore (their `(` is).
  const numberedBefore = new Int32Array(n + 1);
  const count = collectCalls(s, declared, javascript, at, flags, numberedBefore);
  const calls = { count, start: new Int32Array(count), name: new Int32Array(count), open: new Int32Array(count), end: new Int32Array(count), flags, undeclared: 0 };
  calls.undeclared = placeCalls(t, s.match, at, numberedBefore, calls);
  return calls;
}

// Each loop below is a function of its own that returns as soon as the loop ends: V8 compiles a
// long loop while it runs (on-stack replacement), before the code after it has ever run, and
// code there that had not run yet threw the compiled loop away at each file (Node 20, 2026-11).

/** The calls among the candidates, in `at` and `flags`; returns how many. */
function collectCalls(s: TokenScan, declared: ReadonlySet<string>, javascript: boolean, at: Int32Array, flags: Uint8Array, numberedBefore: Int32Array): number {
  const { candidates, match } = s;
  const { kind, punct, callsBefore } = s.t;
  let count = 0;
  let numbered = 0;
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c] as number;
    if (i + 1 >= s.t.count || kind[i + 1] !== Tok.Punct || punct[i + 1] !== OPEN_PAREN || skipped(s, i)) continue;
    const close = match[i + 1] as number;
    if (close < 0) return count; // unbalanced: leave the rest alone, esbuild will report it
    const next = close + 1;
    if (s.isPunct(next, OPEN_BRACE) || s.isPunct(next, PUNCT2.arrow) || (!javascript && s.isPunct(next, COLON))) continue;
    if (declared.size > 0 && declared.has(s.word(i))) flags[count] = CallFlag.Declared;
    else numbered += (callsBefore[i + 2] as number) - (callsBefore[i + 1] as number);
    at[count++] = i;
    numberedBefore[count] = numbered;
  }
  return count;
}

/** Fills the offsets of `calls` and the flags that depend on their arguments; returns how many are not declared. */
function placeCalls(t: Tokens, match: Int32Array, at: Int32Array, numberedBefore: Int32Array, calls: DslCalls): number {
  const { start, end, suspends, callsBefore } = t;
  const { count, flags } = calls;
  // The calls whose arguments are still open (indexes into the list), innermost last: each one's
  // arguments hold the calls up to the first that starts after its `)`. One more round than
  // calls closes those still open at the end.
  const open = new Int32Array(count);
  let depth = 0;
  let nextSuspend = 0;
  let undeclared = 0;
  for (let k = 0; k <= count; k++) {
    const i = k < count ? (at[k] as number) : 0x7fffffff;
    while (depth > 0 && (match[(at[open[depth - 1] as number] as number) + 1] as number) < i) closeCall(calls, at, match, callsBefore, numberedBefore, open[--depth] as number, k);
    if (k === count) return undeclared;
    open[depth++] = k;
    const close = match[i + 1] as number;
    const s0 = start[i] as number;
    calls.start[k] = s0;
    calls.name[k] = (end[i] as number) - s0;
    calls.open[k] = start[i + 1] as number;
    calls.end[k] = end[close] as number;
    if (((flags[k] as number) & CallFlag.Declared) === 0) undeclared++;
    // The first yield/await after the `(`; calls come in order of their `(`.
    while (nextSuspend < suspends.length && (suspends[nextSuspend] as number) < i + 1) nextSuspend++;
    if (nextSuspend < suspends.length && (suspends[nextSuspend] as number) < close) flags[k] = (flags[k] as number) | CallFlag.Suspends;
  }
  return undeclared;
}

/**
 * Flags call `k` OtherCalls when its arguments (tokens `(`+1 to `)`) start a call besides the
 * numbered DSL calls in them, calls k+1 to `after`-1.
 */
function closeCall(calls: DslCalls, at: Int32Array, match: Int32Array, callsBefore: Int32Array, numberedBefore: Int32Array, k: number, after: number): void {
  const i = at[k] as number;
  const all = (callsBefore[match[i + 1] as number] as number) - (callsBefore[i + 2] as number);
  const numbered = (numberedBefore[after] as number) - (numberedBefore[k + 1] as number);
  if (all > numbered) calls.flags[k] = (calls.flags[k] as number) | CallFlag.OtherCalls;
}

/** Call `k` of `calls` as an object (for tests and reports; the loader reads the arrays). */
export function dslCall(calls: DslCalls, k: number): DslCall {
  const f = calls.flags[k] as number;
  return {
    start: calls.start[k] as number,
    name: calls.name[k] as number,
    open: calls.open[k] as number,
    end: calls.end[k] as number,
    suspends: (f & CallFlag.Suspends) !== 0,
    declared: (f & CallFlag.Declared) !== 0,
    otherCalls: (f & CallFlag.OtherCalls) !== 0,
  };
}

/** A name after which `NAME(` is not a call of the global: `new`, `.`, `function`, a modifier. */
function skipped(s: TokenScan, i: number): boolean {
  if (i === 0) return false;
  const { kind, punct, start } = s.t;
  const k = kind[i - 1];
  if (k === Tok.Name) return SKIP_AFTER_FIRST[s.text.charCodeAt(start[i - 1] as number) & 127] === 1 && SKIP_AFTER_NAMES.has(s.word(i - 1));
  if (k !== Tok.Punct) return false;
  const p = punct[i - 1] as number;
  // `.`, `?.`, `*`, `@`, `#`
  return p === 46 || p === PUNCT2.optionalChain || p === 42 || p === 64 || p === 35;
}

function firstChars(words: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(128);
  for (const w of words) out[w.charCodeAt(0) & 127] = 1;
  return out;
}
