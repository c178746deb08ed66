import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { error, warning, type Diagnostic } from '../ir/diagnostic.js';
import { displayPath } from './bundle.js';
import { dslTypesFile } from './dsl-source.js';
import { isInside } from './glob.js';

/** Compiler options used when the config's directory has no tsconfig.json (docs/sandbox.md). */
export const DEFAULT_TYPECHECK_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // The sandbox is bare ECMAScript: no DOM, no Node (no process, fetch, setTimeout ...).
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  allowJs: true,
  checkJs: false,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
};

const sharedSourceFiles = new Map<string, ts.SourceFile>();

// The sandbox's console (collected, not printed); declared only when no lib or @types does.
const SANDBOX_DTS = path.join(path.sep, '__zonesmith__', 'sandbox.d.ts');
const SANDBOX_DTS_TEXT = `/** The sandbox's console: messages are collected for zonesmith to show, not printed. */
declare var console: {
  log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void;
  error(...data: unknown[]): void; debug(...data: unknown[]): void; trace(...data: unknown[]): void;
};
`;

/**
 * Type-checks the config with the TypeScript compiler API and returns its problems as diagnostics
 * (code `ts2345` for TS2345, at file:line:col). "zonesmith" and "zonesmith/globals" resolve to the
 * DSL's declarations shipped with this package, so the config needs no node_modules. A .ts config
 * is always checked; a .js config only when it opts in with `// @ts-check` (or tsconfig's checkJs),
 * and it sees the DSL's globals without a reference. A tsconfig.json next to the config is
 * honoured (noEmit is forced); only the config and the files it imports are checked.
 */
export function typecheckConfig(configPath: string): Diagnostic[] {
  const entry = realpathSync(configPath);
  const root = path.dirname(entry);
  const diagnostics: Diagnostic[] = [];
  const options = compilerOptions(root, diagnostics);
  const javascript = /\.[cm]?js$/i.test(entry);
  const dslIndex = dslTypesFile('index');
  const dslGlobals = dslTypesFile('globals');

  const rootNames = [entry];
  if (javascript) rootNames.push(dslGlobals);
  const declaresConsole = (options.lib ?? []).some((l) => /dom/i.test(l)) || (options.types ?? []).includes('node');
  if (!declaresConsole) rootNames.push(SANDBOX_DTS);

  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === SANDBOX_DTS) return ts.createSourceFile(fileName, SANDBOX_DTS_TEXT, languageVersion);
    if (isInside(root, path.resolve(fileName))) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    // TypeScript's libs and the DSL's declarations do not change while the process runs: parse once.
    const key = `${typeof languageVersion === 'object' ? JSON.stringify(languageVersion) : languageVersion}:${fileName}`;
    let sf = sharedSourceFiles.get(key);
    if (!sf) {
      sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (sf) sharedSourceFiles.set(key, sf);
    }
    return sf;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === SANDBOX_DTS || fileExists(f);
  const moduleCache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => host.getCanonicalFileName(f), options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((lit) => {
      const name = lit.text;
      if (name === 'zonesmith' || name === 'zonesmith/globals') {
        const file = name === 'zonesmith' ? dslIndex : dslGlobals;
        return { resolvedModule: { resolvedFileName: file, extension: extensionOf(file), isExternalLibraryImport: true } };
      }
      const mode = ts.getModeForUsageLocation(containingSourceFile, lit, opts);
      return ts.resolveModuleName(name, containingFile, opts, host, moduleCache, redirected, mode);
    });
  host.resolveTypeReferenceDirectiveReferences = (refs, containingFile, redirected, opts, containingSourceFile) =>
    refs.map((ref) => {
      const name = typeof ref === 'string' ? ref : ref.fileName;
      if (name === 'zonesmith/globals' || name === 'zonesmith') {
        const file = name === 'zonesmith' ? dslIndex : dslGlobals;
        return { resolvedTypeReferenceDirective: { primary: true, resolvedFileName: file, isExternalLibraryImport: true } };
      }
      const mode = typeof ref === 'string' || !containingSourceFile ? undefined : ts.getModeForFileReference(ref, containingSourceFile.impliedNodeFormat);
      return ts.resolveTypeReferenceDirective(name, containingFile, opts, host, redirected, undefined, mode);
    });

  const program = ts.createProgram({ rootNames, options, host });
  const raw: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const sf of program.getSourceFiles()) {
    if (!isUserFile(sf.fileName, root)) continue;
    raw.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  for (const d of raw) {
    const converted = convert(d);
    if (converted) diagnostics.push(converted);
  }
  return diagnostics;
}

function compilerOptions(root: string, diagnostics: Diagnostic[]): ts.CompilerOptions {
  const tsconfig = path.join(root, 'tsconfig.json');
  if (!existsSync(tsconfig)) return { ...DEFAULT_TYPECHECK_OPTIONS, noEmit: true };
  const read = ts.readConfigFile(tsconfig, (f) => ts.sys.readFile(f));
  if (read.error) {
    const d = convert(read.error);
    if (d) diagnostics.push(d);
    return { ...DEFAULT_TYPECHECK_OPTIONS, noEmit: true };
  }
  // The file list comes from the config's imports, not from tsconfig's include/files.
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, tsconfig);
  for (const e of parsed.errors) {
    if (e.code === 18003) continue; // "No inputs were found": irrelevant, the config is the input
    const d = convert(e);
    if (d) diagnostics.push(d);
  }
  return { ...DEFAULT_TYPECHECK_OPTIONS, ...parsed.options, noEmit: true };
}

function isUserFile(fileName: string, root: string): boolean {
  if (fileName === SANDBOX_DTS || fileName.includes('/node_modules/')) return false;
  const abs = path.resolve(fileName);
  return isInside(root, abs) && !abs.endsWith('.d.ts');
}

function extensionOf(file: string): ts.Extension {
  return file.endsWith('.d.ts') ? ts.Extension.Dts : ts.Extension.Ts;
}

function convert(d: ts.Diagnostic): Diagnostic | undefined {
  if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning) return undefined;
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').replace(/\n\s*/g, ' ');
  const code = `ts${d.code}`;
  let source: Diagnostic['source'];
  if (d.file && d.start !== undefined) {
    const lc = d.file.getLineAndCharacterOfPosition(d.start);
    source = { file: displayPath(path.resolve(d.file.fileName)), line: lc.line + 1, column: lc.character + 1 };
  }
  return d.category === ts.DiagnosticCategory.Error ? error(code, message, source) : warning(code, message, source);
}
