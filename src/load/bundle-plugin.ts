import { readFile, realpath, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Plugin, PartialMessage } from 'esbuild';
import type { CallSites } from './call-sites.js';
import type { ColumnEdits } from './column-edits.js';
import { SITE_CALL_GLOBAL } from '../dsl/names.js';
import { isInside, listGlob } from './glob.js';
import { transformSource } from './script-transform.js';

/** What the plugin learns while esbuild loads files, for mapping positions afterwards. */
export interface PluginState {
  /** Rewritten files (absolute path) and where their columns moved. */
  readonly edits: Map<string, ColumnEdits>;
  /** Files treated as DNSControl scripts (absolute path). */
  readonly scripts: Set<string>;
  /**
   * Problems the rewrite found (position in the file as written). Kept here rather than returned
   * from onLoad, which would stop esbuild from resolving that file's imports and reporting theirs.
   */
  readonly problems: PartialMessage[];
  /** Calls call-wrap.ts wrapped and call-sites.ts numbered, over all files. */
  wrapped: number;
  /** The numbered call sites (call-sites.ts). */
  readonly sites: CallSites;
  /** What onLoad returned for each file (absolute path), for {@link LoaderPluginOptions.replay}. */
  readonly loaded: Map<string, string>;
  /**
   * A file names the global numbered calls go through (SITE_CALL_GLOBAL): a binding of its own
   * could capture the calls numbered in any file of the bundle, so bundle.ts builds again
   * without numbering.
   */
  namesSiteGlobal: boolean;
}

/** Options of {@link loaderPlugin}. */
export interface LoaderPluginOptions {
  /** The config's directory (real path): nothing outside it may be imported. */
  readonly root: string;
  /** The entry file, absolute. */
  readonly entry: string;
  /** Names the virtual "zonesmith" module re-exports from the sandbox's globals. */
  readonly globals: readonly string[];
  readonly state: PluginState;
  /** Number DSL calls (call-sites.ts) and wrap them in large files (call-wrap.ts); off for the retry after a failure. */
  readonly wrap: boolean;
  /** Real paths that may never be imported (the credentials file), besides any `creds.json`. */
  readonly forbidden: ReadonlySet<string>;
  /**
   * A first build's {@link PluginState.loaded}: served as each file's contents instead of reading
   * and rewriting it again, so a second build of the same bundle (for its source map, bundle.ts)
   * sees exactly what the first one did, call numbers included.
   */
  readonly replay?: ReadonlyMap<string, string>;
}

/** DNSControl's credentials file name: refused wherever it is, so a config cannot publish secrets. */
export const CREDENTIALS_FILE = 'creds.json';

const NAMESPACE = 'zonesmith';
const IMPORTABLE = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json']);
const BUILTINS = new Set(builtinModules);

/**
 * The esbuild plugin that closes the bundle: relative files inside the config's directory and the
 * virtual "zonesmith" module resolve; anything else (packages, Node builtins, absolute paths,
 * files outside the tree, dynamic import()) is an `import-not-allowed` error at the import.
 */
export function loaderPlugin(opts: LoaderPluginOptions): Plugin {
  const { root, state } = opts;
  const wrapNames = opts.wrap ? new Set(opts.globals) : undefined;
  return {
    name: 'zonesmith-loader',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if ((args.pluginData as { inner?: boolean } | undefined)?.inner || args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (spec === 'zonesmith' || spec === 'zonesmith/globals') {
          if (args.kind === 'dynamic-import') return refuse(`cannot import "${spec}" dynamically: use a static import`);
          return { path: spec, namespace: NAMESPACE };
        }
        if (args.kind === 'dynamic-import') {
          return refuse(`dynamic import() is not allowed (import "${spec}"): only static imports of relative files and "zonesmith" are`);
        }
        if (args.kind !== 'import-statement' && args.kind !== 'require-call') {
          return refuse(`cannot import "${spec}" this way (${args.kind})`);
        }
        let request = spec;
        if (!/^\.\.?(?:\/|$)/.test(spec)) {
          const bare = spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0] ?? spec);
          // DNSControl resolves require("dir/file.js") from the working directory, which is
          // where dnsconfig.js lives in practice: accept it when such a file exists in the tree.
          const scriptPath =
            !bare && !path.isAbsolute(spec) && args.kind === 'require-call' && state.scripts.has(args.importer)
              ? path.join(root, spec)
              : undefined;
          if (!scriptPath || !(await isFile(scriptPath))) {
            return refuse(`cannot import "${spec}": only relative files and "zonesmith" are allowed`);
          }
          request = `./${path.relative(args.resolveDir, scriptPath).split(path.sep).join('/')}`;
          if (request.startsWith('./../')) request = request.slice(2);
        }
        let found = await existingFile(args.resolveDir, request);
        if (found === undefined) {
          const resolved = await build.resolve(request, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: { inner: true },
          });
          if (resolved.errors.length > 0) {
            return refuse(`cannot import "${spec}": no such file`, 'import-not-found');
          }
          found = resolved.path;
        }
        const file = found;
        const real = await realpath(file).catch(() => file);
        if (!isInside(root, real)) {
          return refuse(`cannot import "${spec}": it is outside the config's directory`);
        }
        if (path.basename(real) === CREDENTIALS_FILE || opts.forbidden.has(real)) {
          return refuse(`cannot import "${spec}": credentials never enter the config`);
        }
        if (!IMPORTABLE.has(path.extname(real).toLowerCase())) {
          return refuse(`cannot import "${spec}": only .ts, .js and .json files can be imported`);
        }
        return { path: real };
      });

      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents:
          args.path === 'zonesmith'
            ? opts.globals.map((n) => `export const ${n} = globalThis[${JSON.stringify(n)}];`).join('\n')
            : '',
        loader: 'js',
      }));

      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const ext = path.extname(args.path).toLowerCase();
        const javascript = ext.endsWith('js');
        const replayed = opts.replay?.get(args.path);
        if (replayed !== undefined) return { contents: replayed, loader: javascript ? 'js' : 'ts' };
        const text = await readFile(args.path, 'utf8');
        if (wrapNames && mentions(text, SITE_CALL_GLOBAL)) state.namesSiteGlobal = true;
        const out = await transformSource({
          text,
          fileName: args.path,
          javascript,
          scriptCandidate: ext === '.js' || ext === '.cjs',
          entry: args.path === opts.entry,
          glob: (dir, recursive, extension) => listGlob({ root, from: path.dirname(args.path), dir, recursive, extension }),
          ...(wrapNames ? { wrapNames, sites: state.sites } : {}),
        });
        state.wrapped += out.wrapped;
        if (out.edits) state.edits.set(args.path, out.edits);
        if (out.script) state.scripts.add(args.path);
        const lines = out.problems.length > 0 ? text.split('\n') : [];
        for (const p of out.problems) {
          const location = { file: path.relative(root, args.path), line: p.line, column: p.column - 1, lineText: lines[p.line - 1] ?? '' };
          state.problems.push({ text: p.message, detail: { code: p.code, original: true }, location });
        }
        state.loaded.set(args.path, out.contents);
        return { contents: out.contents, loader: javascript ? 'js' : 'ts' };
      });
    },
  };
}

/** `name` occurs in `text` as a whole identifier (in code, a string or a comment alike). */
function mentions(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/[\w$\u0080-\uffff]/.test(text[at - 1] ?? ' ') && !/[\w$\u0080-\uffff]/.test(text[at + name.length] ?? ' ')) return true;
  }
  return false;
}

function refuse(text: string, code = 'import-not-allowed'): { errors: PartialMessage[] } {
  return { errors: [{ text, detail: { code } }] };
}

/**
 * The file a relative specifier with an importable extension names, when it exists: what esbuild's
 * resolver returns for it too (a file that exists as written comes before any extension it tries).
 * Asking esbuild instead (build.resolve) costs two round trips to its process per import, one
 * after the other: about 45 ms for a config of ten files, more while the CLI is busy starting.
 */
async function existingFile(resolveDir: string, request: string): Promise<string | undefined> {
  if (!/^\.\.?\//.test(request) || !IMPORTABLE.has(path.extname(request).toLowerCase())) return undefined;
  const file = path.resolve(resolveDir, request);
  return (await isFile(file)) ? file : undefined;
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}
