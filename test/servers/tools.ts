/** The real `dig` and `nsupdate` against test servers: independent cross-checks and concurrent writers. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindKeyClause, type TestKey } from './keys.js';

/** Where a server listens. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

/** One record as `dig` prints it. */
export interface DigRecord {
  /** Owner, lower-cased, without trailing dot. */
  readonly name: string;
  readonly ttl: number;
  readonly type: string;
  /** Rdata exactly as dig presents it (TXT as dig splits it into strings). */
  readonly rdata: string;
}

/** Output of a finished child process. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], input?: string, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      if (err && code === -1) reject(err);
      else resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Runs `fn` with a temporary BIND-syntax key file (removed afterwards); dig and nsupdate read it with -k. */
async function withKeyFile<T>(key: TestKey | undefined, fn: (path: string | undefined) => Promise<T>): Promise<T> {
  if (!key) return fn(undefined);
  const dir = mkdtempSync(join(tmpdir(), 'zs-key-'));
  const path = join(dir, 'tsig.key');
  writeFileSync(path, bindKeyClause(key), { mode: 0o600 });
  try {
    return await fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * AXFR with the real `dig` (TSIG-verified by dig when a key is given). Throws when the transfer
 * fails. The closing SOA is left out (`+onesoa`).
 */
export async function digAxfr(server: ServerAddress, zone: string, key?: TestKey): Promise<DigRecord[]> {
  const res = await withKeyFile(key, (file) =>
    run('dig', [
      `@${server.host}`, '-p', String(server.port), ...(file ? ['-k', file] : []),
      'AXFR', `${zone}.`, '+noall', '+answer', '+onesoa', '+nomultiline', '+split=0',
    ]),
  );
  const lines = res.stdout.split('\n').filter((l) => l.trim() !== '');
  const failed = lines.find((l) => l.startsWith(';'));
  if (res.code !== 0 || failed !== undefined || lines.length === 0) {
    throw new Error(`dig AXFR ${zone} from ${server.host}:${server.port} failed (exit ${res.code}): ${failed ?? res.stderr.trim() ?? 'no records'}`);
  }
  return lines.map((line) => {
    const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) throw new Error(`unexpected dig line: ${line}`);
    return { name: m[1]!.toLowerCase().replace(/\.$/, ''), ttl: Number(m[2]), type: m[3]!, rdata: m[4]!.trim() };
  });
}

/**
 * Runs the real `nsupdate` over TCP (-v) with `commands` (e.g. `update add www.z. 300 A 192.0.2.1`),
 * after `server` and before a final `send`. nsupdate's own client-side check-names is switched off so
 * tests can write any owner name.
 */
export async function nsupdate(server: ServerAddress, key: TestKey | undefined, commands: readonly string[]): Promise<RunResult> {
  const script = [`server ${server.host} ${server.port}`, 'check-names no', ...commands, 'send', ''].join('\n');
  return withKeyFile(key, (file) => run('nsupdate', ['-v', ...(file ? ['-k', file] : [])], script));
}
