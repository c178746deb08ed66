import type { RawPos } from './raw-types.js';
import { CONFIG_SCRIPT_NAME } from './names.js';

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
 * capturePos() for a DSL function called once per record: first looks only at the frame that
 * called `fn` (one CallSite, the cheapest capture V8 offers), and walks further only when that
 * frame is not the config's (a builder macro calling `fn`).
 */
export function callerPos(fn: Function): RawPos | undefined {
  return capture(fn, 1) ?? capture(callerPos, FRAME_LIMIT);
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
