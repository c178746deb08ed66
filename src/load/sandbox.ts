import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { esbuild } from './esbuild.js';
import { resolveIvmPath } from './ivm.js';
import { metafileInputs, readPrebuilt, type BuiltBundle } from './prebuilt.js';
import type { SandboxConfig, SandboxJob, SandboxReply } from './sandbox-child.js';
import type { SandboxOutcome, SandboxSetup } from './sandbox-isolate.js';
import { GUARD_PREFIX } from './sandbox-prelude.js';

export type { ConsoleMessage, SandboxOutcome, SandboxSetup, ThrownInfo } from './sandbox-isolate.js';

/** Columns the guard adds in front of the bundle's first line (positions there shift by this). */
export const CONFIG_LINE1_SHIFT = GUARD_PREFIX.length;

/**
 * Time the child gets beyond the config's own limit to start, load isolated-vm and answer, before
 * the host kills it. The isolate's timeout normally ends a run long before this.
 */
const GRACE_MS = 5_000;
/** stderr kept from a child that died (V8 prints its out-of-memory report there). */
const MAX_STDERR = 64 * 1024;

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
/**
 * The child's entry file, for the layout we run from (src/ or dist/src/). Named from the parent
 * directory so that the bundled CLI (dist/src/bin, src/cli/cli-bundle.ts) finds it too.
 */
export const CHILD_ENTRY = fileURLToPath(new URL(`../load/sandbox-child${EXT}`, import.meta.url));
let childCode: Promise<string> | undefined;

/**
 * The child's code: sandbox-child.ts and what it imports as one script, so the same code runs
 * whether zonesmith runs from src/ (vitest, tsx) or from dist/: prebuilt by `npm run build`
 * (prebuilt.ts), else bundled once per process. It is passed with `-e`, so it must stay well
 * under Linux's 128 KiB limit on one argument (about 14 KB in 2026-11).
 */
function childBundle(): Promise<string> {
  childCode ??= readPrebuilt(CHILD_ENTRY)
    .then(async (code) => code ?? (await buildChildBundle()).code)
    .catch((err: unknown) => {
      childCode = undefined;
      throw err;
    });
  return childCode;
}

/** Bundles the child's code with esbuild (what the prebuilt bundle holds). */
export async function buildChildBundle(): Promise<BuiltBundle> {
  const r = await esbuild.build({
    entryPoints: [CHILD_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    metafile: true,
  });
  return { code: (r.outputFiles[0] as { text: string }).text, inputs: metafileInputs(r.metafile, process.cwd()) };
}

/** A started sandbox process, ready for one job. */
export interface Sandbox {
  /**
   * Sets the isolate up (prelude, DSL, variables) while the config is still being bundled. With
   * `stream`, the DSL streams domains while the config runs (src/dsl/stream.ts).
   */
  prepare(setup: SandboxSetup, stream: boolean): void;
  /**
   * Evaluates the config bundle (after prepare()); the process exits afterwards. `onChunk` gets
   * the domains streamed while it runs.
   */
  run(configCode: string, onChunk?: (text: string) => void): Promise<SandboxOutcome>;
  /** Kills the process when no job will come (bundling failed). */
  dispose(): void;
  /** Peak resident memory of the child process, KB, once it answered. */
  readonly maxRssKb: number | undefined;
  /** CPU time the child process used (all its threads), ms, once it answered. */
  readonly cpuMs: number | undefined;
}

/**
 * Starts the sandbox: a child process that will evaluate the config in a fresh isolate. Starting
 * it before bundling hides Node's start-up behind esbuild's work.
 *
 * Why a process: isolated-vm's limits hold for what a config normally does, but V8 aborts the
 * whole process when an isolate asks for one allocation it can never satisfy
 * (`new Array(2 ** 30).fill(0)`, verified with isolated-vm 5.0.4 on Node 20, 2026-11), so the
 * isolate must not live in the host. The child gets no environment beyond TZ=UTC and LANG=C; the host kills it
 * when it has not answered {@link GRACE_MS} after the time limit.
 */
export async function startSandbox(): Promise<Sandbox> {
  const ivmPath = resolveIvmPath();
  const code = await childBundle();
  // --no-lazy: V8 compiles every function of a script when it compiles the script. A config's
  // functions nearly all run, and lazily each would be pre-parsed at compile time and parsed
  // again on its first call: eager compilation saves that second pass (100,000 records: evaluation
  // about 40 ms faster of 310, 14 MB more resident, Node 20 and 24, measured 2026-11). V8 flags
  // are per process, which is one more reason the isolate lives in a child of its own.
  const child = spawn(process.execPath, ['--no-node-snapshot', '--no-lazy', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    // No environment (nothing to leak even past the isolate), and a fixed time zone and locale:
    // Date.parse of a time without an offset and ICU's locale-dependent answers then do not depend
    // on the machine the config runs on.
    env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk.slice(0, MAX_STDERR - stderr.length);
  });
  let outcome: SandboxOutcome | undefined;
  let maxRssKb: number | undefined;
  let cpuMs: number | undefined;
  let ready = false;
  let killedForTime = false;
  // Messages for the child before it said it is ready, sent in order once it is.
  const queued: (SandboxJob | SandboxConfig)[] = [];
  const post = (message: SandboxJob | SandboxConfig): void => {
    if (ready) child.send(message);
    else queued.push(message);
  };
  let timer: NodeJS.Timeout | undefined;
  let resolve: (o: SandboxOutcome) => void = () => undefined;
  const answered = new Promise<SandboxOutcome>((r) => {
    resolve = r;
  });
  let chunkTo: ((text: string) => void) | undefined;
  let timeLimitMs = 0;
  child.on('message', (reply: SandboxReply) => {
    if ('ready' in reply) {
      ready = true;
      for (const message of queued.splice(0)) child.send(message);
    } else if ('chunk' in reply) {
      if (!outcome && typeof reply.chunk === 'string') chunkTo?.(reply.chunk);
    } else if (!outcome) {
      outcome = reply.outcome;
      maxRssKb = reply.maxRssKb;
      cpuMs = reply.cpuMs;
      if (timer) clearTimeout(timer);
      // The answer is complete: do not wait for the child to tear its isolate down and exit.
      resolve(outcome);
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }
  });
  child.on('error', (err) => {
    outcome ??= { kind: 'crashed', message: `cannot start the sandbox process: ${err.message}` };
  });
  child.on('close', (code, signal) => {
    if (timer) clearTimeout(timer);
    if (outcome) return resolve(outcome);
    if (killedForTime) return resolve({ kind: 'timeout' });
    if (/out of memory|OOM|allocation failed|Last few GCs/i.test(stderr)) return resolve({ kind: 'memory' });
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const tail = stderr.trim().split('\n').slice(-3).join(' / ');
    resolve({ kind: 'crashed', message: `the sandbox process died (${how})${tail ? `: ${tail}` : ''}` });
  });
  return {
    prepare(setup, stream) {
      timeLimitMs = setup.timeoutMs;
      post({ ivmPath, setup, stream } satisfies SandboxJob);
    },
    run(configCode, onChunk) {
      chunkTo = onChunk;
      // The child's clock starts again when the config arrives; the host's allows a grace on top.
      timer = setTimeout(() => {
        killedForTime = true;
        child.kill('SIGKILL');
      }, timeLimitMs + GRACE_MS);
      post({ configCode } satisfies SandboxConfig);
      return answered;
    },
    dispose() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    get maxRssKb() {
      return maxRssKb;
    },
    get cpuMs() {
      return cpuMs;
    },
  };
}
