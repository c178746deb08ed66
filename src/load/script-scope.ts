import type TS from 'typescript';

/**
 * The DNSControl global-scope treatment of a script (a .js file with no import/export), from
 * TypeScript's parser: DNSControl runs every required file in one global scope, where esbuild
 * would give each file its own function scope. Top-level `var`s (and top-level let/const) lose
 * their keyword (three or five spaces, so no column moves) and become globals; a prologue declares
 * them first (var hoisting) and copies top-level function declarations to globalThis. Destructuring
 * declarations stay local. TypeScript is loaded only for a script script-scope-tokens.ts
 * leaves to it.
 */

/** A same-length replacement or an insertion. */
export interface ScopeEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What {@link scriptScope} found. */
export interface ScriptScope {
  /** Keyword blankings, and the prologue (an insertion) first when there is one. */
  readonly edits: readonly ScopeEdit[];
}

let typescript: Promise<typeof TS> | undefined;

/** True once {@link loadTypeScript} was called (the loader keeps TypeScript out of .ts-only loads). */
export function typescriptRequested(): boolean {
  return typescript !== undefined;
}

/** TypeScript's compiler API, loaded on first use. */
export function loadTypeScript(): Promise<typeof TS> {
  typescript ??= import('typescript').then((m) => (m as { default?: typeof TS }).default ?? (m as unknown as typeof TS));
  return typescript;
}

/** Analyses one script's top level (see the module comment). */
export function scriptScope(ts: typeof TS, text: string, fileName: string): ScriptScope {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits: ScopeEdit[] = [];
  const vars: string[] = [];
  const fns: string[] = [];
  // Parent pointers are not set (cheaper parse), so top-level-ness comes from the statement list.
  const topLists = new Set<TS.Node>();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) topLists.add(st.declarationList);
    if (ts.isFunctionDeclaration(st) && st.name) fns.push(st.name.text);
  }
  const strip = (list: TS.VariableDeclarationList): void => {
    if (!list.declarations.every((d) => ts.isIdentifier(d.name))) return;
    const start = list.getStart(sf);
    const keyword = /^(?:var|let|const)\b/.exec(text.slice(start, start + 6))?.[0];
    if (!keyword) return;
    edits.push({ start, end: start + keyword.length, text: ' '.repeat(keyword.length) });
    for (const d of list.declarations) vars.push((d.name as TS.Identifier).text);
  };
  const visit = (node: TS.Node): void => {
    if (isFunctionLike(ts, node)) return;
    if (ts.isVariableDeclarationList(node)) {
      const isVar = (node.flags & ts.NodeFlags.BlockScoped) === 0;
      // let/const only at the top level: a script's top-level lexical bindings are global too.
      if (isVar || topLists.has(node)) strip(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const prologue = buildPrologue(vars, fns);
  if (prologue) {
    const at = prologueOffset(ts, sf, text);
    edits.unshift({ start: at, end: at, text: prologue });
  }
  return { edits };
}

/** The prologue that declares `vars` on globalThis (unless defined) and copies functions `fns` there. */
export function buildPrologue(vars: readonly string[], fns: readonly string[]): string {
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
function prologueOffset(ts: typeof TS, sf: TS.SourceFile, text: string): number {
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

function isFunctionLike(ts: typeof TS, node: TS.Node): boolean {
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
