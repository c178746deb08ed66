import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { PROVIDERS } from '../../providers/index.js';
import { loadCreds } from '../creds/load.js';
import { ConfigError } from '../errors.js';
import { formatDiagnostic, hasErrors } from '../ir/diagnostic.js';
import { resolveProviders, type ResolvedProvider } from '../provider/resolve.js';
import { ProviderSession } from '../reconcile/session.js';
import type { IrConfig } from '../ir/types.js';
import { loadInput } from './config-input.js';
import { addConfigFlags, collect, configOptions, positiveInt, type ConfigFlags } from './commands/config-flags.js';
import type { Output } from './output.js';

/** Flags shared by preview and push (and later commands that reconcile). */
export interface ReconcileFlags extends ConfigFlags {
  creds: string;
  domains?: string;
  providers?: string;
  format: 'text' | 'markdown' | 'json';
  report?: string;
  expectNoChanges?: boolean;
  force?: boolean;
  concurrency: number;
  cmax?: number;
}

/** Adds the flags of preview and push. */
export function addReconcileFlags(cmd: Command): Command {
  return addConfigFlags(cmd)
    .option('--creds <file>', 'credentials file, or !command whose output is the JSON', 'creds.json')
    .option('--domains <list>', 'only these domains (comma-separated; *.suffix and name!tag work)')
    .option('--providers <list>', 'only these DNS providers (comma-separated, or "all")')
    .option('--format <format>', 'output format: text, markdown or json', formatOption, 'text')
    .option('--report <file>', 'write a JSON report (DNSControl\'s shape, with results on push)')
    .option('--expect-no-changes', 'exit 2 when anything would change (drift detection)')
    .option('--force', 'override the safety rails (mass updates/deletes, apex NS changes)')
    .option('--concurrency <n>', 'zones handled at once', positiveInt, 8)
    .option('--full', 'accepted for DNSControl compatibility')
    .option('--cmax <n>', 'DNSControl\'s name for --concurrency', positiveInt)
    .option('--reportmax <n>', 'accepted for DNSControl compatibility', positiveInt)
    .option('--no-populate', 'accepted for DNSControl compatibility')
    .option('--variable-file <file>', 'accepted for compatibility', collect, []);
}

function formatOption(value: string): string {
  if (!['text', 'markdown', 'json'].includes(value)) throw new Error(`--format must be text, markdown or json, not "${value}"`);
  return value;
}

/** Everything a reconciling command needs, opened; call `close()` when done. */
export interface ReconcileContext {
  readonly ir: IrConfig;
  readonly configPath: string;
  readonly providers: ReadonlyMap<string, ResolvedProvider>;
  readonly session: ProviderSession;
  close(): Promise<void>;
}

/** Evaluates the config, reads creds.json, resolves providers; config problems throw ConfigError. */
export async function openReconcile(flags: ReconcileFlags, output: Output): Promise<ReconcileContext> {
  const input = await loadInput({
    ...configOptions(flags),
    // The config must never be able to read the credentials in use, whatever the file is called.
    ...(flags.creds.startsWith('!') ? {} : { forbiddenFiles: [resolve(flags.creds)] }),
    onConsole: (line) => output.err(line),
  });
  for (const d of input.diagnostics) output.err(formatDiagnostic(d));
  const configDir = dirname(resolve(input.configPath));
  const creds = loadCreds({ spec: flags.creds, env: process.env, cwd: process.cwd() });
  const { providers, diagnostics } = await resolveProviders(input.ir, creds, PROVIDERS);
  if (hasErrors(diagnostics)) throw new ConfigError(diagnostics, 'the DNS providers could not be set up');
  for (const d of diagnostics) output.err(formatDiagnostic(d));
  const session = new ProviderSession(providers, { log: (line) => output.err(line), configDir }, flags.cmax ?? flags.concurrency);
  return { ir: input.ir, configPath: input.configPath, providers, session, close: () => session.close() };
}
