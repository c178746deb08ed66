/**
 * `npm run bench`: runs every benchmark in its own process, one after the other (they measure wall
 * time and peak memory, so they must not compete), and prints their output. Name some to run only
 * those: `npm run bench -- diff zonefile`.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Each benchmark with the arguments that reproduce the figures in bench/README.md. */
const BENCHES: readonly { name: string; args: string[] }[] = [
  { name: 'records', args: [] },
  { name: 'eval', args: [] },
  { name: 'zonefile', args: ['1000000'] },
  { name: 'diff', args: ['1000000'] },
  { name: 'preview', args: ['1000', '100'] },
  { name: 'rfc2136', args: ['10000', '5', '100000'] },
  { name: 'route53', args: ['10000'] },
  { name: 'gcloud', args: ['10000'] },
  { name: 'cloudflare', args: ['10000'] },
];

const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let failed = 0;
for (const b of chosen) {
  console.log(`\n=== bench/${b.name}.ts ${b.args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', join(here, `${b.name}.ts`), ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${b.name}.ts exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
