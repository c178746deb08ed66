/** Spawning a DNS daemon in the foreground, proving it ready, and stopping it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Children still running in this process; killed on exit so a crashed test leaves no daemon. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

/** Thrown by a readiness check to stop waiting at once (e.g. another instance answers on the port). */
export class FatalProbeError extends Error {}

/** A running daemon with its captured stderr. */
export interface Daemon {
  readonly child: ChildProcess;
  /** Everything the daemon wrote to stderr and stdout so far (its log with -g / log target stderr). */
  log(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the process has exited. */
  hasExited(): boolean;
}

/** Starts `command args` with its output captured. */
export function spawnDaemon(command: string, args: readonly string[], cwd: string): Daemon {
  installExitHook();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let exited = false;
  // Cap the log: a test can run a server through thousands of updates, each logged.
  const keep = (chunk: Buffer): void => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  live.add(child);
  const exitedP = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      out += `\nspawn error: ${err.message}`;
      exited = true;
      live.delete(child);
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      exited = true;
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, log: () => out, exited: exitedP, hasExited: () => exited };
}

/**
 * Polls `check` every 5 ms until it returns true. Fails at once, with the daemon's log, when the
 * process exits; fails after `timeoutMs` (generous: CI has 2 cores shared by parallel workers).
 */
export async function waitReady(daemon: Daemon, what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (daemon.hasExited()) {
      const { code, signal } = await daemon.exited;
      throw new Error(`${what} exited during startup (code ${code}, signal ${signal}):\n${daemon.log()}`);
    }
    try {
      if (await check()) return;
    } catch (err) {
      if (err instanceof FatalProbeError) {
        await stopDaemon(daemon);
        throw err;
      }
      lastError = (err as Error).message;
    }
    await sleep(5);
  }
  await stopDaemon(daemon);
  throw new Error(`${what} not ready after ${timeoutMs} ms (last probe: ${lastError || 'no answer'}):\n${daemon.log()}`);
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopDaemon(daemon: Daemon, graceMs = 5_000): Promise<void> {
  if (daemon.hasExited()) return;
  daemon.child.kill('SIGTERM');
  const timer = setTimeout(() => daemon.child.kill('SIGKILL'), graceMs);
  await daemon.exited;
  clearTimeout(timer);
}

/** SIGKILL now (a crash, for fault tests) and wait for the exit. */
export async function killDaemon(daemon: Daemon): Promise<void> {
  if (daemon.hasExited()) return;
  daemon.child.kill('SIGKILL');
  await daemon.exited;
}
