// Domains streamed while the config runs (src/dsl/stream.ts, src/load/raw-stream.ts) must give
// exactly what the whole answer gives: the same RawConfig, the same IR and diagnostics, the same
// errors; and whatever a later call changes, or a config tampers with, must not slip through.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawConfig, RawDomain, RawProvider } from '../../src/dsl/raw-types.js';
import { ZonesmithError } from '../../src/errors.js';
import { ConfigNormalizer, normalizeConfig } from '../../src/ir/normalize.js';
import { loadConfig, loadConfigInParts, type LoadStats, type RawConfigSink } from '../../src/load/index.js';

/** Enough domains for several chunks (64 KiB each): 200 domains of 20 records, ~280 KB of JSON. */
function domains(from: number, to: number, extra = ''): string {
  return `for (var i = ${from}; i < ${to}; i++) {
  var recs = [];
  for (var j = 0; j < 20; j++) recs.push(A("h" + j, "192.0.2." + j));
  D("d" + i + ".example", REG, DnsProvider(DNS), recs, TXT("t", "v=" + i)${extra});
}
`;
}
const HEAD = 'var REG = NewRegistrar("none");\nvar DNS = NewDnsProvider("bind", "BIND");\n';

function configFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-stream-'));
  const file = path.join(dir, 'dnsconfig.js');
  writeFileSync(file, text);
  return file;
}

/** A sink that keeps what it is given, as RawConfig. */
class Keep implements RawConfigSink {
  config: { registrars: readonly RawProvider[]; dnsProviders: readonly RawProvider[]; domains: RawDomain[] } = { registrars: [], dnsProviders: [], domains: [] };
  providers(registrars: readonly RawProvider[], dnsProviders: readonly RawProvider[]): void {
    this.config = { registrars, dnsProviders, domains: [] };
  }
  domain(domain: RawDomain): boolean {
    this.config.domains.push(domain);
    return true;
  }
  whole(config: RawConfig): void {
    this.config = { registrars: config.registrars, dnsProviders: config.dnsProviders, domains: [...config.domains] };
  }
}

async function inParts(file: string, opts: { maxOutputBytes?: number } = {}): Promise<{ config: RawConfig; stats: LoadStats }> {
  let stats: LoadStats | undefined;
  const sink = await loadConfigInParts({ configPath: file, ...opts, onStats: (s) => (stats = s) }, async () => new Keep());
  return { config: sink.config, stats: stats as LoadStats };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ZonesmithError);
    return (err as ZonesmithError).code;
  }
  throw new Error('expected a failure');
}

describe('domains streamed while the config runs', () => {
  it('arrive as they are declared and give the same config as the whole answer', async () => {
    const file = configFile(HEAD + domains(0, 200));
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBeGreaterThan(100);
    expect(stats.streamedDomains).toBeLessThan(200);
    expect(config).toEqual(await loadConfig({ configPath: file }));
    expect(config.domains).toHaveLength(200);
  });

  it('carry positions captured from the stack, mapped through the source map as they arrive', async () => {
    // Calls through an alias are not numbered at bundle time: the DSL captures their positions.
    const file = configFile(`${HEAD}var rec = A;
${domains(0, 200).replace('A("h" + j', 'rec("h" + j')}`);
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBeGreaterThan(100);
    expect(config).toEqual(await loadConfig({ configPath: file }));
    expect(config.domains[150]?.records[0]?.source).toEqual({ file: path.relative(process.cwd(), file), line: 6, column: 42 });
  });

  it('give the same IR and diagnostics, errors included', async () => {
    // A bad address in a streamed domain and in the last one, and a CNAME beside other data.
    const file = configFile(`${HEAD}${domains(0, 150)}D("bad.example", REG, A("x", "192.0.2.300"), CNAME("x", "y"));
${domains(150, 200)}D("last.example", REG, A("@", "not-an-ip"));
`);
    const norm = async () => {
      let n: ConfigNormalizer | undefined;
      let whole: ReturnType<typeof normalizeConfig> | undefined;
      return {
        providers: (r: readonly RawProvider[], d: readonly RawProvider[]) => void (n = new ConfigNormalizer(r, d)),
        domain: (d: RawDomain) => (n as ConfigNormalizer).domain(d),
        whole: (c: RawConfig) => void (whole = normalizeConfig(c)),
        result: () => whole ?? (n as ConfigNormalizer).result(),
      };
    };
    let stats: LoadStats | undefined;
    const streamed = (await loadConfigInParts({ configPath: file, onStats: (s) => (stats = s) }, norm)).result();
    expect(stats?.streamedDomains).toBeGreaterThan(150);
    const expected = normalizeConfig(await loadConfig({ configPath: file }));
    expect(streamed.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(streamed).toEqual(expected);
  });

  it('are dropped when D_EXTEND changes one of them later: the whole answer decides', async () => {
    const file = configFile(`${HEAD}${domains(0, 200)}D_EXTEND("d3.example", A("late", "192.0.2.99"));\n`);
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBe(0);
    expect(config).toEqual(await loadConfig({ configPath: file }));
    expect(config.domains[3]?.records.some((r) => r.label === 'late')).toBe(true);
  });

  it('are dropped when a provider is declared after them', async () => {
    const file = configFile(`${HEAD}${domains(0, 200)}NewDnsProvider("other", "BIND");\n`);
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBe(0);
    expect(config.dnsProviders.map((p) => p.name)).toEqual(['bind', 'other']);
    expect(config).toEqual(await loadConfig({ configPath: file }));
  });

  it('stop at a domain holding an object the config could still change, which is read at the end', async () => {
    const file = configFile(`${HEAD}var shared = { nested: { v: 1 } };
${domains(0, 100)}D("held.example", REG, A("@", "192.0.2.1", { note: shared }));
${domains(100, 200)}shared.nested.v = 2;
`);
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBeGreaterThan(0);
    expect(stats.streamedDomains).toBeLessThanOrEqual(100);
    expect(config).toEqual(await loadConfig({ configPath: file }));
    const held = config.domains.find((d) => d.name === 'held.example');
    expect(held?.records[0]?.meta).toEqual({ note: { nested: { v: 2 } } });
  });

  it('a config too small for a chunk, extended as it goes, is put together from the texts already made', async () => {
    const file = configFile(`${HEAD}D("a.example", REG, A("@", "192.0.2.1"));
DOMAIN_ELSEWHERE("b.example", REG, ["ns1.example.net."]);
D("c.example", REG, TXT("@", "x"));
D_EXTEND("a.example", A("www", "192.0.2.2"));
D_EXTEND("sub.c.example", CNAME("w", "a.example."));
D("d.example", REG, MX("@", 10, "mx.example.net."));
`);
    const { config, stats } = await inParts(file);
    expect(stats.streamedDomains).toBe(0);
    expect(config).toEqual(await loadConfig({ configPath: file }));
    expect(config.domains.map((d) => [d.name, d.records.length])).toEqual([['a.example', 2], ['b.example', 0], ['c.example', 2], ['d.example', 1]]);
  });

  it('count against the output limit', async () => {
    const file = configFile(HEAD + domains(0, 200));
    expect(await code(inParts(file, { maxOutputBytes: 100_000 }))).toBe('config-output-too-large');
  });

  it('leave an exception thrown later to decide', async () => {
    const file = configFile(`${HEAD}${domains(0, 200)}throw new Error("late failure");\n`);
    expect(await code(inParts(file))).toBe('config-exception');
  });

  it('cannot be redirected by the config: the answer then does not add up and is refused', async () => {
    // The config takes the DSL's stream for itself: what the DSL hands over never reaches the host.
    const file = configFile(`${HEAD}${domains(0, 100)}__zonesmith.stream(function () {});\n${domains(100, 200)}`);
    expect(await code(inParts(file))).toBe('config-output-invalid');
  });
});
