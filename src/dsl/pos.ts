import type { RawPos } from './raw-types.js';
import { CONFIG_SCRIPT_NAME } from './names.js';

/**
 * Where a DSL call was written: bundle coordinates captured from V8's stack, or the number of a
 * call site the loader rewrote at bundle time (collect.ts writes it out as `site`).
 */
export type Pos = RawPos | number;

// The call site {@link callAt} announced, and the function it announced it for. Only that
// function's next entry may take it: a DSL function that calls another one, or config code that
// runs in between (a function modifier, a getter), makes the taker a different function, which
// then captures the stack as before.
let pendingFn: unknown;
let pendingPos: Pos = 0;

/**
 * What the loader's rewritten calls go through: `NAME(a, b)` in the config becomes
 * `__z(site, NAME, a, b)` (src/load/call-sites.ts). The arguments are evaluated first,
 * as in the call as written (calls nested in them announce and take their own sites), then
 * `fn` is called with them and takes `site` on entry ({@link entryPos}, {@link callerPos}) instead
 * of capturing a stack frame. The config can call this too; all it can do is misplace its own
 * positions among its own call sites, as it can by where it writes its calls.
 */
export function callAt(site: number, fn: Function, ...args: unknown[]): unknown {
  // Anything but a positive integer (a config calling this itself) is no site: the stack decides.
  pendingFn = Number.isSafeInteger(site) && site > 0 ? fn : undefined;
  pendingPos = site;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return fn(...args);
}

/**
 * Calls DSL function `fn` from inside another one (a builder macro) that took `pos` on entry: `fn`
 * takes `pos` as its own, which is what capturing the stack would find (the config's call of the
 * macro), without the capture.
 */
export function callWith<A extends unknown[], R>(pos: Pos | undefined, fn: (...args: A) => R, ...args: A): R {
  if (pos !== undefined) {
    pendingFn = fn;
    pendingPos = pos;
  }
  return fn(...args);
}

function takeSite(self: Function): Pos | undefined {
  if (pendingFn !== self) {
    pendingFn = undefined;
    return undefined;
  }
  pendingFn = undefined;
  return pendingPos;
}

/**
 * The position of a call of `self` (a DSL global), taken as the first thing `self` does: the site
 * a rewritten call announced, else capturePos().
 */
export function entryPos(self: Function): Pos | undefined {
  return takeSite(self) ?? capture(entryPos, FRAME_LIMIT);
}

/** Minimal view of V8's CallSite (the structured stack API); only what positions need. */
interface CallSite {
  getFileName(): string | null | undefined;
  getScriptNameOrSourceURL?(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

type PrepareStackTrace = (err: Error, frames: CallSite[]) => unknown;

// V8 extensions on the Error constructor; typed locally because the DSL must not depend on
// @types/node (it runs in a bare isolate).
const ErrorCtor = Error as unknown as {
  prepareStackTrace?: PrepareStackTrace;
  stackTraceLimit: number;
  captureStackTrace(target: object, ctor?: Function): void;
};

// Deep enough to get past the DSL's own frames (a builder such as LOC_BUILDER_DD is ~6 frames
// deep), small enough to keep each capture cheap: V8 builds one CallSite per frame. Errors are
// rare and may be thrown deep inside D()'s modifier processing, so they look further.
const FRAME_LIMIT = 12;
/** Frame limit for error positions. */
export const ERROR_FRAME_LIMIT = 64;

const returnFrames: PrepareStackTrace = (_err, frames) => frames;

/**
 * The position of the innermost call site in the user's config (the script named
 * `zonesmith:config`), or undefined when no such frame is on the stack (a test, or a DSL call
 * made from the host).
 */
export function capturePos(limit = FRAME_LIMIT): RawPos | undefined {
  return capture(capturePos, limit);
}

/**
 * entryPos() for a DSL function called once per record: without an announced site, first looks
 * only at the frame that called `fn` (one CallSite, the cheapest capture V8 offers), and walks
 * further only when that frame is not the config's (a builder macro calling `fn`).
 */
export function callerPos(fn: Function): Pos | undefined {
  return takeSite(fn) ?? capture(fn, 1) ?? capture(callerPos, FRAME_LIMIT);
}

function capture(skip: Function, limit: number): RawPos | undefined {
  const savedPrepare = ErrorCtor.prepareStackTrace;
  const savedLimit = ErrorCtor.stackTraceLimit;
  ErrorCtor.prepareStackTrace = returnFrames;
  ErrorCtor.stackTraceLimit = limit;
  const holder: { stack?: unknown } = {};
  try {
    ErrorCtor.captureStackTrace(holder, skip);
    return posFromFrames(holder.stack);
  } finally {
    ErrorCtor.prepareStackTrace = savedPrepare;
    ErrorCtor.stackTraceLimit = savedLimit;
  }
}

function posFromFrames(frames: unknown): RawPos | undefined {
  if (!Array.isArray(frames)) return undefined;
  for (const frame of frames as CallSite[]) {
    if (frame.getFileName() === CONFIG_SCRIPT_NAME || frame.getScriptNameOrSourceURL?.() === CONFIG_SCRIPT_NAME) {
      const line = frame.getLineNumber();
      const column = frame.getColumnNumber();
      if (line != null && column != null) return { line, column };
    }
  }
  return undefined;
}
