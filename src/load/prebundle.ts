/**
 * The build's last step (`npm run build` runs `node dist/src/load/prebundle.js` after tsc): writes
 * the sandbox child's code and the DSL runtime as prebuilt bundles next to their built entry
 * files (prebuilt.ts), so the CLI does not bundle them on every run, and the CLI itself as a
 * bundle (src/cli/cli-bundle.ts), which package.json's `bin` runs.
 */
import { bundleCli } from '../cli/cli-bundle.js';
import { defaultDslSource, buildDslBundle } from './dsl-source.js';
import { writePrebuilt } from './prebuilt.js';
import { buildChildBundle, CHILD_ENTRY } from './sandbox.js';

const runtime = defaultDslSource().runtimePath;
const written = [await writePrebuilt(CHILD_ENTRY, await buildChildBundle()), await writePrebuilt(runtime, await buildDslBundle(runtime)), await bundleCli()];
for (const file of written) process.stdout.write(`prebuilt ${file}\n`);
