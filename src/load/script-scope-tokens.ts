import { buildPrologue, type ScriptScope, type ScopeEdit } from './script-scope.js';
import { TokenScan } from './token-scan.js';
import { PUNCT2, Tok, type Tokens } from './tokenize.js';

/**
 * scriptScope() (script-scope.ts) from tokens, for the scripts most DNSControl configs are made
 * of: declarations such as `var REG = NewRegistrar("none");` and calls. TypeScript costs about
 * 0.3 s to load and 25 ms per 300 KB to parse (TypeScript 6, Node 20, measured 2026-11), which a
 * config of such files then never pays.
 *
 * Returns undefined, leaving the file to TypeScript, as soon as the file holds anything whose
 * scope needs a parser to get right: a function, arrow, class or method (their bodies have scopes
 * of their own), a destructuring declaration, a declaration not ended by `;` (or with a line break
 * that could end it early), a possible directive prologue.
 */
export function tokenScriptScope(text: string, t: Tokens): ScriptScope | undefined {
  const { count, kind, start, end } = t;
  if (count > 0 && kind[0] === Tok.String) return undefined; // maybe "use strict"
  const s = new TokenScan(text, t);
  const edits: ScopeEdit[] = [];
  const vars: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = kind[i];
    if (k === Tok.Punct) {
      if (s.isPunct(i, PUNCT2.arrow)) return undefined;
      if (s.isPunct(i, OPEN_BRACE) && s.isPunct(i - 1, CLOSE_PAREN) && !CONTROL.has(s.word((s.match[i - 1] as number) - 1))) return undefined;
      continue;
    }
    if (k !== Tok.Name) continue;
    // Only function, class, var, let and const matter: other names are passed over without a
    // slice (a large config has hundreds of thousands of them).
    const len = (end[i] as number) - (start[i] as number);
    const c = text.charCodeAt(start[i] as number);
    if ((len !== 3 && len !== 5 && len !== 8) || (c !== 102 && c !== 99 && c !== 118 && c !== 108)) continue;
    const w = s.word(i);
    if (w === 'function' || w === 'class') return undefined;
    if (w !== 'var' && w !== 'let' && w !== 'const') continue;
    if (s.isPunct(i - 1, DOT) || s.isPunct(i - 1, PUNCT2.optionalChain) || s.isPunct(i + 1, COLON)) continue; // a property
    // let/const in a block are block-scoped: not the script's (their extent does not matter).
    if (w !== 'var' && s.group[i] !== -1) continue;
    const names = declaredNames(s, i);
    if (!names) return undefined;
    edits.push({ start: start[i] as number, end: end[i] as number, text: ' '.repeat(w.length) });
    vars.push(...names);
  }
  const prologue = buildPrologue(vars, []);
  if (prologue) {
    const at = text.startsWith('#!') ? lineAfterHashbang(text) : 0;
    edits.unshift({ start: at, end: at, text: prologue });
  }
  return { edits };
}

// Statements whose `(...)` may be followed by a block; after anything else `) {` is a method.
const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const OPEN_BRACE = 123;
const CLOSE_PAREN = 41;
const COLON = 58;
const COMMA = 44;
const SEMICOLON = 59;
const EQUALS = 61;
const DOT = 46;
const LINE_BREAK = /[\n\r\u2028\u2029]|\/\*/;

/**
 * The names of the declaration list whose keyword is token `at`, or undefined when it is not a
 * list of plain names ended by `;` in which no line break could end the statement early.
 */
function declaredNames(s: TokenScan, at: number): string[] | undefined {
  const { kind, start, end, count } = s.t;
  const g = s.group[at] as number;
  const names: string[] = [];
  let j = at + 1;
  for (;;) {
    if (j >= count || kind[j] !== Tok.Name) return undefined;
    names.push(s.word(j));
    let k = j + 1;
    for (; k < count; k++) {
      if (g >= 0 && k === s.match[g]) return undefined; // the enclosing bracket closes (`for (var k in o)`)
      // Tokens inside brackets (a closing bracket counts as inside) cannot end the statement.
      if (s.group[k] !== g) continue;
      // A line break at this level may end the statement (ASI) unless the line ended with `,` or `=`.
      if (LINE_BREAK.test(s.text.slice(end[k - 1], start[k])) && !s.isPunct(k - 1, COMMA) && !s.isPunct(k - 1, EQUALS)) return undefined;
      if (s.isPunct(k, COMMA) || s.isPunct(k, SEMICOLON)) break;
    }
    if (k >= count) return undefined;
    if (s.isPunct(k, SEMICOLON)) return names;
    j = k + 1;
  }
}

function lineAfterHashbang(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl + 1;
}
