import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bundles made once at build time instead of on every run.
 *
 * The sandbox runs two scripts esbuild makes from zonesmith's own files: the child process's
 * code (sandbox-child.ts and its imports) and the DSL runtime (src/dsl/runtime.ts). Running from
 * src/ (tests, tsx) they are bundled when first needed, so they always match the sources. The
 * built package (`npm run build`) writes them next to their entry files as `<entry>.bundle.js`
 * (prebundle.ts), and the CLI reads them: two esbuild builds fewer in every command that
 * evaluates a config, work that otherwise competes with bundling the config itself.
 *
 * Beside each bundle, `<entry>.bundle.json` lists the files it was built from. A bundle older than
 * any of them (tsc ran again, in watch mode for instance, without the prebundle step) is not used:
 * the caller bundles afresh rather than run stale code.
 */

/** A bundle and the files esbuild read to make it (absolute paths). */
export interface BuiltBundle {
  readonly code: string;
  readonly inputs: readonly string[];
}

/** Where the prebuilt bundle of `entry` (a built `.js` file) lives; undefined for other files. */
export function prebuiltPath(entry: string): string | undefined {
  return entry.endsWith('.js') ? `${entry.slice(0, -'.js'.length)}.bundle.js` : undefined;
}

function inputsPath(bundle: string): string {
  return `${bundle.slice(0, -'.js'.length)}.json`;
}

/** The prebuilt bundle of `entry`, or undefined when there is none or it is older than one of its inputs. */
export async function readPrebuilt(entry: string): Promise<string | undefined> {
  const bundle = prebuiltPath(entry);
  if (!bundle) return undefined;
  try {
    const dir = path.dirname(bundle);
    const { inputs } = JSON.parse(await readFile(inputsPath(bundle), 'utf8')) as { inputs: string[] };
    const built = (await stat(bundle)).mtimeMs;
    const times = await Promise.all(inputs.map(async (f) => (await stat(path.resolve(dir, f))).mtimeMs));
    if (times.some((t) => t > built)) return undefined;
    return await readFile(bundle, 'utf8');
  } catch {
    // No bundle, no list, or an input gone: bundle afresh.
    return undefined;
  }
}

/** Writes `built` as the prebuilt bundle of `entry`, inputs last; returns the bundle's path. */
export async function writePrebuilt(entry: string, built: BuiltBundle): Promise<string> {
  const bundle = prebuiltPath(entry);
  if (!bundle) throw new Error(`cannot prebuild ${entry}: only built .js files have prebuilt bundles`);
  const dir = path.dirname(bundle);
  // Relative, so an installed package can live anywhere.
  const inputs = built.inputs.map((f) => path.relative(dir, f).split(path.sep).join('/'));
  await writeFile(bundle, built.code);
  await writeFile(inputsPath(bundle), `${JSON.stringify({ inputs }, null, 2)}\n`);
  return bundle;
}

/** The absolute paths of a build's inputs, from esbuild's metafile (keys relative to `workingDir`). */
export function metafileInputs(metafile: { inputs: Record<string, unknown> }, workingDir: string): string[] {
  return Object.keys(metafile.inputs).map((f) => path.resolve(workingDir, f));
}
