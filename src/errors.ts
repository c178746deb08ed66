import type { Diagnostic } from './ir/diagnostic.js';

/**
 * The one error type library code throws for expected failures (bad input, a provider refusing a
 * change, a stale plan). Only `src/cli/` turns it into output and an exit code; nothing else calls
 * `process.exit`.
 */
export class ZonesmithError extends Error {
  /** Stable kebab-case id, as for diagnostics. */
  readonly code: string;
  /** Diagnostics that explain the failure, when there are several. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: string, message: string, options?: { cause?: unknown; diagnostics?: readonly Diagnostic[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ZonesmithError';
    this.code = code;
    this.diagnostics = options?.diagnostics ?? [];
  }
}

/** Thrown when a config (or IR) has validation errors; carries all of them. */
export class ConfigError extends ZonesmithError {
  constructor(diagnostics: readonly Diagnostic[], message = 'the config has errors') {
    super('config-invalid', message, { diagnostics });
    this.name = 'ConfigError';
  }
}
