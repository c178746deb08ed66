import { Command, CommanderError } from './commander.js';
import { ZonesmithError } from '../errors.js';
import { formatDiagnostic } from '../ir/diagnostic.js';
import { registerCommands } from './commands/index.js';
import { processOutput, type Output } from './output.js';

/** Exit codes in Terraform's spirit. */
export const EXIT = { ok: 0, error: 1, changes: 2 } as const;

/**
 * Runs the CLI and returns the exit code: the one place that turns errors into output and codes.
 * `argv` is process.argv-shaped (node, script, ...args).
 */
export async function run(argv: readonly string[], output: Output = processOutput()): Promise<number> {
  const program = new Command('zonesmith');
  let code: number = EXIT.ok;
  program
    .description('DNS as code: preview and push DNS changes from dnsconfig.ts')
    .version(await packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })
    .showHelpAfterError();
  registerCommands(program, output, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    return reportError(err, output);
  }
}

function reportError(err: unknown, output: Output): number {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (err instanceof ZonesmithError) {
    for (const d of err.diagnostics) output.err(formatDiagnostic(d));
    output.err(`error: ${err.message}`);
    return EXIT.error;
  }
  const e = err as Error;
  output.err(`internal error: ${e?.stack ?? String(err)}`);
  return EXIT.error;
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(await readFile(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'zonesmith' && pkg.version) return pkg.version;
    } catch {
      // try the next layout (src/ under tsx vs dist/src after tsc)
    }
  }
  return '0.0.0';
}
