import { redact } from '../creds/redact.js';

/** Where a command writes; every line is redacted of registered secrets on the way out. */
export interface Output {
  /** Results (plans, IR, reports): stdout. */
  out(text: string): void;
  /** Diagnostics, progress and errors: stderr. */
  err(text: string): void;
  /** Whether ANSI colour may be used on stdout. */
  readonly color: boolean;
  /** Whether stderr is an interactive terminal (progress may redraw a line). */
  readonly interactive: boolean;
}

/** The process's output: colour only on a TTY and never with NO_COLOR set or in CI logs piped elsewhere. */
export function processOutput(env: NodeJS.ProcessEnv = process.env): Output {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return {
    out: (text) => process.stdout.write(redact(text.endsWith('\n') ? text : `${text}\n`)),
    err: (text) => process.stderr.write(redact(text.endsWith('\n') ? text : `${text}\n`)),
    color: Boolean(process.stdout.isTTY) && !noColor && env['TERM'] !== 'dumb',
    interactive: Boolean(process.stderr.isTTY) && !env['CI'],
  };
}

/** An output that collects text, for tests and for composing reports. */
export function memoryOutput(color = false): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(redact(t)),
    err: (t) => stderr.push(redact(t)),
    color,
    interactive: false,
  };
}
