/**
 * Shared helpers for the BIND provider tests: BIND's own tools as the oracle, and temp dirs.
 *
 * named-checkzone runs with `-i local`: the default (`-i full`) also looks up every out-of-zone MX,
 * SRV and NS target in the DNS, which only ever adds warnings and makes a test's speed depend on
 * the network (a million-record zone took minutes here). Everything that can make it fail is kept.
 * named-compilezone (the oracle for what a file means) runs with `-k ignore`: it fails on owner
 * names that are not host names, which is a naming policy, not a question of what the file says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { DnsRecord } from '../../../src/records/types.js';
import { readZone } from '../../../providers/bind/zonefile-reader.js';

/** What named-checkzone said about a file. */
export interface CheckResult {
  readonly ok: boolean;
  readonly output: string;
  /** Line numbers named-checkzone mentioned as `file:N:` (errors and warnings). */
  readonly lines: number[];
}

/** Runs named-checkzone on a file, from the file's directory (so `$INCLUDE` paths resolve as ours do). */
export function checkzone(zone: string, file: string): CheckResult {
  const r = spawnSync('named-checkzone', ['-i', 'local', zone, file], { cwd: dirname(file), encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const lines = [...output.matchAll(/:(\d+): /g)].map((m) => Number(m[1]));
  return { ok: r.status === 0, output, lines };
}

/** Asserts that named-checkzone accepts a file, showing its output when it does not. */
export function expectCheckzoneOk(zone: string, file: string): void {
  const r = checkzone(zone, file);
  expect(r.ok, r.output).toBe(true);
}

/** BIND's canonical form of a zone (named-compilezone), read back with our reader. */
export function compileWithBind(zone: string, file: string): DnsRecord[] {
  const r = spawnSync('named-compilezone', ['-q', '-i', 'local', '-k', 'ignore', '-o', '-', zone, file], { cwd: dirname(file), encoding: 'utf8' });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  const back = readZone(r.stdout, { origin: zone, file: 'named-compilezone output' });
  expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return back.records;
}

/** A fresh temporary directory and a function to remove it. */
export function tempDir(prefix = 'zonesmith-bind-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes text to `dir/name` and returns the path. */
export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Records as sorted `name type ttl rdata` lines, for comparing sets with readable failures. */
export function lines(records: readonly DnsRecord[]): string[] {
  return records.map((r) => `${r.name} ${r.type} ${r.ttl} ${r.rdata}`).sort();
}

/** A minimal valid head for a zone: $TTL, SOA, NS with an out-of-zone target. */
export function zoneHead(ttl = 300): string {
  return `$TTL ${ttl}\n@ IN SOA ns1.example.net. hostmaster 1 3600 600 604800 300\n@ IN NS ns1.example.net.\n`;
}
