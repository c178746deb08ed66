#!/usr/bin/env node
/**
 * The `zonesmith` executable. isolated-vm requires Node to run with --no-node-snapshot (Node 20+),
 * and a package's bin cannot pass Node flags portably, so the process re-executes itself once with
 * the flag; everything else lives in main.ts.
 */
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const FLAG = '--no-node-snapshot';
const hasFlag = process.execArgv.includes(FLAG) || (process.env['NODE_OPTIONS'] ?? '').includes(FLAG);

if (hasFlag) {
  const { run } = await import('./main.js');
  process.exitCode = await run(process.argv);
} else {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [FLAG, ...process.execArgv, self, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (child.error) throw child.error;
  // Mirror a signal death as a shell would (128 + signal number), so CI sees the real cause.
  process.exitCode = child.status ?? (child.signal ? 128 + (constants.signals[child.signal] ?? 0) : 1);
}
