import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * The CLI as a few files instead of the hundreds of modules tsc writes.
 *
 * Node loads an ES module graph file by file: resolving, reading, compiling and linking each
 * costs time before the first line runs, about 45 ms of a `zonesmith check` for the CLI's own
 * modules (Node 20, 2026-11), which is every run's cost however small the config. `npm run build`
 * therefore bundles the built CLI (dist/src/cli/bin.js) into {@link CLI_BUNDLE_DIR}: the entry
 * and what every command needs in one file, and what only some commands need (providers, the
 * type checker's glue, the Git hosts) in chunks loaded by the dynamic imports that load them
 * today. Packages stay external: they load as before, only when a command needs them.
 *
 * The bundle sits at the same depth as src/load and src/dsl, so the paths the loader resolves
 * from its own location (`../load/sandbox-child.js`, `../dsl/runtime.js`, the package.json two
 * or three levels up) are the same whether it runs bundled, from dist/src or from src/.
 */

/** Where the bundled CLI is written, relative to dist/src (package.json's `bin` names its entry). */
export const CLI_BUNDLE_DIR = 'bin';
/** The bundled CLI's entry file, in {@link CLI_BUNDLE_DIR}. */
export const CLI_BUNDLE_ENTRY = 'zonesmith.js';

/**
 * Bundles the built CLI next to the directory this module was built into (dist/src/cli →
 * dist/src/bin), replacing what an earlier build left there; returns the entry's path.
 */
export async function bundleCli(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const entry = path.join(here, 'bin.js');
  const outdir = path.join(here, '..', CLI_BUNDLE_DIR);
  // Chunk names carry content hashes: an earlier build's chunks would otherwise pile up.
  await rm(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { [path.basename(CLI_BUNDLE_ENTRY, '.js')]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunk-[hash]',
    // Stack traces of internal errors point into the bundle; `node --enable-source-maps` maps them.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const out = path.join(outdir, CLI_BUNDLE_ENTRY);
  // npx runs the bin file itself through its #! line (esbuild keeps the entry's).
  await chmod(out, 0o755);
  return out;
}
