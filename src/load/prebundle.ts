/**
 * The build's last step (`npm run build` runs `node dist/src/load/prebundle.js` after tsc): writes
 * the sandbox child's code and the DSL runtime as prebuilt bundles next to their built entry
 * files (prebuilt.ts), so the CLI does not bundle them on every run.
 */
import { defaultDslSource, buildDslBundle } from './dsl-source.js';
import { writePrebuilt } from './prebuilt.js';
import { buildChildBundle, CHILD_ENTRY } from './sandbox.js';

const runtime = defaultDslSource().runtimePath;
const written = [await writePrebuilt(CHILD_ENTRY, await buildChildBundle()), await writePrebuilt(runtime, await buildDslBundle(runtime))];
for (const file of written) process.stdout.write(`prebuilt ${file}\n`);
