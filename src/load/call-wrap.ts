import { PUNCT2, Tok, tokenize, type Tokens } from './tokenize.js';

/**
 * Keeps position capture linear in the size of a config.
 *
 * The DSL records where each record was written by capturing its caller's stack frame. V8 turns a
 * frame into a source position by walking the calling function's source-position table from its
 * start, so each capture costs time proportional to the size of the function the call sits in: a
 * dnsconfig.js with 100,000 records written out at its top level took over a minute (V8 11,
 * Node 20, measured 2026-11). Wrapping each outermost DSL call in an arrow,
 * `__zonesmith_run(() => D(...))`, puts every D(...) (with the records in its arguments) in a
 * function of its own, so each capture walks only that small function.
 *
 * Found with tokenize.ts (no parse): an identifier from `names`, then `(`, not after `.`, `?.`,
 * `new`, `function` or a modifier, and not a method definition (`{` or `=>` or, in TypeScript,
 * `:` after the closing parenthesis). Calls whose arguments contain `yield` or `await` stay as
 * they are (an arrow would change what those mean). The wrapper starts with an identifier, so it
 * never joins the previous line the way a leading `(` would. The arrow keeps `this`, `arguments`
 * and every binding the call saw. A file with a `/` the tokenizer cannot classify for sure is left
 * unwrapped (slower, never wrong); should the token view still get a file wrong in a way esbuild
 * notices, the bundler builds again without wrapping (bundle.ts).
 */

/** The function wrapped calls go through; bundle.ts defines it at the end of the bundle. */
export const RUN_GLOBAL = '__zonesmith_run';

/** An insertion into the file text. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

const SKIP_AFTER_NAMES = new Set([
  'new', 'function', 'get', 'set', 'static', 'async', 'class', 'interface', 'type', 'declare', 'abstract',
  'public', 'private', 'protected', 'readonly', 'override', 'accessor',
]);
const SKIP_AFTER_PUNCT = new Set<number>([46 /* . */, PUNCT2.optionalChain, 42 /* * */, 64 /* @ */, 35 /* # */]);

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const COLON = 58;

/**
 * The insertions that wrap each outermost call of a name in `names` (see the module comment),
 * in text order.
 */
export function wrapCalls(text: string, names: ReadonlySet<string>, javascript: boolean, tokens?: Tokens): Insertion[] {
  const t = tokens ?? tokenize(text);
  // Inserting text is only safe where the token view is certain (see Tokens.ambiguous).
  if (t.ambiguous) return [];
  const longest = Math.max(0, ...[...names].map((x) => x.length));
  const word = (i: number): string => text.slice(t.start[i], t.end[i]);
  const isPunct = (i: number, code: number): boolean => t.kind[i] === Tok.Punct && t.punct[i] === code;
  const out: Insertion[] = [];
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.kind[i] !== Tok.Name || (t.end[i] ?? 0) - (t.start[i] ?? 0) > longest || !isPunct(i + 1, OPEN_PAREN)) continue;
    if (!names.has(word(i))) continue;
    if (i > 0) {
      const prev = i - 1;
      if (t.kind[prev] === Tok.Name && SKIP_AFTER_NAMES.has(word(prev))) continue;
      if (t.kind[prev] === Tok.Punct && SKIP_AFTER_PUNCT.has(t.punct[prev] ?? 0)) continue;
    }
    // Find the matching `)`, noting yield/await on the way.
    let depth = 0;
    let close = -1;
    let unsafe = false;
    for (let j = i + 1; j < t.count; j++) {
      if (t.kind[j] === Tok.Punct) {
        if (t.punct[j] === OPEN_PAREN) depth++;
        else if (t.punct[j] === CLOSE_PAREN && --depth === 0) {
          close = j;
          break;
        }
      } else if (t.kind[j] === Tok.Name && !unsafe) {
        const w = (t.end[j] ?? 0) - (t.start[j] ?? 0) === 5 ? word(j) : '';
        if (w === 'yield' || w === 'await') unsafe = true;
      }
    }
    if (close < 0) break; // unbalanced: leave the rest alone, esbuild will report it
    const next = close + 1;
    const definition =
      next < t.count &&
      (isPunct(next, OPEN_BRACE) || isPunct(next, PUNCT2.arrow) || (!javascript && isPunct(next, COLON)));
    if (!unsafe && !definition) {
      out.push({ at: t.start[i] ?? 0, text: `${RUN_GLOBAL}(() => ` }, { at: t.end[close] ?? 0, text: ')' });
      // Calls inside this one run in its arrow already.
      i = close;
    }
  }
  return out;
}
