import { writeNumbered, type CallSites } from './call-sites.js';
import { wrapCalls } from './call-wrap.js';
import type { ColumnEdits } from './column-edits.js';
import { findDslCalls } from './dsl-calls.js';
import { loadTypeScript, scriptScope } from './script-scope.js';
import { tokenScriptScope } from './script-scope-tokens.js';
import { LineCursor, mergeEdits, TextWriter, type TextEdit } from './text-edits.js';
import { PUNCT2, Tok, tokenize, type Tokens } from './tokenize.js';

/**
 * Source rewrites the bundler plugin applies before esbuild sees a file:
 * - checks that `require()` takes one string literal and rejects `import()` of anything but a
 *   string literal (the bundle is closed: everything it can run is known before it runs);
 * - expands `require_glob("./dir/", recursive?, ext?)` into the `require()` of each file it lists;
 * - numbers DSL calls so the DSL need not capture their positions (call-sites.ts), and in large
 *   files wraps them so the captures that remain stay cheap (call-wrap.ts);
 * - in a DNSControl-style script (a .js file with no import/export), makes top-level `var`s and
 *   functions globals again (script-scope-tokens.ts, or script-scope.ts when that needs a parser).
 * Rewrites keep every line break, so positions move only where text is inserted; ColumnEdits
 * records those places.
 */

/** A problem found in a file, 1-based line and column in the file as written. */
export interface SourceProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** What `require_glob` lists: specifiers relative to the calling file, and paths to return. */
export interface GlobListing {
  readonly specifiers: readonly string[];
  readonly paths: readonly string[];
}

/** Lists files for `require_glob(dir, recursive, extension)`; a string is an error message. */
export type GlobLister = (dir: string, recursive: boolean, extension: string) => GlobListing | string;

/** Input of {@link transformSource}. */
export interface TransformInput {
  readonly text: string;
  readonly fileName: string;
  /** JavaScript (.js/.cjs/.mjs) rather than TypeScript. */
  readonly javascript: boolean;
  /** May be a DNSControl script (.js/.cjs): gets the global-scope treatment when it has no import/export. */
  readonly scriptCandidate: boolean;
  /** The entry point (not reached through require, so it needs no `module.exports`). */
  readonly entry: boolean;
  readonly glob: GlobLister;
  /**
   * The DSL's global names: their calls are numbered into `sites` (call-sites.ts) and, in files of
   * {@link WRAP_MIN_CHARS} or more, the outermost ones get their own function (call-wrap.ts).
   */
  readonly wrapNames?: ReadonlySet<string>;
  /** Where numbered calls go; without it calls are only wrapped. */
  readonly sites?: CallSites;
}

/**
 * Below this size a file cannot hold enough calls for position capture to cost anything worth a
 * rewrite (the cost grows with the square of the calls in one function).
 */
export const WRAP_MIN_CHARS = 16 * 1024;

/** The rewritten text, where its positions moved, and the problems found. */
export interface TransformOutput {
  readonly contents: string;
  readonly edits?: ColumnEdits;
  readonly problems: readonly SourceProblem[];
  /** True when the file was treated as a DNSControl script. */
  readonly script: boolean;
  /** Calls wrapped by call-wrap.ts plus calls numbered by call-sites.ts. */
  readonly wrapped: number;
}

type Edit = TextEdit;

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;

/** Rewrites one file; see the module comment. */
export async function transformSource(input: TransformInput): Promise<TransformOutput> {
  const { text } = input;
  const t = tokenize(text, input.wrapNames);
  const problems: SourceProblem[] = [];
  const problem = (offset: number, code: string, message: string): void => {
    const lc = new LineCursor(text).at(offset);
    problems.push({ code, message, line: lc.line, column: lc.column + 1 });
  };
  const edits: Edit[] = [];
  checkCalls(input, t, problem, edits);
  let wrapped = 0;
  const calls = input.wrapNames && (input.sites || text.length >= WRAP_MIN_CHARS) ? findDslCalls(text, input.wrapNames, input.javascript, t) : undefined;
  let wraps: Edit[] = [];
  if (calls && text.length >= WRAP_MIN_CHARS) {
    wraps = wrapCalls(calls, input.sites !== undefined).map((w) => ({ start: w.at, end: w.at, text: w.text }));
    wrapped += wraps.length / 2;
  }
  const { sites } = input;
  // Site numbers are taken before anything awaits, so files get them in the order they start.
  const file = calls && sites ? sites.fileId(input.fileName) : 0;
  const first = calls && sites ? sites.reserve(calls.undeclared) : 0;
  if (calls && sites) wrapped += calls.undeclared;
  const script = input.scriptCandidate && !hasModuleSyntax(text, t);
  // Most DNSControl scripts need no parser for this (script-scope-tokens.ts); TypeScript loads only for the others.
  const scope = script ? (tokenScriptScope(text, t) ?? scriptScope(await loadTypeScript(), text, input.fileName)).edits : [];
  // Each list is in text order. At the same offset, a script's prologue precedes a wrapper, and a
  // wrapper precedes the call's number.
  const others = mergeEdits([scope, edits, wraps]);
  const out = new TextWriter(text);
  if (calls && sites) writeNumbered(text, calls, sites, file, first, others, out);
  else for (const e of others) out.replace(e.start, e.end, e.text);
  const applied = out.finish(script && !input.entry ? SCRIPT_EXPORTS : '');
  return { contents: applied.text, ...(applied.edits ? { edits: applied.edits } : {}), problems, script, wrapped };
}

// Appended after a required script's last line, so no position moves. DNSControl's require() returns true.
const SCRIPT_EXPORTS = '\n;module.exports = true;\n';

/** require(), import() and require_glob() calls: literal arguments, and the glob expanded. */
function checkCalls(input: TransformInput, t: Tokens, problem: (offset: number, code: string, message: string) => void, edits: Edit[]): void {
  const { text } = input;
  const word = (i: number): string => (t.kind[i] === Tok.Name ? text.slice(t.start[i], t.end[i]) : '');
  const punct = (i: number, code: number): boolean => i < t.count && t.kind[i] === Tok.Punct && t.punct[i] === code;
  const stringAt = (i: number): string | undefined =>
    i < t.count && (t.kind[i] === Tok.String || (t.kind[i] === Tok.TemplateEnd && text.charCodeAt(t.start[i] ?? 0) === 96))
      ? literal(text.slice(t.start[i], t.end[i]))
      : undefined;
  for (const i of t.loads) {
    if (!punct(i + 1, OPEN_PAREN)) continue;
    const w = word(i);
    if (i > 0 && (punct(i - 1, 46) || punct(i - 1, PUNCT2.optionalChain) || word(i - 1) === 'function')) continue;
    const start = t.start[i] ?? 0;
    if (w === 'import') {
      // With a literal, the plugin's resolver reports it, naming the specifier.
      if (stringAt(i + 2) === undefined || !punct(i + 3, CLOSE_PAREN)) {
        problem(start, 'import-not-allowed', 'dynamic import() is not allowed: only static imports of relative files and "zonesmith" are');
      }
    } else if (w === 'require') {
      if (stringAt(i + 2) === undefined || !punct(i + 3, CLOSE_PAREN)) {
        problem(start, 'require-not-literal', 'require() takes exactly one string literal (the bundle is built before the config runs)');
      }
    } else {
      expandGlob(input, t, i, stringAt, punct, problem, edits);
    }
  }
}

function expandGlob(
  input: TransformInput,
  t: Tokens,
  i: number,
  stringAt: (i: number) => string | undefined,
  punct: (i: number, code: number) => boolean,
  problem: (offset: number, code: string, message: string) => void,
  edits: Edit[],
): void {
  const { text } = input;
  const start = t.start[i] ?? 0;
  const invalid = 'require_glob() takes a directory string literal, then optionally a boolean literal (recursive) and an extension string literal';
  const dir = stringAt(i + 2);
  let j = i + 3;
  let recursive = true;
  let extension = '.js';
  if (dir !== undefined && punct(j, COMMA)) {
    const w = t.kind[j + 1] === Tok.Name ? text.slice(t.start[j + 1], t.end[j + 1]) : '';
    if (w === 'false') recursive = false;
    else if (w !== 'true' && w !== 'null') return problem(start, 'require-glob-invalid', invalid);
    j += 2;
    if (punct(j, COMMA)) {
      const ext = stringAt(j + 1);
      if (ext === undefined) return problem(start, 'require-glob-invalid', invalid);
      extension = ext.startsWith('.') || ext === '*' ? ext : `.${ext}`;
      j += 2;
    }
  }
  if (dir === undefined || dir === '' || !punct(j, CLOSE_PAREN)) return problem(start, 'require-glob-invalid', invalid);
  const listing = input.glob(dir, recursive, extension);
  if (typeof listing === 'string') return problem(start, 'require-glob-invalid', listing);
  const requires = listing.specifiers.map((s) => `require(${JSON.stringify(s)})`);
  const end = t.end[j] ?? start;
  // One line break for each the call spanned, however written (\r\n, \r, U+2028 ...).
  const newlines = text.slice(start, end).match(/\r\n?|[\n\u2028\u2029]/g)?.length ?? 0;
  edits.push({ start, end, text: `(${[...requires, JSON.stringify(listing.paths)].join(', ')})${'\n'.repeat(newlines)}` });
}

/** The value of a string literal token (quotes or backticks), or undefined when it has escapes we do not read. */
function literal(token: string): string | undefined {
  const body = token.slice(1, -1);
  if (!body.includes('\\')) return body;
  try {
    return token.startsWith('`') ? undefined : (JSON.parse(`"${body.replace(/"/g, '\\"').replace(/\\'/g, "'")}"`) as string);
  } catch {
    return undefined;
  }
}

/** An `import` declaration or an `export` at the top level (brace depth 0). */
function hasModuleSyntax(text: string, t: Tokens): boolean {
  let depth = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] === Tok.Punct) {
      if (t.punct[i] === 123) depth++;
      else if (t.punct[i] === 125) depth--;
      continue;
    }
    if (depth !== 0 || t.kind[i] !== Tok.Name) continue;
    // `export` or `import`: six letters, e or i first (other names are passed over without a slice).
    const at = t.start[i] as number;
    const c = text.charCodeAt(at);
    if ((t.end[i] as number) - at !== 6 || (c !== 101 && c !== 105)) continue;
    const w = text.slice(at, at + 6);
    if (w === 'export') return true;
    if (w === 'import') {
      const next = i + 1 < t.count && t.kind[i + 1] === Tok.Punct ? t.punct[i + 1] : 0;
      if (next !== OPEN_PAREN && next !== 46) return true;
    }
  }
  return false;
}
