import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { esbuild } from './esbuild.js';
import { ZonesmithError } from '../errors.js';
import { error, type Diagnostic } from '../ir/diagnostic.js';
import type { RawSource } from '../dsl/raw-types.js';
import type { SourcePos } from '../ir/source.js';
import { CallSites } from './call-sites.js';
import type { ColumnEdits } from './column-edits.js';
import { loaderPlugin, type PluginState } from './bundle-plugin.js';
import { RUN_GLOBAL } from './call-wrap.js';
import { SourceMapIndex } from './source-map.js';

/** The user's config as one script, with what is needed to map its positions back. */
export interface ConfigBundle {
  /** The config file (real, absolute path). */
  readonly entry: string;
  /** The bundled script (an IIFE). */
  readonly code: string;
  /**
   * The bundle's source map (read and decoded on first use: numbered call sites do without it).
   * With `sourceMap: 'on-demand'`, map, files and edits are there only once {@link loadMap} resolved.
   */
  readonly map: SourceMapIndex;
  /** For each of the map's sources: the file relative to the working directory (virtual modules as named). */
  readonly files: readonly string[];
  /** For each of the map's sources: where the plugin's rewrites moved its columns. */
  readonly edits: readonly (ColumnEdits | undefined)[];
  /** Where numbered call site `site` (call-sites.ts) was written; undefined for a number that is no site. */
  site(site: number): RawSource | undefined;
  /** How many call sites were numbered. */
  readonly sites: number;
  /**
   * Makes the source map available: with `sourceMap: 'on-demand'`, builds the same bundle again
   * with its map (the files' contents replayed from the first build); otherwise nothing to do.
   * Throws ZonesmithError `config-changed` when the second build does not give the same script.
   */
  loadMap(): Promise<void>;
}

/** esbuild's language level for the bundle: what the V8 in isolated-vm for Node 20 runs natively. */
const TARGET = 'es2022';

/**
 * Bundles the config and its relative imports into one script with an in-memory source map.
 * `creds.json` and `forbiddenFiles` (the credentials file the CLI uses) can never be imported.
 * Throws ZonesmithError (`config-bundle-failed`) carrying one diagnostic per problem: forbidden or
 * missing imports (at the import) and syntax errors (at the error).
 */
export async function bundleConfig(
  configPath: string,
  globals: readonly string[],
  options: {
    readonly forbiddenFiles?: readonly string[];
    /** false: neither number nor wrap DSL calls (call-sites.ts, call-wrap.ts); for tests and comparisons. */
    readonly rewrite?: boolean;
    /**
     * 'now' (the default): the source map comes with the bundle. 'on-demand': only when
     * loadMap() asks for it. Generating the map of a large bundle is a good part of esbuild's work
     * (100,000 records: about 80 ms of the CLI's 1.2 s, Node 20, 2026-11), and numbered calls
     * carry their positions without it: the loader needs it only for an error or a position
     * captured from the stack.
     */
    readonly sourceMap?: 'now' | 'on-demand';
  } = {},
): Promise<ConfigBundle> {
  const entry = await realpath(configPath).catch(() => {
    throw new ZonesmithError('config-not-found', `cannot read the config: ${configPath} does not exist`);
  });
  const forbidden = new Set<string>();
  for (const f of options.forbiddenFiles ?? []) forbidden.add(await realpath(f).catch(() => path.resolve(f)));
  try {
    return await build(entry, globals, forbidden, options.rewrite ?? true, options.sourceMap ?? 'now');
  } catch (err) {
    // Call numbering and wrapping (call-sites.ts, call-wrap.ts) work on tokens, not a parse: should
    // they ever break valid code, or a file name the hook numbered calls go through, the build
    // without them decides (slower position capture, same result).
    if (err instanceof RetryWithoutRewrite) return build(entry, globals, forbidden, false, options.sourceMap ?? 'now');
    throw err;
  }
}

/** The rewrite cannot be used for this config: bundle it as written (see bundleConfig). */
class RetryWithoutRewrite extends Error {}

function newState(): PluginState {
  return { edits: new Map(), scripts: new Set(), problems: [], wrapped: 0, sites: new CallSites(), loaded: new Map(), namesSiteGlobal: false };
}

/** esbuild's options for the config: the same for the bundle and for a second build for its map. */
function buildOptions(root: string, entry: string, wrap: boolean, sourcemap: boolean, plugin: Esbuild.Plugin): Esbuild.BuildOptions & { write: false } {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    // Never written (write: false); it only fixes the directory the map's sources are relative to.
    outfile: path.join(root, 'zonesmith-config.js'),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: TARGET,
    // 'external': the map is made, and the script carries no comment pointing at it, so the script
    // is the same with and without a map.
    sourcemap: sourcemap ? 'external' : false,
    sourcesContent: false,
    // The config's semantics must not depend on a tsconfig.json or package.json esbuild would
    // otherwise look for (in the tree and above it); type-checking honours tsconfig.json instead.
    tsconfigRaw: {},
    mainFields: [],
    conditions: [],
    // /* @__PURE__ */ must not let esbuild drop a D() call.
    ignoreAnnotations: true,
    // A smaller script for esbuild to print and V8 to parse (about 20% for a large config);
    // positions go through the source map either way.
    minifyWhitespace: true,
    treeShaking: false,
    // What wrapped calls (call-wrap.ts) call: defined in the bundle itself (a hoisted function
    // declaration), so the bundle runs anywhere, not only in zonesmith's sandbox.
    ...(wrap ? { footer: { js: `function ${RUN_GLOBAL}(f) { return f(); }` } } : {}),
    logLevel: 'silent',
    plugins: [plugin],
  };
}

async function build(entry: string, globals: readonly string[], forbidden: ReadonlySet<string>, wrap: boolean, sourceMap: 'now' | 'on-demand'): Promise<ConfigBundle> {
  const root = path.dirname(entry);
  const state = newState();
  const plugin = (s: PluginState, replay?: ReadonlyMap<string, string>): Esbuild.Plugin =>
    loaderPlugin({ root, entry, globals, state: s, wrap, forbidden, ...(replay ? { replay } : {}) });
  let result: Esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build(buildOptions(root, entry, wrap, sourceMap === 'now', plugin(state)));
  } catch (err) {
    const failure = err as Partial<Esbuild.BuildFailure>;
    if (!Array.isArray(failure.errors)) throw err;
    if (state.wrapped > 0 && failure.errors.some((m) => !m.pluginName)) throw new RetryWithoutRewrite();
    throw bundleFailure(entry, [...problemMessages(state), ...failure.errors], root, state);
  }
  if (state.problems.length > 0) throw bundleFailure(entry, problemMessages(state), root, state);
  if (state.namesSiteGlobal) throw new RetryWithoutRewrite();
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('esbuild returned no bundle');
  const code = js.text;
  let mapText: string | undefined;
  if (sourceMap === 'now') {
    mapText = result.outputFiles.find((f) => f.path.endsWith('.map'))?.text;
    if (mapText === undefined) throw new Error('esbuild returned no source map');
  }
  let mapping: Promise<void> | undefined;
  const loadMap = (): Promise<void> =>
    (mapping ??= (async () => {
      if (mapText !== undefined) return;
      const changed = (): ZonesmithError =>
        new ZonesmithError('config-changed', `${displayPath(entry)}: the config's files changed while zonesmith read them; run it again`);
      // The files' contents as the first build saw them, and which were DNSControl scripts (their
      // require("dir/file.js") resolves from the config's directory): the same script, call
      // numbers included, unless a JSON file or what an import resolves to changed in between.
      const again = await esbuild.build(buildOptions(root, entry, wrap, true, plugin({ ...newState(), scripts: new Set(state.scripts) }, state.loaded))).catch(() => {
        throw changed();
      });
      const text = again.outputFiles.find((f) => f.path.endsWith('.map'))?.text;
      if (again.outputFiles.find((f) => f.path.endsWith('.js'))?.text !== code || text === undefined) throw changed();
      mapText = text;
    })());
  // The source map (2.4 MB for 100,000 records) is read only when a position is mapped through
  // it (an error, a position captured from the stack): numbered calls carry their own positions.
  let raw: { sources: string[]; mappings: string } | undefined;
  const rawMap = (): { sources: string[]; mappings: string } => {
    if (mapText === undefined) throw new Error('the source map is not loaded yet: await bundle.loadMap() first');
    return (raw ??= JSON.parse(mapText) as { sources: string[]; mappings: string });
  };
  let map: SourceMapIndex | undefined;
  let absolute: (string | undefined)[] | undefined;
  const absolutes = (): (string | undefined)[] => (absolute ??= rawMap().sources.map((s) => (isVirtual(s) ? undefined : path.resolve(root, s))));
  let files: string[] | undefined;
  let edits: (ColumnEdits | undefined)[] | undefined;
  const sites = state.sites;
  const display = new Map<string, string>();
  return {
    entry,
    code,
    loadMap,
    get map() {
      return (map ??= SourceMapIndex.decode(rawMap()));
    },
    get files() {
      return (files ??= rawMap().sources.map((s, i) => {
        const abs = absolutes()[i];
        return abs === undefined ? s : displayPath(abs);
      }));
    },
    get edits() {
      return (edits ??= absolutes().map((abs) => (abs === undefined ? undefined : state.edits.get(abs))));
    },
    site(n) {
      const at = sites.at(n);
      if (!at) return undefined;
      let file = display.get(at.path);
      if (file === undefined) display.set(at.path, (file = displayPath(at.path)));
      return { file, line: at.line, column: at.column };
    },
    sites: sites.size,
  };
}

function problemMessages(state: PluginState): Esbuild.Message[] {
  return state.problems.map((p) => ({
    id: '',
    pluginName: 'zonesmith-loader',
    text: p.text ?? '',
    notes: [],
    detail: p.detail,
    location: p.location
      ? { file: p.location.file ?? '', namespace: 'file', line: p.location.line ?? 1, column: p.location.column ?? 0, length: 0, lineText: p.location.lineText ?? '', suggestion: '' }
      : null,
  }));
}

function bundleFailure(entry: string, messages: readonly Esbuild.Message[], root: string, state: PluginState): ZonesmithError {
  const diagnostics = messages.map((m) => messageDiagnostic(m, root, state));
  diagnostics.sort((a, b) =>
    (a.source?.file ?? '').localeCompare(b.source?.file ?? '') || (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0));
  return new ZonesmithError('config-bundle-failed', `${displayPath(entry)} could not be bundled`, { diagnostics });
}

/** A path as the user would type it: relative to the working directory. */
export function displayPath(abs: string): string {
  return path.relative(process.cwd(), abs).split(path.sep).join('/') || abs;
}

function isVirtual(source: string): boolean {
  return /^[a-z][\w-]*:/i.test(source) && !path.isAbsolute(source) && !/^[a-z]:[\\/]/i.test(source);
}

function messageDiagnostic(m: Esbuild.Message, root: string, state: PluginState): Diagnostic {
  const code = (m.detail as { code?: string } | undefined)?.code ?? (m.pluginName ? 'import-not-allowed' : 'config-syntax');
  const loc = m.location;
  if (!loc) return error(code, m.text);
  const abs = path.resolve(root, loc.file);
  let line = loc.line;
  let column = loc.column;
  const edits = state.edits.get(abs);
  // The plugin's own problems are already in the file's coordinates; esbuild's are in the rewrite's.
  if (edits && !(m.detail as { original?: boolean } | undefined)?.original) ({ line, column } = edits.map(line, column));
  const source: SourcePos = { file: displayPath(abs), line, column: column + 1 };
  return error(code, m.text, source);
}
