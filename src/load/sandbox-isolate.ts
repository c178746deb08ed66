import { CONFIG_SCRIPT_NAME, DSL_SCRIPT_NAME } from '../dsl/names.js';
import type { IvmIsolate, IvmModule, IvmReference } from './ivm.js';
import { GUARD_PREFIX, GUARD_SUFFIX, PRELUDE } from './sandbox-prelude.js';

/** What {@link runIsolate} sets up before the config is there, and the limits. */
export interface SandboxSetup {
  /** The DSL runtime bundle, run as `zonesmith:dsl`. */
  readonly dslCode: string;
  /** `-v name=value` variables, handed to the DSL before the config runs. */
  readonly variables: Readonly<Record<string, string>>;
  readonly memoryLimitMb: number;
  readonly timeoutMs: number;
  /** Largest RawConfig JSON accepted, in UTF-8 bytes. */
  readonly maxOutputBytes: number;
}

/** One console message of the config. */
export interface ConsoleMessage {
  readonly level: string;
  readonly text: string;
}

/** Something the config threw, as read inside the isolate. */
export interface ThrownInfo {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
  /** The DSL's record of its own error, when what was thrown is the DSL's last DslError. */
  readonly dsl?: { readonly code: string; readonly pos?: { readonly line: number; readonly column: number }; readonly site?: number };
}

/** How an evaluation ended. Only strings and numbers ever crossed the boundary to build it. */
export type SandboxOutcome =
  | {
      readonly kind: 'ok';
      /** The RawConfig JSON; when `streamed` > 0, only the domains after the streamed ones. */
      readonly json: string;
      /** Domains that went over in chunks while the config ran (src/dsl/stream.ts). */
      readonly streamed: number;
      readonly console: readonly ConsoleMessage[];
      readonly droppedMessages: number;
    }
  | { readonly kind: 'exception'; readonly thrown: ThrownInfo; readonly console: readonly ConsoleMessage[]; readonly droppedMessages: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'memory' }
  | { readonly kind: 'output-too-large'; readonly bytes: number }
  | { readonly kind: 'dsl-broken'; readonly message: string }
  | { readonly kind: 'output-invalid'; readonly message: string }
  | { readonly kind: 'crashed'; readonly message: string };

class Expired extends Error {}

// The DSL's collect() is JSON.stringify of its state: a config that replaced JSON.stringify gets this.
const NOT_A_STRING = '__zonesmith.collect() did not return a string (did the config replace JSON.stringify?)';

/**
 * Evaluates the config in a fresh isolate: prelude, DSL, variables, then the config once
 * `configCode` (the config bundle, run as `zonesmith:config`, wrapped by the prelude's guard) is
 * there, and collect. The first steps run while the host is still bundling the config; the time
 * limit starts again when the config arrives, so it is the config's own. The isolate is disposed
 * afterwards whatever happens. This runs in the sandbox's child process (sandbox-child.ts), never
 * in the host: see sandbox.ts for why.
 */
export async function runIsolate(ivm: IvmModule, input: SandboxSetup, configCode: Promise<string>, onChunk?: (text: string) => void): Promise<SandboxOutcome> {
  const isolate = new ivm.Isolate({ memoryLimit: input.memoryLimitMb });
  const clock = { deadline: Date.now() + input.timeoutMs };
  const remaining = (): number => {
    const left = clock.deadline - Date.now();
    if (left <= 0) throw new Expired();
    return left;
  };
  const config = configCode.then((code) => {
    clock.deadline = Date.now() + input.timeoutMs;
    return code;
  });
  try {
    return await evaluate(isolate, input, config, remaining, onChunk && new Chunks(ivm, input.maxOutputBytes, onChunk));
  } catch (err) {
    if (isolate.isDisposed || /memory limit/i.test((err as Error)?.message ?? '')) return { kind: 'memory' };
    if (err instanceof Expired || /timed out/i.test((err as Error)?.message ?? '')) return { kind: 'timeout' };
    throw err;
  } finally {
    if (!isolate.isDisposed) isolate.dispose();
  }
}

/**
 * The domains the DSL streams while the config runs (src/dsl/stream.ts), passed on as they come.
 * Their bytes count against the output limit with the final JSON; past it nothing more is passed
 * on, and the outcome is `output-too-large`.
 */
class Chunks {
  bytes = 0;
  /** Chunks that arrived (the isolate sends them without waiting: they may still be on their way). */
  received = 0;
  readonly emitter: IvmReference;
  constructor(ivm: IvmModule, private readonly maxBytes: number, onChunk: (text: string) => void) {
    this.emitter = new ivm.Reference((text: unknown) => {
      this.received++;
      if (typeof text !== 'string' || this.bytes > this.maxBytes) return;
      this.bytes += Buffer.byteLength(text, 'utf8');
      if (this.bytes <= this.maxBytes) onChunk(text);
    });
  }

  /** Resolves once `count` chunks arrived; throws Expired when the time limit passes first. */
  async arrived(count: number, remaining: () => number): Promise<void> {
    while (this.received < count) {
      remaining();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

async function evaluate(isolate: IvmIsolate, input: SandboxSetup, configCode: Promise<string>, remaining: () => number, chunks: Chunks | undefined): Promise<SandboxOutcome> {
  const context = await isolate.createContext();
  const prelude = await isolate.compileScript(PRELUDE, { filename: 'zonesmith:prelude' });
  const api = await prelude.run(context, { reference: true, timeout: remaining() });
  const call = async (name: string, args: readonly (string | number | IvmReference)[] = []): Promise<unknown> => {
    const fn: IvmReference = await api.get(name, { reference: true });
    try {
      return await fn.apply(undefined, args, { timeout: remaining(), result: { copy: true } });
    } finally {
      fn.release();
    }
  };
  const thrown = async (text: string): Promise<ThrownInfo> => {
    const info = parseThrown(text);
    const dslError = parseDslError(await call('lastError'));
    // The DSL remembers its last error even if the config caught it: it explains this exception
    // only when the messages agree (docs/dsl.md, runtime contract).
    if (!dslError || dslError.message !== info.message) return info;
    const { code, pos, site } = dslError;
    return { ...info, dsl: { code, ...(pos ? { pos } : {}), ...(site !== undefined ? { site } : {}) } };
  };
  const readConsole = async (): Promise<{ console: ConsoleMessage[]; droppedMessages: number }> =>
    parseConsole(await call('console'));

  const dsl = await isolate.compileScript(input.dslCode, { filename: DSL_SCRIPT_NAME });
  try {
    await dsl.run(context, { timeout: remaining() });
  } catch (err) {
    if (err instanceof Expired || isolate.isDisposed || /timed out|memory limit/i.test((err as Error).message)) throw err;
    return { kind: 'dsl-broken', message: `the DSL runtime failed to start: ${(err as Error).message}` };
  }
  const bound = await call('bind', chunks ? [chunks.emitter] : []);
  if (bound !== '') return { kind: 'dsl-broken', message: typeof bound === 'string' ? bound : 'bind failed' };
  const varsFailure = await call('setVariables', [JSON.stringify(input.variables)]);
  if (typeof varsFailure === 'string' && varsFailure !== '') {
    return { kind: 'exception', thrown: await thrown(varsFailure), ...(await readConsole()) };
  }

  const source = GUARD_PREFIX + (await configCode) + GUARD_SUFFIX;
  let script;
  try {
    script = await isolate.compileScript(source, { filename: CONFIG_SCRIPT_NAME });
  } catch (err) {
    if (isolate.isDisposed) throw err; // the source alone was over the memory limit
    // esbuild produced it, so V8 rejecting it means a language feature esbuild passed through.
    return { kind: 'exception', thrown: { name: 'SyntaxError', message: (err as Error).message, stack: '' }, console: [], droppedMessages: 0 };
  }
  try {
    await script.run(context, { timeout: remaining() });
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    if (err instanceof Expired || isolate.isDisposed || /timed out|memory limit/i.test(message)) throw err;
    // Raised by isolated-vm itself, past the guard: V8 asked it to load a module for import()
    // (eval("import(...)") slips past the bundler) and it refuses (verified with isolated-vm 5.0.4).
    const text = message === 'Not supported' ? 'dynamic import() is not supported in the sandbox' : message;
    return { kind: 'exception', thrown: { name: '', message: text, stack: '' }, ...(await readConsole()) };
  }
  const failed = await call('failure');
  if (typeof failed === 'string' && failed !== '') {
    return { kind: 'exception', thrown: await thrown(failed), ...(await readConsole()) };
  }

  const length = await call('collect');
  if (length === -2) return { kind: 'exception', thrown: await thrown(String(await call('failure'))), ...(await readConsole()) };
  if (typeof length !== 'number' || length < 0) return { kind: 'output-invalid', message: NOT_A_STRING };
  // Every chunk the isolate sent is passed on before the answer (they share the host's channel, in order).
  if (chunks) {
    const emitted = await call('emitted');
    await chunks.arrived(typeof emitted === 'number' ? emitted : 0, remaining);
  }
  const before = chunks?.bytes ?? 0;
  // UTF-16 length is at most the UTF-8 size for ASCII and a third of it otherwise: checked again
  // in bytes once copied, but a string far too large never leaves the isolate.
  if (before + length > input.maxOutputBytes) return { kind: 'output-too-large', bytes: before + length };
  const streamed = chunks ? await call('streamed') : 0;
  const json = await call('take');
  if (typeof json !== 'string') return { kind: 'output-invalid', message: NOT_A_STRING };
  const bytes = before + Buffer.byteLength(json, 'utf8');
  if (bytes > input.maxOutputBytes) return { kind: 'output-too-large', bytes };
  return { kind: 'ok', json, streamed: typeof streamed === 'number' ? streamed : 0, ...(await readConsole()) };
}

function parseThrown(text: string): ThrownInfo {
  try {
    const v = JSON.parse(text) as Partial<Record<keyof ThrownInfo, unknown>>;
    const str = (x: unknown): string => (typeof x === 'string' ? x : '');
    return { name: str(v.name), message: str(v.message), stack: str(v.stack) };
  } catch {
    return { name: '', message: 'an exception that cannot be displayed', stack: '' };
  }
}

function parseDslError(value: unknown): { code: string; message: string; pos?: { line: number; column: number }; site?: number } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const v = JSON.parse(value) as { code?: unknown; message?: unknown; pos?: { line?: unknown; column?: unknown }; site?: unknown };
    if (typeof v.code !== 'string' || typeof v.message !== 'string') return undefined;
    const line = v.pos?.line;
    const column = v.pos?.column;
    const pos = typeof line === 'number' && typeof column === 'number' ? { line, column } : undefined;
    const site = typeof v.site === 'number' && Number.isInteger(v.site) ? v.site : undefined;
    return { code: v.code, message: v.message, ...(pos ? { pos } : {}), ...(site !== undefined ? { site } : {}) };
  } catch {
    return undefined;
  }
}

function parseConsole(value: unknown): { console: ConsoleMessage[]; droppedMessages: number } {
  try {
    const v = JSON.parse(typeof value === 'string' ? value : '') as { messages?: unknown; dropped?: unknown };
    const messages = Array.isArray(v.messages) ? v.messages : [];
    return {
      console: messages
        .filter((m): m is [string, string] => Array.isArray(m) && typeof m[0] === 'string' && typeof m[1] === 'string')
        .map(([level, text]) => ({ level, text })),
      droppedMessages: typeof v.dropped === 'number' ? v.dropped : 0,
    };
  } catch {
    return { console: [], droppedMessages: 0 };
  }
}
