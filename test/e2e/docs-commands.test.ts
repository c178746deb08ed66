// Every zonesmith command line in the GitOps docs and the example CI files names a real command and
// real flags, so a recipe copied from them does not fail on a typo. Plus the scale-out example runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands/index.js';
import { memoryOutput } from '../../src/cli/output.js';
import { planFromJson } from '../../src/plan/serialize.js';
import { workspace, zonesmith } from '../gitops/helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const SOURCES = ['docs/gitops.md', ...files('docs/ci'), ...files('examples')].filter((f) => /\.(md|ya?ml|sh)$/.test(f));

/**
 * `zonesmith <command> <args>` invocations, up to the end of the shell word list. `code` is true when
 * the text is clearly a command line (after npx or $zs, in a code span, or starting a line) rather
 * than prose that happens to name zonesmith.
 */
function invocations(text: string, markdown: boolean): { command: string; flags: string[]; line: string; code: boolean }[] {
  const out: { command: string; flags: string[]; line: string; code: boolean }[] = [];
  let fence = false;
  for (const line of text.split('\n')) {
    if (markdown && line.startsWith('```')) fence = !fence;
    for (const m of line.matchAll(/(^\s*|npx |\$zs |`|[\s(])zonesmith ([a-z][a-z-]*)((?:[ \t]+[^\s;|&>`#)]+)*)/g)) {
      const flags = (m[3] ?? '').trim().split(/\s+/).filter((t) => t.startsWith('-')).map((t) => t.replace(/=.*$/, ''));
      const lineStart = m.index === 0 && /^\s*$/.test(m[1]!);
      const code = lineStart ? (markdown ? fence : !line.trimStart().startsWith('#')) : /^(npx |\$zs |`)$/.test(m[1]!);
      out.push({ command: m[2]!, flags, line: line.trim(), code });
    }
  }
  return out;
}

function known(): Map<string, Set<string>> {
  const program = new Command('zonesmith');
  registerCommands(program, memoryOutput(), () => undefined);
  return new Map(program.commands.map((c) => [c.name(), new Set(c.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x)))]));
}

describe('the GitOps docs and examples', () => {
  it('use only real commands and flags', () => {
    const commands = known();
    const bad: string[] = [];
    let seen = 0;
    for (const file of SOURCES) {
      for (const inv of invocations(readFileSync(file, 'utf8'), file.endsWith('.md'))) {
        // Prose like "zonesmith then re-reads" is not a command line.
        if (!commands.has(inv.command) && !inv.code) continue;
        seen++;
        const flags = commands.get(inv.command);
        if (!flags) bad.push(`${file}: unknown command "${inv.command}" in: ${inv.line}`);
        else for (const f of inv.flags) if (!flags.has(f) && f !== '--help') bad.push(`${file}: ${inv.command} has no flag ${f}: ${inv.line}`);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(30);
  });

  it('the scale-out example: four shards cover its 400 zones once, and combine into one comment', async () => {
    const ws = workspace('zs-scale-');
    try {
      const base = ['--config', 'examples/scale-out/dnsconfig.ts', '--creds', 'examples/scale-out/creds.json'];
      const plans: string[] = [];
      const zones: string[] = [];
      for (let i = 1; i <= 4; i++) {
        const out = ws.path(`plan-${i}.json`);
        const res = await zonesmith(['preview', ...base, '--shard', `${i}/4`, '--out', out]);
        expect(res.code, res.stderr).toBe(0);
        zones.push(...planFromJson(readFileSync(out, 'utf8')).zones.map((z) => z.domain));
        plans.push(out);
      }
      expect(zones).toHaveLength(400);
      expect(new Set(zones).size).toBe(400);
      const comment = await zonesmith(['comment', '--dry-run', ...plans]);
      expect(comment.code, comment.stderr).toBe(0);
      expect(comment.stdout).toContain('**400 zones: 1,600 creates, 0 updates, 0 deletes.**');
      expect(comment.stdout).toContain('Combined from 4 saved plans:');
      expect(comment.stdout.length).toBeLessThanOrEqual(65_001);
    } finally {
      ws.cleanup();
    }
  });
});
