import ts from 'typescript';
import { wrapCalls } from './call-wrap.js';
import { ColumnEdits } from './column-edits.js';

/**
 * Source rewrites the bundler plugin applies before esbuild sees a file:
 * - checks that `require()` takes one string literal and rejects `import()` (the bundle is closed:
 *   everything it can run is known before it runs);
 * - expands `require_glob("./dir/", recursive?, ext?)` into the `require()` of each file it lists;
 * - in a DNSControl-style script (a .js file with no import/export), makes top-level `var`s and
 *   functions globals again, as DNSControl runs every required file in one global scope, where
 *   esbuild would give each file its own function scope.
 * Rewrites keep every line break, and `var` becomes three spaces, so positions move only where
 * text is inserted; ColumnEdits records those places.
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
  /** Names whose outermost calls get their own function (call-wrap.ts), in files of {@link WRAP_MIN_CHARS} or more. */
  readonly wrapNames?: ReadonlySet<string>;
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
  /** Calls wrapped by call-wrap.ts. */
  readonly wrapped: number;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const CALLS_WORTH_PARSING = /\b(?:require|require_glob|import)\s*\(/;

/** Rewrites one file; see the module comment. */
export function transformSource(input: TransformInput): TransformOutput {
  const wraps =
    input.wrapNames && input.text.length >= WRAP_MIN_CHARS ? wrapCalls(input.text, input.wrapNames, input.javascript) : [];
  const edits: Edit[] = wraps.map((w) => ({ start: w.at, end: w.at, text: w.text }));
  const wrapped = wraps.length / 2;
  if (!input.scriptCandidate && !CALLS_WORTH_PARSING.test(input.text)) {
    return finish(input, edits, [], false, wrapped);
  }
  const sf = ts.createSourceFile(
    input.fileName,
    input.text,
    ts.ScriptTarget.Latest,
    false,
    input.javascript ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
  const script = input.scriptCandidate && !ts.isExternalModule(sf);
  const problems: SourceProblem[] = [];
  const globalVars: string[] = [];
  const globalFns: string[] = [];
  const at = (node: ts.Node): { line: number; column: number } => {
    const lc = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { line: lc.line + 1, column: lc.character + 1 };
  };
  const problem = (node: ts.Node, code: string, message: string): void => {
    problems.push({ code, message, ...at(node) });
  };

  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isCallExpression(node)) checkCall(node);
    if (script && !inFunction && ts.isVariableDeclarationList(node)) {
      const isVar = (node.flags & ts.NodeFlags.BlockScoped) === 0;
      // let/const only at the top level: a script's top-level lexical bindings are global too.
      if (isVar || isTopStatement(node)) stripKeyword(node);
    }
    if (script && ts.isFunctionDeclaration(node) && node.name && isTopStatementNode(node)) {
      globalFns.push(node.name.text);
    }
    const fn = inFunction || isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, fn));
  };

  // Parent pointers are not set (cheaper parse), so top-level-ness comes from the statement list.
  const topStatements = new Set<ts.Node>(sf.statements);
  const topLists = new Set<ts.Node>();
  for (const st of sf.statements) if (ts.isVariableStatement(st)) topLists.add(st.declarationList);
  const isTopStatement = (list: ts.VariableDeclarationList): boolean => topLists.has(list);
  const isTopStatementNode = (node: ts.Node): boolean => topStatements.has(node);

  const stripKeyword = (list: ts.VariableDeclarationList): void => {
    // Destructuring patterns would need rewriting, not just the keyword dropped: they stay local.
    if (!list.declarations.every((d) => ts.isIdentifier(d.name))) return;
    const start = list.getStart(sf);
    const keyword = /^(?:var|let|const)\b/.exec(input.text.slice(start, start + 6))?.[0];
    if (!keyword) return;
    edits.push({ start, end: start + keyword.length, text: ' '.repeat(keyword.length) });
    for (const d of list.declarations) globalVars.push((d.name as ts.Identifier).text);
  };

  const checkCall = (call: ts.CallExpression): void => {
    const callee = call.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) {
      // With a literal, the plugin's resolver reports it, naming the specifier.
      const arg = call.arguments[0];
      if (!arg || !isStringLiteral(arg)) {
        problem(call, 'import-not-allowed', 'dynamic import() is not allowed: only static imports of relative files and "zonesmith" are');
      }
      return;
    }
    if (!ts.isIdentifier(callee)) return;
    if (callee.text === 'require') {
      const arg = call.arguments[0];
      if (call.arguments.length !== 1 || !arg || !isStringLiteral(arg)) {
        problem(call, 'require-not-literal', 'require() takes exactly one string literal (the bundle is built before the config runs)');
      }
    } else if (callee.text === 'require_glob') {
      expandGlob(call);
    }
  };

  const expandGlob = (call: ts.CallExpression): void => {
    const [dirArg, recArg, extArg, ...rest] = call.arguments;
    const recursive = recArg === undefined || recArg.kind === ts.SyntaxKind.NullKeyword ? true : booleanLiteral(recArg);
    const extension = extArg === undefined || extArg.kind === ts.SyntaxKind.NullKeyword ? '.js' : isStringLiteral(extArg) ? extArg.text : undefined;
    if (!dirArg || !isStringLiteral(dirArg) || dirArg.text === '' || recursive === undefined || extension === undefined || rest.length > 0) {
      problem(call, 'require-glob-invalid', 'require_glob() takes a directory string literal, then optionally a boolean literal (recursive) and an extension string literal');
      return;
    }
    const listing = input.glob(dirArg.text, recursive, extension.startsWith('.') || extension === '*' ? extension : `.${extension}`);
    if (typeof listing === 'string') {
      problem(call, 'require-glob-invalid', listing);
      return;
    }
    const requires = listing.specifiers.map((s) => `require(${JSON.stringify(s)})`);
    const text = `(${[...requires, JSON.stringify(listing.paths)].join(', ')})`;
    const start = call.getStart(sf);
    const end = call.getEnd();
    const newlines = input.text.slice(start, end).split('\n').length - 1;
    edits.push({ start, end, text: text + '\n'.repeat(newlines) });
  };

  visit(sf, false);

  if (script) {
    const prologue = buildPrologue(globalVars, globalFns);
    // First in the list: at the same offset as a wrapped call, it must come before the wrapper.
    if (prologue) edits.unshift({ start: prologueOffset(sf, input.text), end: prologueOffset(sf, input.text), text: prologue });
  }
  return finish(input, edits, problems, script, wrapped);
}

/** Applies the edits and records where columns moved. */
function finish(input: TransformInput, edits: readonly Edit[], problems: SourceProblem[], script: boolean, wrapped: number): TransformOutput {
  const applied = applyEdits(input.text, edits);
  // Appended after the last line, so no position moves. DNSControl's require() returns true.
  const contents = script && !input.entry ? `${applied.text}\n;module.exports = true;\n` : applied.text;
  let columnEdits: ColumnEdits | undefined;
  if (applied.edits.length > 0) {
    columnEdits = new ColumnEdits();
    const original = lineIndex(input.text);
    const rewritten = lineIndex(contents);
    for (const e of applied.edits) {
      const os = original(e.start);
      const oe = original(e.end);
      const ts0 = rewritten(e.outStart);
      const ts1 = rewritten(e.outEnd);
      columnEdits.add(ts0.line, ts0.column, os.line, os.column, true);
      columnEdits.add(ts1.line, ts1.column, oe.line, oe.column);
    }
  }
  return { contents, ...(columnEdits ? { edits: columnEdits } : {}), problems, script, wrapped };
}

/** Offset to 1-based line and 0-based column, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) };
  };
}

interface Applied {
  readonly text: string;
  /** Edits that changed lengths, with where they landed in the output. */
  readonly edits: (Edit & { outStart: number; outEnd: number })[];
}

function applyEdits(text: string, edits: readonly Edit[]): Applied {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const moved: Applied['edits'] = [];
  let pos = 0;
  let outLen = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping edits cannot happen (glob arguments are literals)
    const keep = text.slice(pos, e.start);
    parts.push(keep, e.text);
    outLen += keep.length;
    if (e.text.length !== e.end - e.start) moved.push({ ...e, outStart: outLen, outEnd: outLen + e.text.length });
    outLen += e.text.length;
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), edits: moved };
}

function buildPrologue(vars: readonly string[], fns: readonly string[]): string {
  const unique = [...new Set(vars)];
  let out = '';
  // `var` hoisting: the name exists (undefined) before the first statement runs, unless another
  // file already defined it.
  if (unique.length > 0) {
    out += `(function(g,n){for(var i=0;i<n.length;i++)if(!(n[i] in g))g[n[i]]=void 0;})(globalThis,${JSON.stringify(unique)});`;
  }
  for (const f of new Set(fns)) out += `globalThis[${JSON.stringify(f)}]=${f};`;
  return out;
}

/** After a hashbang line and any directive prologue ("use strict" must stay first). */
function prologueOffset(sf: ts.SourceFile, text: string): number {
  let offset = 0;
  for (const st of sf.statements) {
    if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) offset = st.getEnd();
    else break;
  }
  if (offset === 0 && text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    return nl < 0 ? text.length : nl + 1;
  }
  return offset;
}

function isFunctionLike(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isClassStaticBlockDeclaration(node)
  );
}

function isStringLiteral(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function booleanLiteral(node: ts.Node): boolean | undefined {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}
