// A bad flag value is a usage error naming the flag (exit 1), never an "internal error" with a stack;
// help still lists every command and its flags now that commands load their code when they run.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryOutput } from '../../src/cli/output.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const output = memoryOutput();
  const code = await run(['node', 'zonesmith', ...args], output);
  return { code, out: output.stdout.join(''), err: output.stderr.join('') };
}

describe('flag values', () => {
  for (const [args, flag, why] of [
    [['check', '--memory-limit', 'x'], '--memory-limit <mb>', 'expected a positive integer, got "x"'],
    [['preview', '--format', 'yaml'], '--format <format>', '--format must be text, markdown or json, not "yaml"'],
    [['push', '--verify-timeout', '0'], '--verify-timeout <seconds>', 'expected a number of seconds (0-86400], got "0"'],
  ] as const) {
    it(`${args.join(' ')} is a usage error`, async () => {
      const { code, err } = await cli([...args]);
      expect(code).toBe(1);
      expect(err).toContain(`error: option '${flag}' argument '${args[2]}' is invalid. ${why}`);
      expect(err).not.toContain('internal error');
    });
  }
});

describe('help', () => {
  it('lists every command', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    for (const c of ['check', 'print-ir', 'preview', 'push', 'comment', 'drift', 'get-zones']) expect(out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('shows a command\'s own flags', async () => {
    const { code, out } = await cli(['push', '--help']);
    expect(code).toBe(0);
    for (const f of ['--plan <file>', '--creds <file>', '--shard <i/n>', '--config <file>']) expect(out).toContain(f);
  });
});
