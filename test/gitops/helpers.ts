/** Running the real CLI in-process, and throwaway config directories, for the GitOps tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

/** What one CLI run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `zonesmith <args>` through src/cli/main.ts's run(), as the bin does. */
export async function zonesmith(args: readonly string[]): Promise<CliResult> {
  const out = memoryOutput();
  const code = await run(['node', 'zonesmith', ...args], out);
  return { code, stdout: out.stdout.join(''), stderr: out.stderr.join('') };
}

/** A temp directory with helpers to write files into it; `cleanup()` removes it. */
export interface Workspace {
  readonly dir: string;
  path(name: string): string;
  write(name: string, text: string): string;
  cleanup(): void;
}

/** Creates a workspace under the system temp dir. */
export function workspace(prefix = 'zs-gitops-'): Workspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    write: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
