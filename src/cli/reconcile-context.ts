import { dirname, resolve } from 'node:path';
import { PROVIDERS } from '../../providers/index.js';
import { loadCreds } from '../creds/load.js';
import { ConfigError } from '../errors.js';
import { formatDiagnostic, hasErrors } from '../ir/diagnostic.js';
import { resolveProviders, type ResolvedProvider } from '../provider/resolve.js';
import { ProviderSession } from '../reconcile/session.js';
import type { IrConfig } from '../ir/types.js';
import { loadInput } from './config-input.js';
import { configOptions } from './commands/config-flags.js';
import type { Output } from './output.js';
import type { ReconcileFlags } from './reconcile-flags.js';

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
