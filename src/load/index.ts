import type { RawConfig } from '../dsl/raw-types.js';
import { ZonesmithError } from '../errors.js';
import { error, type Diagnostic } from '../ir/diagnostic.js';
import { bundleConfig, displayPath, type ConfigBundle } from './bundle.js';
import { defaultDslSource, dslBundle, type DslSource } from './dsl-source.js';
import { PositionMapper } from './positions.js';
import { readRawConfig, type RawConfigSink } from './raw-output.js';
import { StreamedConfig } from './raw-stream.js';
import { CONFIG_LINE1_SHIFT, startSandbox, type ConsoleMessage, type SandboxOutcome } from './sandbox.js';

export type { ConsoleMessage } from './sandbox.js';
export type { RawConfigSink } from './raw-output.js';
export type { DslSource } from './dsl-source.js';

/** Defaults of the sandbox's limits (docs/sandbox.md). */
export const LOAD_DEFAULTS = {
  memoryLimitMb: 128,
  timeoutMs: 5_000,
  maxOutputBytes: 64 * 1024 * 1024,
} as const;

/** isolated-vm refuses isolates smaller than this. */
const MIN_MEMORY_MB = 8;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** dnsconfig.ts / dnsconfig.js, absolute or relative to the working directory. */
  readonly configPath: string;
  /** `-v name=value` variables: globals the config can read (DNSControl's CLI variables). */
  readonly variables?: Readonly<Record<string, string>>;
  /** Heap limit of the sandbox, MB (default 128, at least 8). */
  readonly memoryLimitMb?: number;
  /** Time limit of the evaluation, ms (default 5000). */
  readonly timeoutMs?: number;
  /** Largest RawConfig JSON accepted, bytes (default 64 MiB). */
  readonly maxOutputBytes?: number;
  /** Receives the config's console messages once it ran (at most 1,000 messages, 64 KiB). */
  readonly onConsole?: (message: ConsoleMessage) => void;
  /**
   * Files the config may never import, whatever their name: pass the credentials file in use
   * (a file named creds.json is refused anyway).
   */
  readonly forbiddenFiles?: readonly string[];
  /** Another DSL runtime (tests and tools); the one shipped in src/dsl by default. */
  readonly dsl?: DslSource;
  /** Receives where the time and memory went (bench/eval.ts, verbose output). */
  readonly onStats?: (stats: LoadStats) => void;
}

/** Cost of one {@link loadConfig}, for benchmarks and verbose output. */
export interface LoadStats {
  /** Starting the sandbox process and bundling (concurrent), ms. */
  readonly bundleMs: number;
  /** Evaluation in the sandbox, output copied back, ms. */
  readonly evaluateMs: number;
  /** JSON.parse, shape checks and position mapping in the host (with loadConfigInParts, the sink's work too), ms. */
  readonly checkMs: number;
  /** Size of the sandbox's final answer (the RawConfig JSON, without the streamed domains), bytes. */
  readonly outputBytes: number;
  /** Domains the DSL streamed while the config ran (checked as they came; raw-stream.ts). */
  readonly streamedDomains: number;
  /** DSL calls numbered at bundle time (their positions need no stack capture; call-sites.ts). */
  readonly numberedCalls: number;
  /** Peak resident memory of the sandbox process, MB. */
  readonly sandboxPeakMb: number | undefined;
  /** CPU time of the sandbox process (start-up included), ms. */
  readonly sandboxCpuMs: number | undefined;
}

/**
 * Bundles the config, evaluates it in the sandbox and returns the validated RawConfig, every
 * `pos` replaced by `source` (file relative to the working directory, line, column). Throws
 * ZonesmithError with diagnostics for every failure: bundling, an exception in the config (at
 * the line that threw), the time, memory or output limit, or malformed output.
 */
export function loadConfig(opts: LoadConfigOptions): Promise<RawConfig> {
  return load(opts, false, (mapper) => ({ take: (json, _streamed, file) => readRawConfig(json, mapper, file) }));
}

/**
 * loadConfig for a consumer that takes the config a domain at a time (the CLI's normaliser): the
 * sandbox's answer is parsed and checked one domain after another and each handed to the sink, so
 * a domain's raw objects are garbage as soon as the sink took it (raw-parts.ts). Same errors as
 * loadConfig. Returns the sink that received the config: `newSink()`'s first, or a second one
 * given the whole config when it could not go in parts.
 */
export function loadConfigInParts<S extends RawConfigSink>(opts: LoadConfigOptions, newSink: () => Promise<S>): Promise<S> {
  return load(opts, true, (mapper, bundle) => {
    // The DSL streams domains while the config runs, and they are checked and handed over as they
    // come (raw-stream.ts).
    const stream = new StreamedConfig(mapper, newSink, () => bundle.loadMap());
    return {
      onChunk: (text) => stream.push(text),
      needsSourceMap: () => stream.needsSourceMap,
      take: (json, streamed, file) => stream.finish(json, streamed, file),
    };
  });
}

/** What load() does with the sandbox's answer, made once the config is bundled. */
interface Reader<T> {
  /** Takes the domains the DSL streams while the config runs (when load() was asked to stream). */
  readonly onChunk?: (text: string) => void;
  /** Whether what was streamed needs the source map. */
  readonly needsSourceMap?: () => boolean;
  take(json: string, streamed: number, file: string): T | Promise<T>;
}

async function load<T>(opts: LoadConfigOptions, streams: boolean, reader: (mapper: PositionMapper, bundle: ConfigBundle) => Reader<T>): Promise<T> {
  const memoryLimitMb = option('memoryLimitMb', opts.memoryLimitMb ?? LOAD_DEFAULTS.memoryLimitMb, MIN_MEMORY_MB);
  const timeoutMs = option('timeoutMs', opts.timeoutMs ?? LOAD_DEFAULTS.timeoutMs, 1);
  const maxOutputBytes = option('maxOutputBytes', opts.maxOutputBytes ?? LOAD_DEFAULTS.maxOutputBytes, 1);
  const dsl = opts.dsl ?? defaultDslSource();
  const t0 = performance.now();
  // The sandbox process starts, and sets its isolate up (prelude, DSL, variables), while the config
  // is bundled: Node's start-up and the DSL's hide behind esbuild.
  const starting = startSandbox();
  const bundling = bundleConfig(opts.configPath, dsl.globals, { sourceMap: 'on-demand', ...(opts.forbiddenFiles ? { forbiddenFiles: opts.forbiddenFiles } : {}) });
  // Awaited below, after the sandbox has started: a bundling failure meanwhile is not unhandled.
  bundling.catch(() => undefined);
  const preparing = Promise.all([starting, dslBundle(dsl.runtimePath)]).then(([started, dslCode]) => {
    started.prepare({ dslCode, variables: opts.variables ?? {}, memoryLimitMb, timeoutMs, maxOutputBytes }, streams);
    return started;
  });
  let sandbox: Awaited<typeof starting>;
  try {
    sandbox = await preparing;
  } catch (err) {
    starting.then((started) => started.dispose(), () => undefined);
    await bundling.catch(() => undefined);
    throw err;
  }
  let bundle: ConfigBundle;
  try {
    bundle = await bundling;
  } catch (err) {
    sandbox.dispose();
    throw err;
  }
  const t1 = performance.now();
  const mapper = new PositionMapper(bundle, CONFIG_LINE1_SHIFT);
  const read = reader(mapper, bundle);
  const outcome = await sandbox.run(bundle.code, read.onChunk);
  const t2 = performance.now();
  if ((outcome.kind === 'ok' || outcome.kind === 'exception') && opts.onConsole) {
    for (const m of outcome.console) opts.onConsole(m);
    if (outcome.droppedMessages > 0) {
      opts.onConsole({ level: 'warn', text: `(${outcome.droppedMessages} more console messages were dropped)` });
    }
  }
  const file = displayPath(bundle.entry);
  if (needsSourceMap(outcome) || (outcome.kind === 'ok' && read.needsSourceMap?.())) await bundle.loadMap();
  if (outcome.kind !== 'ok') throw failure(outcome, file, mapper, { memoryLimitMb, timeoutMs, maxOutputBytes });

  const result = await read.take(outcome.json, outcome.streamed, file);
  opts.onStats?.({
    bundleMs: t1 - t0,
    evaluateMs: t2 - t1,
    checkMs: performance.now() - t2,
    outputBytes: Buffer.byteLength(outcome.json),
    streamedDomains: outcome.streamed,
    numberedCalls: bundle.sites,
    sandboxPeakMb: sandbox.maxRssKb === undefined ? undefined : sandbox.maxRssKb / 1024,
    sandboxCpuMs: sandbox.cpuMs,
  });
  return result;
}

/**
 * Whether positions in this outcome go through the source map: an exception's (its stack, or a
 * position the DSL captured), or records the DSL placed by capturing the stack (`pos`, not a
 * numbered `site`). A `"pos":` inside a JSON string is escaped (`\"pos\":`), so the search
 * only errs towards loading the map (a metadata key named pos).
 */
function needsSourceMap(outcome: SandboxOutcome): boolean {
  return outcome.kind === 'exception' || (outcome.kind === 'ok' && outcome.json.includes('"pos":'));
}

function option(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new ZonesmithError('load-option-invalid', `${name} must be an integer of at least ${min}, got ${value}`);
  }
  return value;
}

type Limits = { memoryLimitMb: number; timeoutMs: number; maxOutputBytes: number };

function failure(outcome: Exclude<SandboxOutcome, { kind: 'ok' }>, file: string, mapper: PositionMapper, limits: Limits): ZonesmithError {
  const one = (code: string, message: string, d: Diagnostic): ZonesmithError =>
    new ZonesmithError(code, message, { diagnostics: [d] });
  switch (outcome.kind) {
    case 'exception': {
      const t = outcome.thrown;
      if (t.dsl) {
        // A misuse of the DSL (PANIC included): its own code, at the call the DSL recorded.
        const at =
          (t.dsl.site !== undefined && mapper.site(t.dsl.site)) || (t.dsl.pos && mapper.map(t.dsl.pos.line, t.dsl.pos.column)) || mapper.fromStack(t.stack);
        return one('config-exception', `${file} failed`, error(t.dsl.code, t.message, at));
      }
      const named = t.name && t.name !== 'Error' && !t.message.startsWith(t.name);
      const text = named ? `${t.name}: ${t.message}` : t.message;
      const d = error('config-exception', text || 'the config threw an exception', mapper.fromStack(t.stack));
      return one('config-exception', `${file} threw an exception`, d);
    }
    case 'timeout':
      return one(
        'config-timeout',
        `${file} did not finish in time`,
        error('config-timeout', `${file}: evaluation did not finish within ${limits.timeoutMs} ms (the time limit; --time-limit raises it)`),
      );
    case 'memory':
      return one(
        'config-memory-limit',
        `${file} used too much memory`,
        error('config-memory-limit', `${file}: evaluation used more than ${limits.memoryLimitMb} MB (the memory limit; --memory-limit raises it)`),
      );
    case 'output-too-large':
      return one(
        'config-output-too-large',
        `${file} produced too much output`,
        error('config-output-too-large', `${file}: the evaluated config is ${outcome.bytes} bytes of JSON, more than the limit of ${limits.maxOutputBytes}`),
      );
    case 'dsl-broken':
      return one('dsl-unavailable', 'the DSL runtime is broken', error('dsl-unavailable', outcome.message));
    case 'output-invalid':
      return one('config-output-invalid', `${file}: the DSL returned malformed output`, error('raw-invalid', outcome.message));
    case 'crashed':
      return one('sandbox-crashed', `${file} could not be evaluated`, error('sandbox-crashed', outcome.message));
  }
}
