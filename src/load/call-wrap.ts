import ts from 'typescript';

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
 * Found with the TypeScript scanner (no parse): an identifier from `names`, then `(`, not after
 * `.`, `new`, `function` or a modifier, and not a method definition (`{` or, in TypeScript, `:`
 * after the closing parenthesis). Calls whose arguments contain `yield` or `await` stay as they
 * are (an arrow would change what those mean). The wrapper starts with an identifier, so it never
 * joins the previous line the way a leading `(` would. The arrow keeps `this`, `arguments` and
 * every binding the call saw.
 */

/** The global the prelude defines: calls its argument and returns the result. */
export const RUN_GLOBAL = '__zonesmith_run';

/** An insertion into the file text. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

const SKIP_AFTER = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.DotToken,
  ts.SyntaxKind.QuestionDotToken,
  ts.SyntaxKind.NewKeyword,
  ts.SyntaxKind.FunctionKeyword,
  ts.SyntaxKind.GetKeyword,
  ts.SyntaxKind.SetKeyword,
  ts.SyntaxKind.StaticKeyword,
  ts.SyntaxKind.AsyncKeyword,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.AtToken,
  ts.SyntaxKind.HashToken,
  ts.SyntaxKind.ClassKeyword,
  ts.SyntaxKind.InterfaceKeyword,
  ts.SyntaxKind.TypeKeyword,
  ts.SyntaxKind.DeclareKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.OverrideKeyword,
  ts.SyntaxKind.AccessorKeyword,
]);

// After these, a `/` divides; after anything else it starts a regular expression.
const ENDS_VALUE = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PrivateIdentifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
]);

/** Tokens as parallel typed arrays: a large config has close to a million of them. */
interface Tokens {
  readonly count: number;
  readonly kind: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 when the token is an identifier in `names`. */
  readonly named: Uint8Array;
}

/** Tokenizes `text`, re-scanning `/` and template continuations the way a parser would. */
function tokenize(text: string, names: ReadonlySet<string>): Tokens {
  const sc = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let cap = Math.max(1024, text.length >> 2);
  let kinds = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let named = new Uint8Array(cap);
  let count = 0;
  // What each open `{` belongs to: a block/object, or a template's `${`.
  const braces: boolean[] = [];
  let prev = ts.SyntaxKind.Unknown;
  for (let kind = sc.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = sc.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !ENDS_VALUE.has(prev)) {
      kind = sc.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.OpenBraceToken) {
      braces.push(false);
    } else if (kind === ts.SyntaxKind.TemplateHead) {
      braces.push(true);
    } else if (kind === ts.SyntaxKind.CloseBraceToken && braces.length > 0 && braces.pop()) {
      kind = sc.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push(true);
    }
    if (count === cap) {
      cap *= 2;
      kinds = grow(kinds, new Uint16Array(cap));
      starts = grow(starts, new Int32Array(cap));
      ends = grow(ends, new Int32Array(cap));
      named = grow(named, new Uint8Array(cap));
    }
    kinds[count] = kind;
    starts[count] = sc.getTokenStart();
    ends[count] = sc.getTokenEnd();
    named[count] = kind === ts.SyntaxKind.Identifier && names.has(sc.getTokenValue()) ? 1 : 0;
    count++;
    prev = kind;
  }
  return { count, kind: kinds, start: starts, end: ends, named };
}

function grow<T extends Uint16Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The insertions that wrap each outermost call of a name in `names` (see the module comment),
 * in text order.
 */
export function wrapCalls(text: string, names: ReadonlySet<string>, javascript: boolean): Insertion[] {
  const t = tokenize(text, names);
  const out: Insertion[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.named[i] !== 1 || t.kind[i + 1] !== ts.SyntaxKind.OpenParenToken || i + 1 >= t.count) continue;
    if (i > 0 && SKIP_AFTER.has(t.kind[i - 1] as ts.SyntaxKind)) continue;
    // Find the matching `)`, noting yield/await on the way.
    let depth = 0;
    let close = -1;
    let unsafe = false;
    for (let j = i + 1; j < t.count; j++) {
      const k = t.kind[j];
      if (k === ts.SyntaxKind.OpenParenToken) depth++;
      else if (k === ts.SyntaxKind.CloseParenToken && --depth === 0) {
        close = j;
        break;
      } else if (k === ts.SyntaxKind.YieldKeyword || k === ts.SyntaxKind.AwaitKeyword) unsafe = true;
    }
    if (close < 0) break; // unbalanced: leave the rest alone, esbuild will report it
    const after = close + 1 < t.count ? t.kind[close + 1] : undefined;
    const definition =
      after === ts.SyntaxKind.OpenBraceToken ||
      after === ts.SyntaxKind.EqualsGreaterThanToken ||
      (!javascript && after === ts.SyntaxKind.ColonToken);
    if (!unsafe && !definition) {
      out.push({ at: t.start[i] ?? 0, text: `${RUN_GLOBAL}(() => ` }, { at: t.end[close] ?? 0, text: ')' });
      // Calls inside this one run in its arrow already.
      i = close;
    }
  }
  return out;
}
