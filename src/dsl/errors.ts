import { capturePos, ERROR_FRAME_LIMIT, type Pos } from './pos.js';

/**
 * A misuse of the DSL (D declared twice, D_EXTEND without a matching D, a record modifier given
 * to D ...). It runs in the sandbox, so it cannot be the host's ZonesmithError; the loader reads
 * the last one through `__zonesmith.lastError()` and turns it into a ZonesmithError with `code`.
 */
export class DslError extends Error {
  /** Stable kebab-case id (`dsl-duplicate-domain`), documented in docs/dsl.md. */
  readonly code: string;
  /** The call site in the user's config, when there is one. */
  readonly pos: Pos | undefined;

  /** `pos` defaults to the innermost config frame on the stack. */
  constructor(code: string, message: string, pos?: Pos) {
    super(message);
    this.name = 'DslError';
    this.code = code;
    this.pos = pos ?? capturePos(ERROR_FRAME_LIMIT);
    lastError = this;
  }

  /** The same error placed at `pos` (a record's call site rather than its D()). */
  at(pos: Pos | undefined): DslError {
    return pos !== undefined ? new DslError(this.code, this.message, pos) : this;
  }
}

let lastError: DslError | undefined;

/** The most recent DslError thrown (the config may have caught it; the loader decides). */
export function getLastError(): DslError | undefined {
  return lastError;
}

/** Short printable form of any value for error messages (`"abc"`, `42`, `undefined`, `object`). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
