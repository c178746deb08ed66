import { fileURLToPath } from 'node:url';
import { esbuild } from './esbuild.js';
import { DSL_GLOBALS } from '../dsl/names.js';
import { ZonesmithError } from '../errors.js';
import { metafileInputs, readPrebuilt, type BuiltBundle } from './prebuilt.js';

/** The DSL the sandbox runs: its runtime entry file and the globals it installs. */
export interface DslSource {
  /** Absolute path of the runtime's entry (src/dsl/runtime.ts, or dist/src/dsl/runtime.js). */
  readonly runtimePath: string;
  /** Names the virtual "zonesmith" module re-exports (src/dsl/names.ts: DSL_GLOBALS). */
  readonly globals: readonly string[];
}

// Running from src/ (vitest, tsx) this module is a .ts file and so are its siblings; after tsc,
// every file under dist/src is .js.
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Where a file of src/dsl/ is, relative to this module, for the layout we run from. */
export function dslFile(name: string): string {
  return fileURLToPath(new URL(`../dsl/${name}${EXT}`, import.meta.url));
}

/** The DSL's type declarations for the layout we run from: src/dsl/<name>.ts, or dist/src/dsl/<name>.d.ts. */
export function dslTypesFile(name: string): string {
  return fileURLToPath(new URL(`../dsl/${name}${EXT === '.ts' ? '.ts' : '.d.ts'}`, import.meta.url));
}

/** The DSL shipped with this package. */
export function defaultDslSource(): DslSource {
  return { runtimePath: dslFile('runtime'), globals: DSL_GLOBALS };
}

const bundles = new Map<string, Promise<string>>();

/**
 * The DSL runtime bundled as one script (IIFE, platform neutral): prebuilt by `npm run build`
 * (prebuilt.ts) for the shipped runtime, else built once per process and runtime path.
 */
export function dslBundle(runtimePath: string): Promise<string> {
  let cached = bundles.get(runtimePath);
  if (!cached) {
    cached = readPrebuilt(runtimePath)
      .then(async (code) => code ?? (await buildDslBundle(runtimePath)).code)
      .catch((err: unknown) => {
        bundles.delete(runtimePath);
        throw new ZonesmithError('dsl-unavailable', `cannot bundle the DSL runtime ${runtimePath}: ${(err as Error).message}`, { cause: err });
      });
    bundles.set(runtimePath, cached);
  }
  return cached;
}

/** Bundles the DSL runtime at `runtimePath` with esbuild (what the prebuilt bundle holds). */
export async function buildDslBundle(runtimePath: string): Promise<BuiltBundle> {
  const r = await esbuild.build({
    entryPoints: [runtimePath],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    mainFields: [],
    logLevel: 'silent',
    metafile: true,
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error('esbuild returned no output for the DSL runtime');
  return { code: out.text, inputs: metafileInputs(r.metafile, process.cwd()) };
}
