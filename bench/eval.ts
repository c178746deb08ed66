/**
 * Loading benchmark: 1,000 domains × 100 records, as a typed dnsconfig.ts split over 10 files and
 * as a DNSControl dnsconfig.js (require()d files, shared globals). Each scenario runs in its own
 * process so its peak memory is its own; each loads twice (cold, then warm).
 *
 *   node --import tsx bench/eval.ts            all scenarios, a table on stdout
 *   node --import tsx bench/eval.ts --json     the same as JSON
 *   node --import tsx bench/eval.ts --generate DIR   only write the two configs to DIR
 *   node --import tsx bench/eval.ts --cli DIST       also time `DIST/src/bin/zonesmith.js check --no-typecheck` (the bundled CLI npx runs)
 *                                                    (the built CLI; default dist) on both configs, with
 *                                                    the peaks of the CLI and of its sandbox child
 *
 * Target (brief): loading ≤ 1.0 s and ≤ 300 MB without the type check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawConfig, RawDomain } from '../src/dsl/raw-types.js';
import { ConfigNormalizer, normalizeConfig } from '../src/ir/normalize.js';
import { loadConfig, loadConfigInParts, type LoadStats } from '../src/load/index.js';

const DOMAINS = 1_000;
const RECORDS = 100;
const FILES = 10;

/** The records of domain `d`: a realistic mix, every label distinct. */
function records(d: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const k = i % 20;
    if (k < 8) out.push(`A("h${i}", "192.0.${d % 256}.${i}")`);
    else if (k < 12) out.push(`AAAA("v${i}", "2001:db8:${d.toString(16)}::${i.toString(16)}")`);
    else if (k < 15) out.push(`CNAME("c${i}", "h${i - 1}")`);
    else if (k === 15) out.push(`MX("@", ${i}, "mx${i}.example.net.")`);
    else if (k < 18) out.push(`TXT("t${i}", "v=spf1 include:_spf${i}.example.net ~all")`);
    else if (k === 18) out.push(`SRV("_sip${i}._tcp", 10, 5, 5060, "sip${i}.example.net.", TTL(600))`);
    else out.push(`CAA("@", "issue", "ca${i}.example.net")`);
  }
  return out;
}

function domainCall(d: number, reg: string, dns: string): string {
  return `D("d${d}.example", ${reg}, DnsProvider(${dns}),\n  ${records(d).join(',\n  ')}\n);\n`;
}

/** Writes both configs; returns their paths. */
function generate(dir: string): { ts: string; js: string } {
  const per = DOMAINS / FILES;
  mkdirSync(path.join(dir, 'ts', 'zones'), { recursive: true });
  mkdirSync(path.join(dir, 'js', 'zones'), { recursive: true });
  const builders = 'A, AAAA, CAA, CNAME, D, DnsProvider, MX, SRV, TTL, TXT';
  const imports: string[] = [];
  for (let f = 0; f < FILES; f++) {
    let ts = `import { ${builders} } from "zonesmith";\n\nexport function zones${f}(reg: string, dns: string): void {\n`;
    let js = '';
    for (let d = f * per; d < (f + 1) * per; d++) {
      ts += domainCall(d, 'reg', 'dns');
      js += domainCall(d, 'REG', 'DNS');
    }
    writeFileSync(path.join(dir, 'ts', 'zones', `z${f}.ts`), `${ts}}\n`);
    writeFileSync(path.join(dir, 'js', 'zones', `z${f}.js`), js);
    imports.push(`import { zones${f} } from "./zones/z${f}.ts";`);
  }
  const calls = Array.from({ length: FILES }, (_, f) => `zones${f}(REG, DNS);`).join('\n');
  writeFileSync(
    path.join(dir, 'ts', 'dnsconfig.ts'),
    `import { NewDnsProvider, NewRegistrar } from "zonesmith";\n${imports.join('\n')}\n\nconst REG = NewRegistrar("none");\nconst DNS = NewDnsProvider("bind", "BIND");\n${calls}\n`,
  );
  writeFileSync(
    path.join(dir, 'js', 'dnsconfig.js'),
    `var REG = NewRegistrar("none");\nvar DNS = NewDnsProvider("bind", "BIND");\nrequire_glob("./zones/");\n`,
  );
  return { ts: path.join(dir, 'ts', 'dnsconfig.ts'), js: path.join(dir, 'js', 'dnsconfig.js') };
}

interface Run {
  wallMs: number;
  /** CPU time of this process during the run (esbuild's own process not included), ms. */
  hostCpuMs: number;
  typecheckMs?: number;
  normalizeMs?: number;
  stats?: LoadStats;
}

interface ScenarioResult {
  scenario: string;
  cold: Run;
  warm: Run;
  /** Peak RSS of this process after the cold run (what one CLI run sees, plus tsx), MB. */
  hostPeakColdMb: number;
  /** Peak RSS after both runs, MB. */
  hostPeakMb: number;
  sandboxPeakMb: number | undefined;
}

const SCENARIOS = ['ts', 'ts+normalize', 'ts+streamed', 'typecheck+ts+normalize', 'js+normalize'] as const;

/** One scenario, in this process. */
async function runScenario(scenario: string, configs: { ts: string; js: string }): Promise<ScenarioResult> {
  const file = scenario.includes('js') ? configs.js : configs.ts;
  const once = async (): Promise<Run> => {
    const run: Run = { wallMs: 0, hostCpuMs: 0 };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    if (scenario.startsWith('typecheck')) {
      // Imported here: loading TypeScript alone costs about 130 MB, which the other scenarios avoid.
      const { typecheckConfig } = await import('../src/load/typecheck.js');
      const diags = typecheckConfig(file);
      if (diags.length > 0) throw new Error(`type errors: ${diags.length}`);
      run.typecheckMs = performance.now() - t0;
    }
    if (scenario.includes('streamed')) {
      // The CLI's path: domains streamed while the config runs, normalised as they arrive
      // (src/load/raw-stream.ts); checkMs is then only what is left after the sandbox answered.
      let n: ConfigNormalizer | undefined;
      let whole: ReturnType<typeof normalizeConfig> | undefined;
      const sink = await loadConfigInParts({ configPath: file, onStats: (s) => (run.stats = s) }, async () => ({
        providers: (r: RawConfig['registrars'], d: RawConfig['dnsProviders']) => void (n = new ConfigNormalizer(r, d)),
        domain: (d: RawDomain) => (n as ConfigNormalizer).domain(d),
        whole: (c: RawConfig) => void (whole = normalizeConfig(c)),
        result: () => whole ?? (n as ConfigNormalizer).result(),
      }));
      const { ir, diagnostics } = sink.result();
      if (ir.domains.length !== DOMAINS) throw new Error(`expected ${DOMAINS} domains, got ${ir.domains.length}`);
      if (diagnostics.some((d) => d.severity === 'error')) throw new Error('normalize errors');
      run.wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      run.hostCpuMs = (cpu.user + cpu.system) / 1000;
      return run;
    }
    const raw = await loadConfig({ configPath: file, onStats: (s) => (run.stats = s) });
    if (raw.domains.length !== DOMAINS) throw new Error(`expected ${DOMAINS} domains, got ${raw.domains.length}`);
    if (scenario.includes('normalize')) {
      const t1 = performance.now();
      const { diagnostics } = normalizeConfig(raw);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new Error(`normalize errors: ${errors[0]?.message}`);
      run.normalizeMs = performance.now() - t1;
    }
    run.wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    run.hostCpuMs = (cpu.user + cpu.system) / 1000;
    return run;
  };
  const cold = await once();
  const hostPeakColdMb = process.resourceUsage().maxRSS / 1024;
  const warm = await once();
  return {
    scenario,
    cold,
    warm,
    hostPeakColdMb,
    hostPeakMb: process.resourceUsage().maxRSS / 1024,
    sandboxPeakMb: Math.max(cold.stats?.sandboxPeakMb ?? 0, warm.stats?.sandboxPeakMb ?? 0) || undefined,
  };
}

/** The built CLI on one config: best wall of three, and the peaks of its two processes. */
interface CliRun {
  scenario: string;
  wallMs: number;
  /** CPU of the CLI and the children it reaped (GNU time), ms. */
  cpuMs?: number;
  /** Peak RSS of the largest process (GNU time), MB. */
  peakMb?: number;
  /** Peak RSS of the CLI process itself and of its sandbox child, from a fourth, probed run, MB. */
  hostPeakMb?: number;
  sandboxPeakMb?: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Preloaded into the probed run only: at exit, prints the CLI process's own peak RSS and the one
 * the sandbox child reported with its answer (the `maxRssKb` of src/load/sandbox-child.ts).
 */
const PROBE = `import cp from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
let sandboxKb = 0;
const spawn = cp.spawn;
cp.spawn = function (...args) {
  const child = spawn.apply(this, args);
  child.on('message', (m) => { if (typeof m?.maxRssKb === 'number') sandboxKb = m.maxRssKb; });
  return child;
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('zonesmith-probe ' + process.resourceUsage().maxRSS + ' ' + sandboxKb + '\\n'));`;

/** `zonesmith check --no-typecheck` in the config's directory, as a user runs it. */
function runCli(bin: string, config: string, scenario: string): CliRun {
  const argv = [bin, 'check', '--no-typecheck'];
  const cwd = path.dirname(config);
  const runs: CliRun[] = [];
  for (let i = 0; i < 3; i++) {
    const timed = existsSync(GNU_TIME);
    const t0 = performance.now();
    const r = timed
      ? spawnSync(GNU_TIME, ['-f', 'zonesmith-time %U %S %M', process.execPath, ...argv], { cwd, encoding: 'utf8' })
      : spawnSync(process.execPath, argv, { cwd, encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${scenario} failed: ${r.stderr}`);
    const m = /zonesmith-time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    runs.push({ scenario, wallMs, ...(m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, peakMb: Number(m[3]) / 1024 } : {}) });
  }
  const best = runs.sort((a, b) => a.wallMs - b.wallMs)[0] as CliRun;
  // Apart from the timed runs: the preload adds a module to the start-up.
  const probe = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(PROBE)}`, ...argv], { cwd, encoding: 'utf8' });
  const p = /zonesmith-probe (\d+) (\d+)/.exec(probe.stderr);
  return p ? { ...best, hostPeakMb: Number(p[1]) / 1024, sandboxPeakMb: Number(p[2]) / 1024 || undefined } : best;
}

function cliTable(runs: CliRun[]): string {
  const mb = (n: number | undefined): string => n?.toFixed(0) ?? '-';
  const rows = ['| CLI `check --no-typecheck` | wall ms (best of 3) | CPU ms (CLI + children) | host peak MB | sandbox peak MB | largest process MB |', '|---|---|---|---|---|---|'];
  for (const r of runs) rows.push(`| ${r.scenario} | ${r.wallMs.toFixed(0)} | ${r.cpuMs?.toFixed(0) ?? '-'} | ${mb(r.hostPeakMb)} | ${mb(r.sandboxPeakMb)} | ${mb(r.peakMb)} |`);
  return rows.join('\n');
}

function table(results: ScenarioResult[]): string {
  const ms = (n: number | undefined): string => (n === undefined ? '-' : n.toFixed(0));
  const rows = [
    '| scenario | cold wall ms | warm wall ms | bundle | evaluate | check | typecheck | normalise | host CPU ms | sandbox CPU ms | host peak MB (cold / both) | sandbox peak MB | JSON MB | numbered calls |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const s = r.warm.stats;
    rows.push(
      `| ${r.scenario} | ${ms(r.cold.wallMs)} | ${ms(r.warm.wallMs)} | ${ms(s?.bundleMs)} | ${ms(s?.evaluateMs)} | ${ms(s?.checkMs)} | ${ms(r.warm.typecheckMs)} | ${ms(r.warm.normalizeMs)} | ${ms(r.warm.hostCpuMs)} | ${ms(s?.sandboxCpuMs)} | ${r.hostPeakColdMb.toFixed(0)} / ${r.hostPeakMb.toFixed(0)} | ${r.sandboxPeakMb?.toFixed(0) ?? '-'} | ${((s?.outputBytes ?? 0) / 1e6).toFixed(1)} | ${s?.numberedCalls ?? '-'} |`,
    );
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const child = args.indexOf('--scenario');
  if (child >= 0) {
    const [scenario, ts, js] = args.slice(child + 1);
    const result = await runScenario(scenario ?? 'ts', { ts: ts ?? '', js: js ?? '' });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const gen = args.indexOf('--generate');
  if (gen >= 0) {
    const configs = generate(path.resolve(args[gen + 1] ?? 'bench-eval-config'));
    process.stdout.write(`${configs.ts}\n${configs.js}\n`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'zonesmith-bench-eval-'));
  // Before and after: the benchmark's own processes raise the load average it reports at the end.
  const loadBefore = os.loadavg();
  try {
    const configs = generate(dir);
    const results: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--scenario', scenario, configs.ts, configs.js], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`scenario ${scenario} failed: ${r.stderr}`);
      results.push(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as ScenarioResult);
    }
    const cliAt = args.indexOf('--cli');
    const cli: CliRun[] = [];
    if (cliAt >= 0) {
      const next = args[cliAt + 1];
      const bin = path.resolve(next && !next.startsWith('--') ? next : 'dist', 'src/bin/zonesmith.js');
      cli.push(runCli(bin, configs.ts, 'ts'), runCli(bin, configs.js, 'js'));
    }
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(cli.length > 0 ? { results, cli } : results, null, 2)}\n`);
    else {
      const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
      process.stdout.write(
        `${DOMAINS} domains × ${RECORDS} records, Node ${process.versions.node}, ${os.cpus().length} CPUs, ${new Date().toISOString()}, load average ${load(loadBefore)} before, ${load(os.loadavg())} after\n\n` +
          `${table(results)}\n\nbundle to normalise and the CPU columns: the warm run.\n`,
      );
      if (cli.length > 0) process.stdout.write(`\n${cliTable(cli)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
