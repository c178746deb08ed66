import { declaredNames } from './declared-names.js';
import { TokenScan } from './token-scan.js';
import { PUNCT2, Tok, tokenize, type Tokens } from './tokenize.js';

/**
 * Finds the calls of DSL globals in one file, on tokens (tokenize.ts), not a parse: an identifier
 * from `names`, then `(`, not after `.`, `?.`, `new`, `function` or a modifier, and not a method
 * definition (`{` or `=>` or, in TypeScript, `:` after the closing parenthesis). The call
 * wrapper (call-wrap.ts) and the call-site numbering (call-sites.ts) both work from this list.
 * Names the file declares itself are flagged (declared-names.ts).
 */

/** One call of a DSL name, as offsets into the file's text. */
export interface DslCall {
  /** Offset of the name (the position V8 gives the call). */
  readonly start: number;
  /** Length of the name. */
  readonly name: number;
  /** Offset of the `(` after the name. */
  readonly open: number;
  /** Offset just past the matching `)`. */
  readonly end: number;
  /** The arguments contain `yield` or `await`. */
  readonly suspends: boolean;
  /** The file declares this name itself somewhere: the call may not reach the DSL's function. */
  readonly declared: boolean;
  /**
   * The arguments make a call other than an undeclared DSL call (`f(x)`, `o.m()`, `new X()`, a
   * tagged template, a declared name's call): one that could reach the DSL without a number.
   */
  readonly otherCalls: boolean;
}

const SKIP_AFTER_NAMES = new Set([
  'new', 'function', 'get', 'set', 'static', 'async', 'class', 'interface', 'type', 'declare', 'abstract',
  'public', 'private', 'protected', 'readonly', 'override', 'accessor',
]);
const SKIP_AFTER_PUNCT = new Set<number>([46 /* . */, PUNCT2.optionalChain, 42 /* * */, 64 /* @ */, 35 /* # */]);
// Words before `(` that do not make a call.
const NOT_CALLEE = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'void', 'delete', 'in', 'of', 'instanceof', 'case', 'else', 'do', 'throw', 'yield', 'await']);

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const COLON = 58;
const BACKTICK = 96;

/**
 * Every call of a name in `names`, in text order (calls nested in another's arguments included),
 * or undefined when the tokenizer is unsure of the file (Tokens.ambiguous): text inserted there
 * could land inside a string. A call without a matching `)` ends the list.
 */
export function findDslCalls(text: string, names: ReadonlySet<string>, javascript: boolean, tokens?: Tokens): DslCall[] | undefined {
  const t = tokens ?? tokenize(text);
  if (t.ambiguous) return undefined;
  const s = new TokenScan(text, t, names);
  const declared = declaredNames(s, javascript);
  const calls: number[] = [];
  for (const i of s.candidates) {
    if (!s.isPunct(i + 1, OPEN_PAREN) || skipped(s, i)) continue;
    const close = s.match[i + 1] as number;
    if (close < 0) break; // unbalanced: leave the rest alone, esbuild will report it
    const next = close + 1;
    if (s.isPunct(next, OPEN_BRACE) || s.isPunct(next, PUNCT2.arrow) || (!javascript && s.isPunct(next, COLON))) continue;
    calls.push(i);
  }
  const numbered = new Uint8Array(t.count);
  for (const i of calls) if (!declared.has(s.word(i))) numbered[i + 1] = 1;
  const others = otherCallsBefore(s, numbered);
  const out: DslCall[] = [];
  for (const i of calls) {
    const close = s.match[i + 1] as number;
    out.push({
      start: t.start[i] as number,
      name: (t.end[i] as number) - (t.start[i] as number),
      open: t.start[i + 1] as number,
      end: t.end[close] as number,
      suspends: (s.suspendsBefore[close] as number) > (s.suspendsBefore[i + 1] as number),
      declared: numbered[i + 1] === 0,
      otherCalls: (others[close] as number) > (others[i + 2] as number),
    });
  }
  return out;
}

/** A name after which `NAME(` is not a call of the global: `new`, `.`, `function`, a modifier. */
function skipped(s: TokenScan, i: number): boolean {
  if (i === 0) return false;
  const k = s.t.kind[i - 1];
  if (k === Tok.Name) return SKIP_AFTER_NAMES.has(s.word(i - 1));
  return k === Tok.Punct && SKIP_AFTER_PUNCT.has(s.t.punct[i - 1] as number);
}

/** For each token, how many calls that are not numbered DSL calls come before it. */
function otherCallsBefore(s: TokenScan, numbered: Uint8Array): Int32Array {
  const { kind, punct, start, count } = s.t;
  const before = new Int32Array(count + 1);
  let others = 0;
  for (let j = 0; j < count; j++) {
    before[j] = others;
    if (numbered[j] === 1) continue;
    const k = kind[j];
    if (k === Tok.Name) {
      if (s.word(j) === 'new') others++;
      continue;
    }
    if (k !== Tok.Punct && k !== Tok.TemplateStart && k !== Tok.TemplateEnd) continue;
    const prev = j > 0 ? kind[j - 1] : 0;
    const afterCallee =
      prev === Tok.Name ? !NOT_CALLEE.has(s.word(j - 1)) : prev === Tok.Punct && (punct[j - 1] === CLOSE_PAREN || punct[j - 1] === CLOSE_BRACKET);
    if (k === Tok.Punct) {
      if (punct[j] === OPEN_PAREN && (afterCallee || punct[j - 1] === PUNCT2.optionalChain || prev === Tok.TemplateEnd)) others++;
    } else if (afterCallee && s.text.charCodeAt(start[j] as number) === BACKTICK) {
      others++; // a tagged template
    }
  }
  before[count] = others;
  return before;
}
