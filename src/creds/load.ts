import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ZonesmithError } from '../errors.js';
import { parseCredsText, type CredsEntry, type CredsFile } from './parse.js';
import { registerSecret, SECRET_KEY_PATTERN } from './redact.js';

/** Where credentials come from: a file path, or `!command args` whose stdout is the JSON. */
export interface CredsSource {
  readonly spec: string;
  /** Environment for `$VAR` substitution (process.env in the CLI). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths resolve against. */
  readonly cwd: string;
}

/**
 * Reads creds.json as DNSControl does: a missing file is `{}`; `!cmd` or an executable file that does
 * not end in `.json` is run and its stdout parsed; every value starting with `$` is replaced by that
 * environment variable (empty when unset, no partial interpolation); `none` and `bind` entries are
 * implied. Secret-looking values are registered with the redactor before anything else can print them.
 */
export function loadCreds(source: CredsSource): CredsFile {
  const { text, label } = readCredsText(source);
  const parsed = text === undefined ? {} : parseCredsText(text, label);
  const out: Record<string, CredsEntry> = {};
  for (const [name, entry] of Object.entries(parsed)) {
    const resolved: Record<string, string> = {};
    for (const [key, value] of Object.entries(entry)) {
      const v = value.startsWith('$') ? (source.env[value.slice(1)] ?? '') : value;
      if (key !== 'TYPE' && SECRET_KEY_PATTERN.test(key)) registerSecret(v);
      resolved[key] = v;
    }
    out[name] = resolved;
  }
  out['none'] ??= { TYPE: 'NONE' };
  out['bind'] ??= { TYPE: 'BIND' };
  return out;
}

function readCredsText(source: CredsSource): { text: string | undefined; label: string } {
  const spec = source.spec;
  if (spec.startsWith('!')) return { text: runCommand(spec.slice(1), source), label: spec };
  const path = spec;
  if (!existsSync(path)) return { text: undefined, label: path };
  const st = statSync(path);
  // DNSControl runs an executable creds file that isn't .json (e.g. a 1Password wrapper script).
  if (st.isFile() && (st.mode & 0o111) !== 0 && !path.endsWith('.json')) {
    return { text: runCommand(JSON.stringify(path), source), label: path };
  }
  return { text: readFileSync(path, 'utf8'), label: path };
}

function runCommand(command: string, source: CredsSource): string {
  const r = spawnSync(command, {
    shell: true,
    cwd: source.cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) throw new ZonesmithError('creds-command-failed', `creds command could not run: ${r.error.message}`);
  if (r.status !== 0) {
    // stderr is not echoed: a secrets manager may print sensitive hints there.
    throw new ZonesmithError('creds-command-failed', `creds command exited with status ${r.status ?? 'signal'}`);
  }
  return r.stdout;
}
