/**
 * RFC2136 benchmark against a real local BIND 9 (strict defaults):
 * 1. push N new records (default 10,000 TXT records) with zonesmith and, in the same run, the same
 *    records with BIND's own `nsupdate` (1,000 per message, so 10 messages); compare the apply
 *    phase (UPDATE messages + zonesmith's verifying AXFR) with nsupdate's wall time, and the
 *    messages zonesmith sent with the 64 KiB lower bound for its bytes;
 * 2. read a zone of M records (default 100,000) by AXFR through the provider, and with `dig`.
 *
 *   node --no-node-snapshot --import tsx bench/rfc2136.ts [records] [runs] [axfrRecords]
 */
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DnsRecord } from '../src/records/types.js';
import { startBind, digAxfr, type TestServer } from '../test/servers/index.js';
import { bindKeyClause } from '../test/servers/keys.js';
import { applyContext, baseRecords, diffRecords, providerFor, rec } from '../test/providers/rfc2136/helpers.js';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 5);
const AXFR_N = Number(process.argv[4] ?? 100_000);
const NSUPDATE_BATCH = 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** N TXT records with 40-character values: enough volume that nsupdate needs 10 messages. */
function records(zone: string, n: number): DnsRecord[] {
  return Array.from({ length: n }, (_, i) => rec(zone, `host-${String(i).padStart(5, '0')}`, 'TXT', `"${`value ${i} `.padEnd(40, 'x')}"`));
}

/** Runs nsupdate under /usr/bin/time (when present); resolves with its CPU ms (user + system), or NaN. */
function runNsupdate(args: string[]): Promise<number> {
  const timed = existsSync('/usr/bin/time');
  const [cmd, argv] = timed ? ['/usr/bin/time', ['-f', 'zs-cpu %U %S', 'nsupdate', ...args]] : ['nsupdate', args];
  return new Promise((resolve, reject) => {
    execFile(cmd as string, argv as string[], { maxBuffer: 1 << 30 }, (err, _out, stderr) => {
      if (err) return reject(new Error(`nsupdate failed: ${stderr || err.message}`));
      const m = /zs-cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve(m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN);
    });
  });
}

/** CPU ms a process has used so far (Linux /proc; NaN elsewhere). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

interface PushRun {
  readonly zsMs: number;
  readonly zsSendMs: number;
  /** CPU ms of this Node process during zonesmith's apply, and of named during it. */
  readonly zsCpu: number;
  readonly zsNamedCpu: number;
  /** CPU ms of the nsupdate process, and of named while it ran. */
  readonly nsCpu: number;
  readonly nsNamedCpu: number;
  readonly zsMessages: number;
  readonly lowerBound: number;
  readonly payload: number;
  readonly nsMs: number;
  readonly nsMessages: number;
}

async function pushRun(index: number, dir: string): Promise<PushRun> {
  const zsZone = 'zs.bench.test';
  const nsZone = 'ns.bench.test';
  const server: TestServer = await startBind({ zones: [{ name: zsZone }, { name: nsZone }] });
  try {
    // nsupdate script: the same records, 1,000 per message, over TCP with the same key.
    const keyFile = join(dir, 'key.conf');
    writeFileSync(keyFile, bindKeyClause(server.key), { mode: 0o600 });
    const nsRecords = records(nsZone, N);
    const lines = [`server ${server.host} ${server.port}`, `zone ${nsZone}`];
    let nsMessages = 0;
    nsRecords.forEach((r, i) => {
      lines.push(`update add ${r.name}. ${r.ttl} TXT ${r.rdata}`);
      if ((i + 1) % NSUPDATE_BATCH === 0 || i === nsRecords.length - 1) {
        lines.push('send');
        nsMessages++;
      }
    });
    const script = join(dir, 'nsupdate.txt');
    writeFileSync(script, `${lines.join('\n')}\n`);

    const p = providerFor(server, { timeout: '30' });
    const z = { name: zsZone, meta: {} };
    const existing = (await p.getRecords(z))!;
    const desired = [...baseRecords(zsZone), ...records(zsZone, N)];
    const changes = diffRecords(existing, desired);
    const ctx = applyContext(existing, desired);
    let lastCommit = 0;
    const measured = { ...ctx, applied: (c: Parameters<typeof ctx.applied>[0]) => { ctx.applied(c); lastCommit = performance.now(); } };

    const namedPid = Number(readFileSync(join(server.dir, 'named.pid'), 'utf8'));
    let zsCpu = 0;
    let zsNamedCpu = 0;
    let nsCpu = 0;
    let nsNamedCpu = 0;
    const zs = async (): Promise<[number, number]> => {
      const n0 = processCpuMs(namedPid);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await p.apply(z, changes, measured);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      zsCpu = (c.user + c.system) / 1000;
      zsNamedCpu = processCpuMs(namedPid) - n0;
      return [ms, lastCommit - t0];
    };
    const ns = async (): Promise<number> => {
      const n0 = processCpuMs(namedPid);
      const t0 = performance.now();
      nsCpu = await runNsupdate(['-v', '-k', keyFile, script]);
      const ms = performance.now() - t0;
      nsNamedCpu = processCpuMs(namedPid) - n0;
      return ms;
    };
    // Alternate who goes first, so neither always meets a warmer server.
    let zsMs: number, zsSendMs: number, nsMs: number;
    if (index % 2 === 0) {
      [zsMs, zsSendMs] = await zs();
      nsMs = await ns();
    } else {
      nsMs = await ns();
      [zsMs, zsSendMs] = await zs();
    }
    const nsCount = (await digAxfr(server, nsZone, server.key)).length - 3; // SOA, NS, dummy-ns A
    if (nsCount !== N) throw new Error(`nsupdate left ${nsCount} records, expected ${N}`);
    const st = p.lastApply!;
    return { zsMs, zsSendMs, zsCpu, zsNamedCpu, nsCpu, nsNamedCpu, zsMessages: st.messages, lowerBound: st.lowerBound, payload: st.payloadBytes, nsMs, nsMessages };
  } finally {
    await server.stop();
  }
}

async function axfrRun(): Promise<{ zsMs: number[]; digMs: number[]; messages: number }> {
  const zone = 'axfr.bench.test';
  const recs = Array.from({ length: AXFR_N }, (_, i) => ({ name: `h${i}`, type: 'A', rdata: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
  const server = await startBind({ zones: [{ name: zone, records: recs }], readyTimeoutMs: 120_000 });
  try {
    const p = providerFor(server, { timeout: '60' });
    const zsMs: number[] = [];
    const digMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const got = (await p.getRecords({ name: zone, meta: {} }))!;
      zsMs.push(performance.now() - t0);
      if (got.length !== AXFR_N + 2) throw new Error(`read ${got.length} records, expected ${AXFR_N + 2}`);
      const t1 = performance.now();
      await digAxfr(server, zone, server.key);
      digMs.push(performance.now() - t1);
    }
    const { transferZone } = await import('../providers/rfc2136/axfr.js');
    const { parseSettings } = await import('../providers/rfc2136/settings.js');
    const { credsFor } = await import('../test/providers/rfc2136/helpers.js');
    const s = parseSettings(credsFor(server), {});
    const t = await transferZone({ endpoint: s.transfer, zone, key: s.transferKey, now: Date.now, timeoutMs: 60_000 });
    return { zsMs, digMs, messages: t.messages };
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
try {
  console.log(`RFC2136 bench: Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), BIND 9 on loopback; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const runs: PushRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await pushRun(i, dir);
    runs.push(r);
    console.log(
      `  run ${i + 1}: zonesmith ${r.zsMs.toFixed(0)} ms (UPDATEs ${r.zsSendMs.toFixed(0)} + verify ${(r.zsMs - r.zsSendMs).toFixed(0)}; CPU node ${r.zsCpu.toFixed(0)}, named ${r.zsNamedCpu.toFixed(0)}), ` +
        `${r.zsMessages} messages (lower bound ${r.lowerBound}) | nsupdate ${r.nsMs.toFixed(0)} ms (CPU nsupdate ${r.nsCpu.toFixed(0)}, named ${r.nsNamedCpu.toFixed(0)}), ${r.nsMessages} messages`,
    );
  }
  const zs = median(runs.map((r) => r.zsMs));
  const ns = median(runs.map((r) => r.nsMs));
  const last = runs[runs.length - 1]!;
  console.log(`push ${N} new records, median of ${RUNS}:`);
  console.log(`  zonesmith apply ${zs.toFixed(0)} ms (UPDATEs ${median(runs.map((r) => r.zsSendMs)).toFixed(0)} ms), ${last.zsMessages} messages = lower bound ${last.lowerBound} (${last.payload} octets incl. one prerequisite per new RRset)`);
  console.log(`  nsupdate        ${ns.toFixed(0)} ms, ${last.nsMessages} messages (no prerequisites)`);
  console.log(
    `  ratio of medians ${(zs / ns).toFixed(2)} (target ≤ 1.20); median of per-run ratios ${median(runs.map((r) => r.zsMs / r.nsMs)).toFixed(2)}; ` +
      `first run (cold JIT) ${(runs[0]!.zsMs / runs[0]!.nsMs).toFixed(2)}; messages = lower bound in every run: ${runs.every((r) => r.zsMessages === r.lowerBound)}`,
  );
  console.log(
    `  CPU medians: zonesmith node ${median(runs.map((r) => r.zsCpu)).toFixed(0)} + named ${median(runs.map((r) => r.zsNamedCpu)).toFixed(0)} ms; ` +
      `nsupdate ${median(runs.map((r) => r.nsCpu)).toFixed(0)} + named ${median(runs.map((r) => r.nsNamedCpu)).toFixed(0)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  if (AXFR_N > 0) {
    const a = await axfrRun();
    console.log(`AXFR read of ${AXFR_N} records (${a.messages} messages, all TSIG-verified): zonesmith getRecords median ${median(a.zsMs).toFixed(0)} ms; dig AXFR ${median(a.digMs).toFixed(0)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
