import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ConfigError, ZonesmithError } from '../errors.js';
import { hasErrors, type Diagnostic } from '../ir/diagnostic.js';
import type { IrConfig } from '../ir/types.js';
import type { RawConfig, RawDomain, RawProvider } from '../dsl/raw-types.js';
import type { ConfigNormalizer } from '../ir/normalize.js';
import { loadConfigInParts, type ConsoleMessage, type RawConfigSink } from '../load/index.js';

/** Options every command that reads a config accepts. */
export interface ConfigOptions {
  /** Path of dnsconfig.ts / dnsconfig.js; found in the working directory when absent. */
  readonly config?: string;
  /** Read this IR JSON instead of evaluating a config. */
  readonly ir?: string;
  /** `name=value` pairs from -v. */
  readonly variable?: readonly string[];
  /** Sandbox memory limit, MB. */
  readonly memoryLimit?: number;
  /** Sandbox time limit, ms. */
  readonly timeLimit?: number;
  /** Type-check the config first (check does by default; preview and push do not). */
  readonly typecheck?: boolean;
  /** Files the config may never import (the credentials file in use), whatever their name. */
  readonly forbiddenFiles?: readonly string[];
  /** Where the config's console output goes (the sandbox collects it; nothing prints by itself). */
  readonly onConsole?: (line: string) => void;
}

/** The evaluated config with every diagnostic found on the way (errors included when `allowErrors`). */
export interface ConfigInput {
  readonly ir: IrConfig;
  readonly configPath: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The config file to use: --config, else dnsconfig.ts, else dnsconfig.js (DNSControl's name). */
export function findConfigPath(explicit?: string): string {
  if (explicit) return explicit;
  for (const candidate of ['dnsconfig.ts', 'dnsconfig.js']) if (existsSync(candidate)) return candidate;
  return 'dnsconfig.ts';
}

/**
 * Evaluates the config (or reads --ir) into validated IR. Throws ConfigError carrying every
 * diagnostic when any is an error, so the caller prints them all at once.
 */
export async function loadInput(opts: ConfigOptions): Promise<ConfigInput> {
  if (opts.ir) {
    const text = await readFile(opts.ir, 'utf8').catch((err: Error) => {
      throw new ZonesmithError('ir-unreadable', `cannot read IR file ${opts.ir}: ${err.message}`);
    });
    const { parseIr } = await import('../ir/ir-file.js');
    const { ir, diagnostics } = parseIr(text, opts.ir);
    if (hasErrors(diagnostics)) throw new ConfigError(diagnostics, `${opts.ir} has errors`);
    return { ir, configPath: opts.ir, diagnostics };
  }
  const configPath = findConfigPath(opts.config);
  if (!existsSync(configPath)) {
    throw new ZonesmithError('config-not-found', `no config file: ${configPath} does not exist (use --config)`);
  }
  const diagnostics: Diagnostic[] = [];
  // TypeScript costs ~0.5 s and ~130 MB to load: only when the type check runs.
  if (opts.typecheck) diagnostics.push(...(await import('../load/typecheck.js')).typecheckConfig(configPath));
  // A domain at a time: its raw objects are garbage once it is normalised (src/load/raw-parts.ts).
  const loading = loadConfigInParts({
    configPath,
    variables: parseVariables(opts.variable ?? []),
    ...(opts.memoryLimit !== undefined ? { memoryLimitMb: opts.memoryLimit } : {}),
    ...(opts.timeLimit !== undefined ? { timeoutMs: opts.timeLimit } : {}),
    ...(opts.forbiddenFiles ? { forbiddenFiles: opts.forbiddenFiles } : {}),
    ...(opts.onConsole ? { onConsole: (m: ConsoleMessage) => opts.onConsole?.(`${configPath}: console.${m.level}: ${m.text}`) } : {}),
  }, async () => new NormalizingSink(await import('../ir/normalize.js')));
  // The normaliser and the records layer (about 60 modules) load while the sandbox starts and the
  // config bundles: loadConfigInParts has started both by now, and the host mostly waits on them.
  // The sink's import above then finds the module loaded. A failed import is reported through
  // that one; this must not count as unhandled.
  import('../ir/normalize.js').catch(() => undefined);
  const { ir, diagnostics: normDiags } = (await loading).result();
  for (const d of normDiags) diagnostics.push(d);
  if (hasErrors(diagnostics)) throw new ConfigError(diagnostics, `${configPath} has errors`);
  return { ir, configPath, diagnostics };
}

/** Normalises the config as the loader hands it over: a domain at a time, or whole. */
class NormalizingSink implements RawConfigSink {
  private normalizer: ConfigNormalizer | undefined;
  private done: { ir: IrConfig; diagnostics: Diagnostic[] } | undefined;
  constructor(private readonly mod: typeof import('../ir/normalize.js')) {}

  providers(registrars: readonly RawProvider[], dnsProviders: readonly RawProvider[]): void {
    this.normalizer = new this.mod.ConfigNormalizer(registrars, dnsProviders);
  }

  domain(domain: RawDomain): boolean {
    if (!this.normalizer) throw new Error('a domain came before the providers');
    return this.normalizer.domain(domain);
  }

  whole(config: RawConfig): void {
    this.done = this.mod.normalizeConfig(config);
  }

  result(): { ir: IrConfig; diagnostics: Diagnostic[] } {
    const r = this.done ?? this.normalizer?.result();
    if (!r) throw new Error('the loader handed over no config');
    return r;
  }
}

/** Parses `-v name=value` pairs (DNSControl's variables); a bad pair is an error naming it. */
export function parseVariables(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new ZonesmithError('variable-invalid', `-v ${pair}: expected name=value with a JavaScript identifier as name`);
    }
    out[name] = pair.slice(eq + 1);
  }
  return out;
}
