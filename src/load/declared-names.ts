import type { TokenScan } from './token-scan.js';
import { PUNCT2, Tok } from './tokenize.js';

/**
 * Which of the scanned names (TokenScan.candidates) a file declares itself, as far as tokens can
 * tell: after var/let/const/function/class/import/as, before `=>`, inside a parameter list, in a
 * destructuring pattern of a declaration, in an import from anything but "zonesmith". The test is
 * per file and errs towards "declared" (`if (A) {` or `{ A: x } = y` count as declaring A): a
 * declared name's calls are only left as written, which is never wrong.
 */
export function declaredNames(s: TokenScan, javascript: boolean): Set<string> {
  const declared = new Set<string>();
  const { candidates } = s;
  const { kind, punct, count } = s.t;
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c] as number;
    // A name before `(` is a call or a function's name, never a binding in a pattern. Most
    // candidates are calls after `(` or `,`: they are passed over on the token kinds alone, and a
    // name's text is read only once it is known to be declared.
    if (i + 1 < count && kind[i + 1] === Tok.Punct && punct[i + 1] === OPEN_PAREN) {
      const before = i > 0 ? kind[i - 1] : 0;
      if (before !== Tok.Name && !(before === Tok.Punct && punct[i - 1] === STAR)) continue;
      if (s.word(i - 1) === 'function' || (s.isPunct(i - 1, STAR) && s.word(i - 2) === 'function')) declared.add(s.word(i));
    } else if (isDeclaration(s, i, javascript)) declared.add(s.word(i));
  }
  return declared;
}

// Words after which a name is being declared.
const DECLARE_AFTER = new Set(['var', 'let', 'const', 'function', 'class', 'as', 'import', 'enum', 'namespace', 'module']);
const DSL_MODULES = new Set(['"zonesmith"', "'zonesmith'", '"zonesmith/globals"', "'zonesmith/globals'"]);

const OPEN_PAREN = 40;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
const COLON = 58;
const COMMA = 44;
const EQUALS = 61;
const STAR = 42;
const DOT = 46;

function isDeclaration(s: TokenScan, i: number, javascript: boolean): boolean {
  if (s.isPunct(i - 1, DOT) || s.isPunct(i - 1, PUNCT2.optionalChain)) return false;
  if (DECLARE_AFTER.has(s.word(i - 1))) return true;
  if (s.isPunct(i - 1, STAR) && s.word(i - 2) === 'function') return true;
  if (s.isPunct(i + 1, PUNCT2.arrow)) return true;
  // Inside object/array patterns: look at what the outermost one belongs to.
  let g = s.group[i] as number;
  let pattern = -1;
  while (g >= 0 && (s.isPunct(g, OPEN_BRACE) || s.isPunct(g, OPEN_BRACKET))) {
    pattern = g;
    g = s.group[g] as number;
  }
  if (pattern >= 0) {
    const before = s.word(pattern - 1);
    if (before === 'var' || before === 'let' || before === 'const') return true;
    if (before === 'import' || (s.isPunct(pattern - 1, COMMA) && s.word(pattern - 3) === 'import')) return !fromDslModule(s, pattern);
    const close = s.match[pattern] as number;
    if (close >= 0 && s.isPunct(close + 1, EQUALS) && !s.isPunct(close + 2, EQUALS)) return true;
  }
  return g >= 0 && s.isPunct(g, OPEN_PAREN) && isParamList(s, g, javascript);
}

/** The parenthesis at `g` opens a parameter list (or, erring that way, `if (...) {`). */
function isParamList(s: TokenScan, g: number, javascript: boolean): boolean {
  const close = s.match[g] as number;
  if (close < 0) return false;
  const after = close + 1;
  if (s.isPunct(after, PUNCT2.arrow) || (!javascript && s.isPunct(after, COLON))) return true;
  const before = s.word(g - 1);
  if (before === 'function' || before === 'catch' || s.word(g - 2) === 'function') return true;
  return s.isPunct(g - 1, STAR) || (before !== '' && s.isPunct(after, OPEN_BRACE));
}

/** The import braces at `brace` are followed by `from "zonesmith"`. */
function fromDslModule(s: TokenScan, brace: number): boolean {
  const close = s.match[brace] as number;
  if (close < 0 || s.word(close + 1) !== 'from' || close + 2 >= s.t.count) return false;
  return DSL_MODULES.has(s.text.slice(s.t.start[close + 2], s.t.end[close + 2]));
}
