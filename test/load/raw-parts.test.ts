import { describe, expect, it } from 'vitest';
import type { RawConfig, RawDomain, RawProvider } from '../../src/dsl/raw-types.js';
import { ConfigNormalizer, normalizeConfig } from '../../src/ir/normalize.js';
import type { PositionMapper } from '../../src/load/positions.js';
import { readRawConfig, readRawConfigInParts, type RawConfigSink } from '../../src/load/raw-output.js';
import { splitRawConfig } from '../../src/load/raw-parts.js';

const mapper = {
  map: (line: number, column: number) => ({ file: 'dnsconfig.ts', line, column }),
  site: (site: number) => ({ file: 'dnsconfig.ts', line: site, column: 1 }),
} as unknown as PositionMapper;

function domain(name: string, registrar: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name, registrar, dnsProviders: [{ name: 'bind', nsCount: -1, site: 2 }],
    records: [{ type: 'TXT', label: '@', args: ['a "quoted" }],{ \\ text'], meta: {}, site: 3 }],
    absent: [], nameservers: [], noPurge: false, ignores: [], disableIgnoreSafetyCheck: false, meta: {}, site: 1, ...over,
  };
}

const config = (domains: unknown[], registrars: unknown[] = [{ name: 'reg', type: null, meta: {}, site: 4 }]): string =>
  JSON.stringify({ registrars, dnsProviders: [{ name: 'bind', type: 'BIND', meta: {}, site: 5 }], domains });

/** The CLI's use: a normaliser a domain at a time; `sinks` counts the sinks the loader asked for. */
class Sink implements RawConfigSink {
  normalizer: ConfigNormalizer | undefined;
  done: ReturnType<typeof normalizeConfig> | undefined;
  providers(registrars: readonly RawProvider[], dnsProviders: readonly RawProvider[]): void {
    this.normalizer = new ConfigNormalizer(registrars, dnsProviders);
  }
  domain(d: RawDomain): boolean {
    return this.normalizer?.domain(d) ?? false;
  }
  whole(c: RawConfig): void {
    this.done = normalizeConfig(c);
  }
  result(): ReturnType<typeof normalizeConfig> | undefined {
    return this.done ?? this.normalizer?.result();
  }
}

async function inParts(json: string): Promise<{ result: unknown; sinks: number }> {
  let sinks = 0;
  const sink = await readRawConfigInParts(json, mapper, 'dnsconfig.ts', async () => (sinks++, new Sink()));
  return { result: sink.result(), sinks };
}

describe('splitRawConfig', () => {
  it('splits what JSON.stringify wrote into the providers and one text per domain, strings with brackets and quotes included', () => {
    const d = [domain('a.example', 'reg'), domain('b.example', 'reg')];
    const parts = splitRawConfig(config(d));
    expect(parts?.domains.map((t) => JSON.parse(t))).toEqual(d);
    expect(JSON.parse(parts?.head ?? '')).toEqual({ registrars: [{ name: 'reg', type: null, meta: {}, site: 4 }], dnsProviders: [{ name: 'bind', type: 'BIND', meta: {}, site: 5 }] });
    expect(splitRawConfig(config([]))?.domains).toEqual([]);
  });

  it('finds the end of a domain that holds other objects named like one', () => {
    const d = [
      domain('a.example', 'reg', { dnsProviders: [{ name: 'p1', nsCount: -1 }, { name: 'p2', nsCount: 0 }], nameservers: [{ name: 'ns1.' }, { name: 'ns2.' }] }),
      domain('b.example', 'reg', { meta: { list: [{ x: 1 }, { name: 'n', nsCount: 5 }] } }),
      domain('c.example', 'reg'),
    ];
    expect(splitRawConfig(config(d))?.domains.map((t) => JSON.parse(t))).toEqual(d);
  });

  it('leaves any other shape whole', () => {
    const d = [domain('a.example', 'reg')];
    expect(splitRawConfig(JSON.stringify(JSON.parse(config(d)), null, 1))).toBeUndefined();
    expect(splitRawConfig(JSON.stringify({ dnsProviders: [], registrars: [], domains: d }))).toBeUndefined();
    expect(splitRawConfig(`${config(d).slice(0, -1)},"future":1}`)).toBeUndefined();
    expect(splitRawConfig(config([...d, null]))).toBeUndefined();
    expect(splitRawConfig(config(d).slice(0, -3))).toBeUndefined();
  });
});

describe('readRawConfigInParts', () => {
  it('gives the sink what the whole path gives normalizeConfig, a domain at a time', async () => {
    const json = config([domain('a.example', 'reg'), domain('A.example.', 'reg'), domain('bad..name', 'other')]);
    const { result, sinks } = await inParts(json);
    expect(sinks).toBe(1);
    expect(result).toEqual(normalizeConfig(readRawConfig(json, mapper, 'dnsconfig.ts')));
  });

  it('goes the whole way, with the same result, when a later domain declares the registrar "none" an earlier one needed', async () => {
    // The first domain's undeclared DNS provider "none" gets the hint that "none" is a registrar,
    // which only the second domain makes true.
    const json = config([domain('a.example', 'reg', { dnsProviders: [{ name: 'none', nsCount: -1 }] }), domain('b.example', 'none')]);
    const { result, sinks } = await inParts(json);
    expect(sinks).toBe(2);
    const whole = normalizeConfig(readRawConfig(json, mapper, 'dnsconfig.ts'));
    expect(result).toEqual(whole);
    expect(whole.diagnostics.map((d) => d.message)).toContain('DNS provider "none" is not declared with NewDnsProvider; "none" is declared with NewRegistrar, not NewDnsProvider');
  });

  it("reads the config whole, with the same result, when a domain's metadata looks like the start of the next domain", async () => {
    const forged = { list: [{ x: 1 }, { name: 'z.example', registrar: 'reg' }] };
    const json = config([domain('a.example', 'reg', { meta: forged }), domain('b.example', 'reg')]);
    expect(splitRawConfig(json)?.domains).toHaveLength(3);
    const { result, sinks } = await inParts(json);
    expect(sinks).toBe(2);
    expect(result).toEqual(normalizeConfig(readRawConfig(json, mapper, 'dnsconfig.ts')));
  });

  it('throws what loadConfig throws for malformed output', async () => {
    const bad = config([domain('a.example', 'reg', { records: 'x' })]);
    await expect(inParts(bad)).rejects.toMatchObject({ diagnostics: [{ message: "the DSL's output is malformed at $.domains[0].records: expected an array, got a string (\"x\")" }] });
    await expect(inParts(config([domain('a.example', 'reg')]).slice(0, -5))).rejects.toMatchObject({ code: 'config-output-invalid' });
  });
});
